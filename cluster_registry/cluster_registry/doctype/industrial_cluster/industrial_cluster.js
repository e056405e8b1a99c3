// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

frappe.ui.form.on("Industrial Cluster", {
	setup(frm) {
		const county_only = () => ({ filters: { region_level: "县" } });
		frm.set_query("county", county_only);
		frm.set_query("other_counties", county_only); // a Table MultiSelect takes its query on the field
	},
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Annual Indicators"), () =>
			frappe.set_route("List", "Cluster Annual Indicator", { cluster: frm.doc.name })
		);
		frm.add_custom_button(__("Enterprise Library"), () =>
			frappe.set_route("List", "Cluster Enterprise", { cluster: frm.doc.name })
		);
		frm.add_custom_button(
			__("Import…"),
			() => cluster_registry.bulk_import.open("cluster", frm.doc.name),
			__("Import")
		);
		frm.add_custom_button(__("Recompute Figures"), () =>
			frappe
				.call("cluster_registry.cluster_registry.doctype.industrial_cluster.industrial_cluster.recompute_figures", {
					cluster: frm.doc.name,
				})
				.then(({ message }) =>
					frappe.show_alert({ message: __("{0} annual records recomputed", [message]), indicator: "green" })
				)
		);
	},
});
