// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// The desk shows the filing as its official form: the definition's sections and rows, with the
// answers bound to the Answers table (item, option, year, value). Server-side rules decide.

frappe.ui.form.on("Cluster Application", {
	refresh(frm) {
		frm.toggle_display("answers", false);
		if (frm.is_new()) return;
		render_form(frm);
		frm.add_custom_button(__("Pre-submission Check"), () => show_check(frm));
		add_chain_actions(frm);
	},
	before_workflow_action(frm) {
		// a filing is returned with its reasons written: ask for them before the action runs
		if (frm.selected_workflow_action !== "退回修改") return;
		return new Promise((resolve, reject) => {
			const dialog = frappe.prompt(
				{ fieldname: "reasons", fieldtype: "Small Text", label: __("Reasons for Return"), reqd: 1 },
				({ reasons }) =>
					frappe.db.set_value(frm.doctype, frm.doc.name, "return_reason", reasons).then(resolve, reject),
				__("Return for Correction")
			);
			dialog.onhide = () => reject();
		});
	},
});

const fill_years = (text, Y) =>
	(text || "").replace(/\{y([+-]\d+)?\}/g, (_, off) => String(Y + (off ? parseInt(off, 10) : 0)));

function answer_row(frm, key, option, year) {
	return (frm.doc.answers || []).find(
		(a) => a.item_key === key && (a.option_key || null) === (option || null) && (a.year || null) === (year || null)
	);
}

function set_answer(frm, key, option, year, value) {
	let row = answer_row(frm, key, option, year);
	if (!row) {
		row = frm.add_child("answers", { item_key: key, option_key: option || null, year: year || null });
	}
	row.value = value;
	frm.dirty();
}

function render_form(frm) {
	frappe.call("cluster_registry.api.application_form", { name: frm.doc.name }).then(({ message }) => {
		const { definition, years, round_year: Y } = message;
		const esc = frappe.utils.escape_html;
		const editable = ["草稿", "退回修改"].includes(frm.doc.status);
		const value = (key, option, year) => (answer_row(frm, key, option, year) || {}).value || "";
		const input = (key, option, year, extra = "") =>
			`<input class="form-control input-xs cr-answer" data-key="${key}" data-option="${option || ""}" data-year="${
				year || ""
			}" value="${esc(value(key, option, year))}" ${editable ? "" : "disabled"} ${extra}>`;
		let html = `<div class="cr-form"><h4 style="text-align:center">${esc(definition.title)}</h4>`;
		for (const section of definition.sections) {
			html += `<h5 style="margin-top:1.2em">${esc(fill_years(section.title, Y))}</h5><table class="table table-bordered"><tbody>`;
			for (const item of section.items) {
				const label = esc(fill_years(item.label || item.text || "", Y));
				const key = item.key;
				if (item.type === "text" || item.type === "figure" || item.type === "named_count") {
					html += `<tr><th style="width:40%">${label}</th><td>${input(key)}${
						item.type === "named_count" ? `<div class="small text-muted">${__("Names")}</div>${input(key, "names")}` : ""
					}</td></tr>`;
				} else if (item.type === "choice") {
					const current = value(key);
					const radios = item.options
						.map(
							(o) =>
								`<label style="margin-right:1em"><input type="radio" name="cr-${key}" class="cr-choice" data-key="${key}" value="${esc(
									o
								)}" ${o === current ? "checked" : ""} ${editable ? "" : "disabled"}> ${esc(o)}${
									(item.explain || []).includes(o) ? "（需附情况说明）" : ""
								}</label>`
						)
						.join("");
					html += `<tr><th>${label}</th><td>${radios}</td></tr>`;
				} else if (item.type === "yearly") {
					const cells = years.data
						.map((y) => `<div style="display:inline-block;width:32%"><small>${y}年</small>${input(key, null, y)}</div>`)
						.join(" ");
					html += `<tr><th>${label}</th><td>${cells}</td></tr>`;
				} else if (item.type === "narrative") {
					const text = value(key);
					const limit = item.limit ? `${__("Limit")} ${item.limit}` : "";
					html += `<tr><th>${label}<div class="small text-muted cr-count" data-key="${key}" data-limit="${
						item.limit || ""
					}"></div></th><td><textarea class="form-control cr-answer" rows="4" data-key="${key}" data-option="" data-year="" ${
						editable ? "" : "disabled"
					}>${esc(text)}</textarea><div class="small text-muted">${limit}</div></td></tr>`;
				} else if (item.type === "checkboxes") {
					const boxes = item.options
						.map(
							(o) =>
								`<div><label><input type="checkbox" class="cr-tick" data-key="${key}" data-option="${o.key}" ${
									value(key, o.key) === "1" ? "checked" : ""
								} ${editable ? "" : "disabled"}> ${esc(fill_years(o.label, Y))}</label></div>`
						)
						.join("");
					const note = item.evidence ? `<div class="small text-muted">${"（注：勾选需提供佐证材料）"}</div>` : "";
					html += `<tr><th>${label}</th><td>${boxes}${note}</td></tr>`;
				} else if (item.type === "table") {
					html += `<tr><th colspan="2">${label}</th></tr><tr><td colspan="2">${table_inputs(item, Y, input, esc)}</td></tr>`;
				} else if (item.type === "note") {
					html += `<tr><td colspan="2" class="small text-muted">${label}</td></tr>`;
				} else if (item.type === "targets" || item.type === "stages") {
					html += `<tr><th>${label}</th><td class="text-muted">${__("See the Targets table below.")}</td></tr>`;
				}
			}
			html += `</tbody></table>`;
		}
		html += `</div>`;
		const $wrapper = frm.get_field("form_html").$wrapper.html(html);
		const count = () =>
			$wrapper.find(".cr-count").each(function () {
				const key = $(this).data("key");
				const limit = $(this).data("limit");
				const used = ($wrapper.find(`textarea[data-key="${key}"]`).val() || "").replace(/\s/g, "").length;
				$(this)
					.text(limit ? __("{0} / {1} characters", [used, limit]) : "")
					.toggleClass("text-danger", !!limit && used > limit);
			});
		count();
		$wrapper.on("change", ".cr-answer", function () {
			const $el = $(this);
			set_answer(frm, $el.data("key"), $el.data("option") || null, parseInt($el.data("year"), 10) || null, $el.val());
		});
		$wrapper.on("input", "textarea", count);
		$wrapper.on("change", ".cr-choice", function () {
			set_answer(frm, $(this).data("key"), null, null, $(this).val());
		});
		$wrapper.on("change", ".cr-tick", function () {
			set_answer(frm, $(this).data("key"), $(this).data("option"), null, this.checked ? "1" : "0");
		});
	});
}

