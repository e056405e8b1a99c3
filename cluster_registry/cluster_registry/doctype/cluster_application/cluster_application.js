// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

frappe.ui.form.on("Cluster Application", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Pre-submission Check"), () => show_check(frm));
		if (frm.doc.status === "草稿") {
			frm.add_custom_button(__("Submit Filing"), () =>
				frappe.confirm(__("Submit this filing? It is checked first."), () => {
					frm.set_value("status", "已提交");
					frm.save();
				})
			);
		}
	},
});

function show_check(frm) {
	Promise.all([
		frappe.call("cluster_registry.api.check_application", { name: frm.doc.name }),
		frappe.call("cluster_registry.api.application_criteria", { name: frm.doc.name }),
	]).then(([findings, criteria]) => {
		const esc = frappe.utils.escape_html;
		const rows = (findings.message || [])
			.map(
				(f) =>
					`<tr><td><span class="indicator-pill ${f.severity === "error" ? "red" : "orange"}">${__(
						f.severity === "error" ? "Error" : "Warning"
					)}</span></td><td>${esc(f.field)}</td><td>${esc(f.message)}</td></tr>`
			)
			.join("");
		const crit = (criteria.message || [])
			.map(
				(c) =>
					`<tr><td>${c.passed ? "✔" : "✘"}</td><td>${esc(c.description)}</td><td>${esc(
						Object.entries(c.figures).map(([y, v]) => `${y}: ${v ?? "—"}`).join("，")
					)}</td><td>${esc(c.comparison)} ${c.threshold}</td></tr>`
			)
			.join("");
		frappe.msgprint({
			title: __("Pre-submission Check"),
			wide: true,
			message:
				(rows
					? `<table class="table table-bordered"><tbody>${rows}</tbody></table>`
					: `<p>${__("No problems found.")}</p>`) +
				(crit
					? `<h5>${__("Recognition Criteria")}</h5><table class="table table-bordered"><tbody>${crit}</tbody></table>`
					: ""),
		});
	});
}
