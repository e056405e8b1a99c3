// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

const LIBRARY_COUNTS = [
	"enterprise_count", "sme_count", "above_size_count", "listed_count", "quality_sme_count",
	"high_tech_count", "chain_leader_count", "integration_certified_count", "national_champion_count",
	"provincial_champion_count", "little_giant_count", "provincial_little_giant_count",
	"specialized_sme_count", "innovative_sme_count", "smart_factory_leading_count",
	"smart_factory_excellent_count", "smart_factory_advanced_count", "smart_factory_basic_count",
	"green_factory_national_count", "green_factory_provincial_count",
	"green_supply_chain_national_count", "green_supply_chain_provincial_count",
];

frappe.ui.form.on("Cluster Annual Indicator", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Enterprises Behind a Count"), () => show_enterprises_behind(frm));
		if (frm.doc.figure_flags && frm.doc.figure_flags.length) {
			frm.dashboard.add_comment(
				__("{0} typed figure(s) differ from their computation: see Figures to Check.", [
					frm.doc.figure_flags.length,
				]),
				"yellow",
				true
			);
		}
	},
});

function show_enterprises_behind(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Enterprises Behind a Count"),
		fields: [
			{
				fieldname: "field",
				fieldtype: "Select",
				label: __("Count"),
				options: LIBRARY_COUNTS.map((f) => ({
					value: f,
					label: `${__(frappe.meta.get_label(frm.doctype, f), null, frm.doctype)} (${frm.doc[f] || 0})`,
				})),
				reqd: 1,
			},
			{ fieldname: "list", fieldtype: "HTML" },
		],
		primary_action_label: __("Show"),
		primary_action({ field }) {
			frappe
				.call("cluster_registry.cluster_registry.doctype.cluster_annual_indicator.cluster_annual_indicator.get_enterprises_behind", {
					indicator: frm.doc.name,
					field,
				})
				.then(({ message }) => {
					const rows = (message || [])
						.map(
							(r, i) =>
								`<tr><td>${i + 1}</td><td><a href="/app/enterprise/${encodeURIComponent(r.enterprise)}">${frappe.utils.escape_html(r.enterprise_name)}</a></td><td>${frappe.utils.escape_html(r.enterprise)}</td></tr>`
						)
						.join("");
					dialog.fields_dict.list.$wrapper.html(
						`<table class="table table-bordered"><thead><tr><th>#</th><th>${__("Enterprise Name")}</th><th>${__("Unified Social Credit Code")}</th></tr></thead><tbody>${rows}</tbody></table>`
					);
				});
		},
	});
	dialog.show();
}
