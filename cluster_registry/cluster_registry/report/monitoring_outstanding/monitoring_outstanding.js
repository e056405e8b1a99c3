frappe.query_reports["Monitoring Outstanding"] = {
	filters: [
		{ fieldname: "monitoring_round", label: __("Monitoring Round"), fieldtype: "Link", options: "Monitoring Round" },
		{ fieldname: "city", label: __("City"), fieldtype: "Link", options: "Administrative Region" },
		{ fieldname: "county", label: __("County"), fieldtype: "Link", options: "Administrative Region" },
	],
};
