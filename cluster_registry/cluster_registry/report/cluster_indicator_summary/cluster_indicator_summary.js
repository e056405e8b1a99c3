frappe.query_reports["Cluster Indicator Summary"] = {
	filters: [
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: new Date().getFullYear() - 1,
			reqd: 1,
		},
	],
};
