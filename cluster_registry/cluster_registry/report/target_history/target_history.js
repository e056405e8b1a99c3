frappe.query_reports["Target History"] = {
	filters: [
		{ fieldname: "cluster", label: __("Cluster"), fieldtype: "Link", options: "Industrial Cluster" },
		{ fieldname: "review_round_year", label: __("Due for Re-review in"), fieldtype: "Int" },
	],
};
