frappe.query_reports["Clusters Due for Review"] = {
	filters: [
		{
			fieldname: "round_year",
			label: __("Round Year"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		},
	],
};
