// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// The province opens a filing for every recognised cluster (done on creating the round; the
// button catches clusters recognised since) and downloads the monitoring summary.
frappe.ui.form.on("Monitoring Round", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Open Filings for Recognised Clusters"), () =>
			frappe
				.call("cluster_registry.cluster_registry.monitoring_filings.open_filings", { monitoring_round: frm.doc.name })
				.then(({ message }) => frappe.show_alert({ message: __("{0} filing(s) opened.", [message]), indicator: "green" }))
		);
		frm.add_custom_button(
			__("Monitoring Summary (Excel)"),
			() =>
				window.open(
					`/api/method/cluster_registry.cluster_registry.monitoring_outputs.monitoring_summary_excel?name=${encodeURIComponent(frm.doc.name)}`
				),
			__("Official Outputs")
		);
	},
});
