// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// The official outputs in the form's menu: Word, Excel and PDF in the official layouts, the
// print formats, and the bound filing (built in the background, attached to the application).
// The server checks the user's permission on the record before producing anything.

const OUTPUTS = "cluster_registry.cluster_registry.outputs.api.";

function download(method, name) {
	window.open(`/api/method/${OUTPUTS}${method}?name=${encodeURIComponent(name)}`);
}

function print_as(frm, print_format) {
	frappe.route_options = { format: print_format };
	frappe.set_route("print", frm.doctype, frm.doc.name);
}

frappe.ui.form.on("Cluster Application", {
	refresh(frm) {
		if (frm.is_new()) return;
		const outputs = __("Official Outputs");
		frm.add_custom_button(
			__("Form (PDF)"),
			() =>
				frappe.call(OUTPUTS + "form_pdf_in_background", { name: frm.doc.name }).then((r) => {
					if (!r.message || !r.message.background) download("form_pdf", frm.doc.name);
				}),
			outputs
		);
		frm.add_custom_button(__("Form (Word)"), () => download("form_word", frm.doc.name), outputs);
		frm.add_custom_button(__("Four Libraries (Excel)"), () => download("libraries_excel", frm.doc.name), outputs);
		frm.add_custom_button(__("Print Official Form"), () => print_as(frm, "Official Form"), outputs);
		frm.add_custom_button(
			__("Bound Filing (PDF)"),
			() =>
				frappe.call(OUTPUTS + "bound_filing", { name: frm.doc.name }).then(() =>
					frappe.show_alert({ message: __("The bound filing is being built; it will be attached to this filing."), indicator: "blue" })
				),
			outputs
		);
		for (const [event, title] of [
			["cluster_registry_bound_filing", __("Bound Filing")],
			["cluster_registry_output_ready", __("Form (PDF)")],
		]) {
			frappe.realtime.off(event);
			frappe.realtime.on(event, (data) => {
				if (data.name !== frm.doc.name) return;
				frm.reload_doc();
				frappe.msgprint({
					title: title,
					indicator: "green",
					message: `<a href="${encodeURI(data.file_url)}" target="_blank">${__("Open the file")}</a>`,
				});
			});
		}
	},
});

frappe.ui.form.on("Recommendation List", {
	refresh(frm) {
		if (frm.is_new()) return;
		const outputs = __("Official Outputs");
		frm.add_custom_button(__("Print Summary Table"), () => print_as(frm, "Recommendation Summary"), outputs);
		frm.add_custom_button(__("Summary Table (Excel)"), () => download("summary_excel", frm.doc.name), outputs);
		frm.add_custom_button(__("Summary Table (Word)"), () => download("summary_word", frm.doc.name), outputs);
	},
});

frappe.ui.form.on("Onsite Verification", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Print Statement"), () => print_as(frm, "On-site Verification Statement"), __("Official Outputs"));
	},
});
