frappe.query_reports["Target Warnings"] = {
	filters: [
		{ fieldname: "data_year", label: __("Year Monitored"), fieldtype: "Int" },
		{ fieldname: "monitoring_round", label: __("Monitoring Round"), fieldtype: "Link", options: "Monitoring Round" },
	],
};
