frappe.query_reports["Expert Review Ranking"] = {
	filters: [
		{
			fieldname: "declaration_round",
			label: __("Declaration Round"),
			fieldtype: "Link",
			options: "Declaration Round",
			reqd: 1,
		},
	],
};
