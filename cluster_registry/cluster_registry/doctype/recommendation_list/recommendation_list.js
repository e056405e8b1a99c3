// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

frappe.ui.form.on("Recommendation List", {
	refresh(frm) {
		if (frm.doc.docstatus !== 0) return;
		frm.add_custom_button(__("Get Recommended Filings"), () => {
			if (!frm.doc.declaration_round || !frm.doc.recommending_unit || !frm.doc.filing_kind) {
				frappe.msgprint(__("Choose the round, the kind of filing and the recommending unit first."));
				return;
			}
			frappe
				.call(
					"cluster_registry.cluster_registry.doctype.recommendation_list.recommendation_list.recommendable_filings",
					{
						declaration_round: frm.doc.declaration_round,
						filing_kind: frm.doc.filing_kind,
						recommending_unit: frm.doc.recommending_unit,
					}
				)
				.then(({ message }) => {
					const listed = new Set((frm.doc.items || []).map((row) => row.application));
					(message || [])
						.filter((filing) => !listed.has(filing.name))
						.forEach((filing) => frm.add_child("items", { application: filing.name }));
					frm.refresh_field("items");
				});
		});
	},
});
