// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// The monitoring filing in its official layout: PDF, Word and the print view.
const MONITORING_OUTPUTS = "/api/method/cluster_registry.cluster_registry.monitoring_outputs.";

frappe.ui.form.on("Cluster Monitoring Filing", {
	refresh(frm) {
		if (frm.is_new()) return;
		const outputs = __("Official Outputs");
		const open = (method) => window.open(`${MONITORING_OUTPUTS}${method}?name=${encodeURIComponent(frm.doc.name)}`);
		frm.add_custom_button(__("Monitoring Form (PDF)"), () => open("monitoring_pdf"), outputs);
		frm.add_custom_button(__("Monitoring Form (Word)"), () => open("monitoring_word"), outputs);
		frm.add_custom_button(
			__("Print Monitoring Form"),
			() => {
				frappe.route_options = { format: "Monitoring Filing" };
				frappe.set_route("print", frm.doctype, frm.doc.name);
			},
			outputs
		);
	},
});