// A table the county fills: one input per cell, stored under option "<row>.<column>" (the row is the
// label's key, or its number from 1). Tables drawn from the app's lists are shown as such.
function table_inputs(item, Y, input, esc) {
	if (item.source) return `<span class="text-muted">${__("Filled from the cluster's lists when printed.")}</span>`;
	const labelled = item.row_labels || [];
	const rows = labelled.length
		? labelled.map((r) => ({ key: r.key, label: fill_years(r.label, Y) }))
		: Array.from({ length: item.rows || 1 }, (_, i) => ({ key: String(i + 1), label: String(i + 1) }));
	const columns = item.columns.filter((c) => c.key !== "seq").slice(labelled.length ? 1 : 0);
	const head = `<tr><th></th>${columns
		.map((c) => `<th class="small">${esc(fill_years([c.group, c.label].filter(Boolean).join(" "), Y))}</th>`)
		.join("")}</tr>`;
	const body = rows
		.map(
			(r) =>
				`<tr><th class="small">${esc(r.label)}</th>${columns
					.map((c) => `<td>${input(item.key, `${r.key}.${c.key}`, null)}</td>`)
					.join("")}</tr>`
		)
		.join("");
	return `<div style="overflow-x:auto"><table class="table table-bordered table-sm">${head}${body}</table></div>`;
}

// The steps of the chain that need a record of their own: the city's on-site check and the
// province's assignment of experts.
function add_chain_actions(frm) {
	const roles = frappe.user_roles;
	const chain = __("Approval");
	if (["已提交市级", "市级现场核查"].includes(frm.doc.status) && roles.includes("Cluster City Officer")) {
		frm.add_custom_button(
			__("Onsite Verification"),
			() => frappe.new_doc("Onsite Verification", { application: frm.doc.name }),
			chain
		);
	}
	if (frm.doc.status === "专家评审" && roles.includes("Cluster Province Officer")) {
		frm.add_custom_button(
			__("Assign Experts"),
			() => {
				frappe.prompt(
					{
						fieldname: "experts",
						fieldtype: "MultiSelectPills",
						label: __("Experts"),
						reqd: 1,
						get_data: (txt) =>
							frappe
								.xcall(
									"cluster_registry.cluster_registry.doctype.expert_review.expert_review.expert_options",
									{ txt }
								),
					},
					({ experts }) =>
						frappe
							.call("cluster_registry.cluster_registry.doctype.expert_review.expert_review.assign_experts", {
								application: frm.doc.name,
								experts,
							})
							.then(() => frm.reload_doc()),
					__("Assign Experts")
				);
			},
			chain
		);
	}
}

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
						Object.entries(c.figures)
							.map(([y, v]) => `${y}: ${v ?? "—"}`)
							.join("，")
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
