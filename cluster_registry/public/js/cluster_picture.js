// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// 集群画像: on the Industrial Cluster form, charts of the key figures over the years against the
// recognition criteria of the cluster's level, with its recognitions, filings and library size.

const PICTURE = "cluster_registry.cluster_registry.cluster_picture.cluster_picture";

function picture_chart(parent, series) {
	const known = series.values.some((value) => value !== null);
	const $box = $(`<div class="col-md-6 cr-picture-chart" data-metric="${frappe.utils.escape_html(series.metric)}">
		<div class="text-muted small">${frappe.utils.escape_html(series.label)}${series.unit ? `（${series.unit}）` : ""}</div>
		<div class="cr-chart"></div></div>`).appendTo(parent);
	if (!known) {
		$box.find(".cr-chart").html(`<div class="text-muted small">${__("No figures on record")}</div>`);
		return;
	}
	const options = {
		data: {
			labels: series.years.map(String),
			datasets: [{ name: series.label, values: series.values.map((value) => value ?? 0) }],
		},
		type: "line",
		height: 180,
		colors: ["#5e64ff"],
		lineOptions: { dotSize: 4 },
	};
	if (series.threshold !== null && series.threshold !== undefined) {
		options.data.yMarkers = [
			{ label: `${__("Criterion")} ${series.comparison} ${series.threshold}`, value: series.threshold, options: { labelPos: "left" } },
		];
	}
	new frappe.Chart($box.find(".cr-chart")[0], options);
}

function picture_facts(picture) {
	const list = (items) => items.map((item) => `<li>${item}</li>`).join("") || `<li class="text-muted">${__("None")}</li>`;
	const esc = frappe.utils.escape_html;
	const recognitions = picture.recognitions.map((r) => esc(`${r.year || ""} ${r.level || ""} ${r.status || ""} ${r.document_no || ""}`));
	const filings = picture.filings.map(
		(f) => `<a href="/app/cluster-application/${encodeURIComponent(f.name)}">${esc(`${f.round_year} ${f.level} ${f.filing_kind}`)}</a> ${esc(__(f.status))}`
	);
	const library = picture.library.map((l) => `${esc(l.label)}：${l.count}`);
	return `<div class="row cr-picture-facts">
		<div class="col-md-4"><b>${__("Recognitions")}</b><ul>${list(recognitions)}</ul></div>
		<div class="col-md-4"><b>${__("Filings")}</b><ul>${list(filings)}</ul></div>
		<div class="col-md-4"><b>${__("Library and Lists")}</b><ul>${list(library)}</ul></div>
	</div>`;
}

frappe.ui.form.on("Industrial Cluster", {
	refresh(frm) {
		if (frm.is_new()) return;
		frappe.call(PICTURE, { cluster: frm.doc.name }).then(({ message: picture }) => {
			if (!picture || frm.doc.name !== picture.cluster) return;
			const criteria = picture.edition
				? __("Against {0} ({1})", [picture.edition, picture.level])
				: __("No recognition criteria of level {0} are on record.", [picture.level]);
			frm.dashboard.parent.find(".cr-picture").closest(".form-dashboard-section").remove();
			const $section = frm.dashboard.add_section(
				`<div class="cr-picture"><div class="text-muted small">${frappe.utils.escape_html(criteria)}</div>
				<div class="row cr-picture-charts"></div>${picture_facts(picture)}</div>`,
				__("Cluster Picture")
			);
			frm.dashboard.show();
			const $charts = $section.find(".cr-picture-charts");
			picture.series.forEach((series) => picture_chart($charts, series));
		});
	},
});
