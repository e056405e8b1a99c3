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

// The form is drawn from the template cluster_application_form.html (a view of the definition and
// the answers); its handlers are bound once per form, on the wrapper, and read the inputs' data-*.
function render_form(frm) {
	frappe.call("cluster_registry.api.application_form", { name: frm.doc.name }).then(({ message }) => {
		const { definition, years, round_year: Y } = message;
		const esc = frappe.utils.escape_html;
		const editable = frappe.boot.cluster_registry.editable_states.includes(frm.doc.status);
		const value = (key, option, year) => (answer_row(frm, key, option, year) || {}).value || "";
		const field = (key, option, year) =>
			`<input class="form-control input-xs cr-answer" data-key="${esc(key)}" data-option="${esc(
				option || ""
			)}" data-year="${year || ""}" value="${esc(value(key, option, year))}" ${editable ? "" : "disabled"}>`;
		const html = frappe.render_template("cluster_application_form", {
			title: definition.title,
			sections: definition.sections.map((section) => ({
				title: fill_years(section.title, Y),
				rows: section.items.map((item) => form_row(item, Y, value)),
			})),
			years: years.data,
			disabled: editable ? "" : "disabled",
			esc,
			field,
			value,
		});
		const $wrapper = frm.get_field("form_html").$wrapper;
		$wrapper.html(html);
		bind_form_handlers(frm, $wrapper);
		count_characters($wrapper);
	});
}

// One row of the template's view: what kind of row, its label with the round's years, and its choices.
function form_row(item, Y, value) {
	const label = fill_years(item.label || item.text || "", Y);
	const key = item.key;
	const kind = { text: "field", figure: "field", named_count: "field", stages: "targets" }[item.type] || item.type;
	const row = { kind, key, label };
	if (item.type === "named_count") row.names = true;
	if (item.type === "choice") {
		row.options = item.options.map((option) => ({
			value: option,
			checked: option === value(key),
			explain: (item.explain || []).includes(option),
		}));
	}
	if (item.type === "narrative") row.limit = item.limit;
	if (item.type === "checkboxes") {
		row.evidence = item.evidence;
		row.options = item.options.map((option) => ({
			key: option.key,
			label: fill_years(option.label, Y),
			checked: value(key, option.key) === "1",
		}));
	}
	if (item.type === "table") Object.assign(row, table_view(item, Y));
	return row;
}

// A table the county fills: one input per cell, stored under option "<row>.<column>" (the row is the
// label's key, or its number from 1). Tables drawn from the app's lists are shown as such.
function table_view(item, Y) {
	if (item.source) return { from_lists: true };
	const labelled = item.row_labels || [];
	const lines = labelled.length
		? labelled.map((r) => ({ key: r.key, label: fill_years(r.label, Y) }))
		: Array.from({ length: item.rows || 1 }, (_, i) => ({ key: String(i + 1), label: String(i + 1) }));
	const columns = item.columns
		.filter((c) => c.key !== "seq")
		.slice(labelled.length ? 1 : 0)
		.map((c) => ({ key: c.key, label: fill_years([c.group, c.label].filter(Boolean).join(" "), Y) }));
	return { lines, columns };
}

function bind_form_handlers(frm, $wrapper) {
	if ($wrapper.data("cr-bound")) return;
	$wrapper.data("cr-bound", true);
	$wrapper.on("change", ".cr-answer", function () {
		const $el = $(this);
		set_answer(frm, $el.data("key"), $el.data("option") || null, parseInt($el.data("year"), 10) || null, $el.val());
	});
	$wrapper.on("input", "textarea", () => count_characters($wrapper));
	$wrapper.on("change", ".cr-choice", function () {
		set_answer(frm, $(this).data("key"), null, null, $(this).val());
	});
	$wrapper.on("change", ".cr-tick", function () {
		set_answer(frm, $(this).data("key"), $(this).data("option"), null, this.checked ? "1" : "0");
	});
}

// Narratives count their characters without whitespace, as the forms' limits do.
function count_characters($wrapper) {
	$wrapper.find(".cr-count").each(function () {
		const key = $(this).data("key");
		const limit = $(this).data("limit");
		const used = ($wrapper.find(`textarea[data-key="${key}"]`).val() || "").replace(/\s/g, "").length;
		$(this)
			.text(limit ? __("{0} / {1} characters", [used, limit]) : "")
			.toggleClass("text-danger", !!limit && used > limit);
	});
}

// The steps of the chain that need a record of their own: the city's on-site check and the
// province's assignment of experts.
function add_chain_actions(frm) {
	const roles = frappe.user_roles;
	const chain = __("Approval");
	if (frappe.boot.cluster_registry.onsite_states.includes(frm.doc.status) && roles.includes("Cluster City Officer")) {
		frm.add_custom_button(
			__("Onsite Verification"),
			() => frappe.new_doc("Onsite Verification", { application: frm.doc.name }),
			chain
		);
	}
	if (frm.doc.status === frappe.boot.cluster_registry.expert_review_state && roles.includes("Cluster Province Officer")) {
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
