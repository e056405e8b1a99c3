frappe.listview_settings["Enterprise"] = {
	onload(listview) {
		if (!frappe.user.has_role("Cluster Province Officer") && !frappe.user.has_role("System Manager")) return;
		listview.page.add_inner_button(__("Import Honour List"), () => cluster_registry.bulk_import.open("province"));
	},
};
