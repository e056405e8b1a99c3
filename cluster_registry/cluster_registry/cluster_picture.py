"""A cluster's picture on its form: key figures over the years against the recognition criteria of
its level, its recognitions and filings, and the size of its library and name lists."""

import frappe
from frappe import _

from cluster_registry.figures.name_lists import NAME_LISTS
from cluster_registry.figures.picture import KEY_FIGURES, picture_series
from cluster_registry.rules.criteria import annual_fields

VALID = ("有效", "复核通过")
LIBRARIES = ("Cluster Enterprise", "Prospective Enterprise", "Cluster Project", *NAME_LISTS)


@frappe.whitelist()
def cluster_picture(cluster: str) -> dict:
	doc = frappe.get_doc("Industrial Cluster", cluster)
	doc.check_permission("read")
	level = current_level(doc)
	edition = criteria_edition(doc, level)
	criteria = (
		[row.as_dict() for row in frappe.get_doc("Recognition Criteria", edition).criteria] if edition else []
	)
	fields = sorted(annual_fields([m for m, _l, _u in KEY_FIGURES] + [c["metric"] for c in criteria]))
	rows = frappe.get_list(
		"Cluster Annual Indicator",
		filters={"cluster": doc.name},
		fields=["year", *fields],
		order_by="year asc",
	)
	return {
		"cluster": doc.name,
		"level": level,
		"edition": edition or "",
		"series": picture_series(rows, criteria),
		"recognitions": [
			{"level": r.level, "year": r.year, "document_no": r.document_no, "status": r.status}
			for r in doc.recognitions
		],
		"filings": frappe.get_list(
			"Cluster Application",
			filters={"cluster": doc.name},
			fields=["name", "round_year", "filing_kind", "level", "status"],
			order_by="round_year desc",
		),
		"library": [
			{
				"doctype": doctype,
				"label": _(doctype),
				"count": frappe.db.count(doctype, {"cluster": doc.name}),
			}
			for doctype in LIBRARIES
		],
	}


def current_level(doc) -> str:
	"""The highest level the cluster holds a valid recognition of; 省级 when it holds none."""
	levels = {row.level for row in doc.recognitions if row.status in VALID or not row.status}
	return "国家级" if "国家级" in levels else "省级"


def criteria_edition(doc, level: str) -> str | None:
	"""The latest edition of the level for the cluster's province, else the national one."""
	for jurisdiction in (doc.province, None):
		filters = {"level": level, "jurisdiction": jurisdiction or ("is", "not set")}
		edition = frappe.get_all(
			"Recognition Criteria", filters=filters, order_by="edition_year desc", pluck="name", limit=1
		)
		if edition:
			return edition[0]
	return None
