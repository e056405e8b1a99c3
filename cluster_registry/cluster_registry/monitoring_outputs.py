"""The monitoring filing's official outputs (print format, PDF, Word) and the province's
monitoring summary (Excel). Each checks the user's permission on the record first, so a county
gets its own filings and a city its counties'."""

import frappe

from cluster_registry.cluster_registry.outputs.api import DOCX, XLSX, _send, cluster_outputs_css
from cluster_registry.cluster_registry.outputs.records import region_name, region_path
from cluster_registry.monitoring import layout
from cluster_registry.monitoring.tracking import BEHIND, ON_TRACK, SEVERELY_BEHIND
from cluster_registry.renderers import form_docx, form_html, library_xlsx, pdf


def filing_values(doc) -> dict:
	values = doc.as_dict()
	values["region"] = region_path(doc.county)
	return values


def cluster_monitoring_html(doc) -> str:
	"""The 年度监测表 of a Cluster Monitoring Filing, for its print format."""
	doc.check_permission("print")
	return form_html.blocks_html(layout.filing_blocks(filing_values(doc)))


@frappe.whitelist()
def monitoring_pdf(name: str):
	doc = frappe.get_doc("Cluster Monitoring Filing", name)
	doc.check_permission("print")
	content = pdf.stamp_page_numbers(pdf.html_to_pdf(cluster_monitoring_html(doc), cluster_outputs_css()))
	_send(f"{name}-{layout.TITLE.format(year=doc.data_year)}.pdf", content, "application/pdf")


@frappe.whitelist()
def monitoring_word(name: str):
	doc = frappe.get_doc("Cluster Monitoring Filing", name)
	doc.check_permission("print")
	content = form_docx.blocks_docx(layout.filing_blocks(filing_values(doc)))
	_send(f"{name}-{layout.TITLE.format(year=doc.data_year)}.docx", content, DOCX)


@frappe.whitelist()
def monitoring_summary_excel(name: str):
	"""The province's 监测情况汇总表 of a round: one row per filing the user may see."""
	round_doc = frappe.get_doc("Monitoring Round", name)
	round_doc.check_permission("read")
	title = layout.summary_title(round_doc.data_year)
	sheet = library_xlsx.Sheet(title, title, list(layout.SUMMARY_COLUMNS), summary_rows(round_doc.name))
	_send(f"{name}-{title}.xlsx", library_xlsx.workbook([sheet]), XLSX)


def summary_rows(monitoring_round: str) -> list[dict]:
	filings = frappe.get_list(
		"Cluster Monitoring Filing",
		filters={"monitoring_round": monitoring_round},
		fields=["name", "cluster_name", "city", "county", "recognition_level", "status"],
		order_by="city asc, county asc, cluster_name asc",
		limit_page_length=0,
	)
	rows = []
	for number, filing in enumerate(filings, 1):
		figures = dict(
			frappe.get_all(
				"Monitoring Figure",
				filters={"parent": filing.name, "parenttype": "Cluster Monitoring Filing"},
				fields=["metric", "value"],
				as_list=True,
			)
		)
		tracked = frappe.get_all(
			"Target Tracking",
			filters={"parent": filing.name, "parenttype": "Cluster Monitoring Filing"},
			fields=["indicator", "tracking_status"],
			order_by="idx asc",
		)
		count = {
			status: sum(1 for row in tracked if row.tracking_status == status)
			for status in (ON_TRACK, BEHIND, SEVERELY_BEHIND)
		}
		rows.append(
			{
				"seq": number,
				"cluster_name": filing.cluster_name,
				"city_name": region_name(filing.city),
				"county_name": region_name(filing.county),
				"recognition_level": filing.recognition_level,
				"status": filing.status,
				"total_output": figures.get("total_output"),
				"quality_sme_count": figures.get("quality_sme_count"),
				"on_track": count[ON_TRACK],
				"behind": count[BEHIND],
				"severe": count[SEVERELY_BEHIND],
				"severe_targets": "、".join(
					row.indicator for row in tracked if row.tracking_status == SEVERELY_BEHIND
				),
			}
		)
	return rows
