"""What the official outputs print, read from the site: a filing's answers, targets and cover
facts; the four 库 and the name lists as table rows keyed by the form's column keys; the rows of
a Recommendation List. Plain values only: the layout and the writers live in
cluster_registry.renderers."""

import frappe

from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.outputs import snapshot
from cluster_registry.figures.honours import brand_titles
from cluster_registry.filing_terms import NATIONAL, PROVINCIAL
from cluster_registry.forms import definitions
from cluster_registry.renderers.blocks import PrintedFiling

# list:<DocType> tables of the competition form: the field its first column (the name) reads.
LIST_NAME_FIELDS = {
	"Innovation Platform": "platform_name",
	"Green Manufacturing Entry": "entry_name",
	"Public Service Platform": "platform_name",
}
PROVINCIAL_AND_ABOVE = (NATIONAL, PROVINCIAL)


def application_filing(doc, evidence_pages: dict | None = None) -> PrintedFiling:
	"""The filing of a Cluster Application as the layout reads it: a submitted filing prints the
	cluster facts and library rows as they were when it was submitted (see outputs.snapshot); a
	draft prints them as they are now."""
	definition = load_form(doc.form_version)
	answers = {(row.item_key, row.option_key or None, row.year or None): row.value for row in doc.answers}
	facts, tables = snapshot.submitted_facts_and_tables(doc) or live_facts_and_tables(doc, answers)
	return PrintedFiling(
		definition,
		doc.round_year,
		answers,
		[row.as_dict() for row in doc.targets],
		{**facts, **filing_facts(doc)},
		tables,
		evidence_pages or {},
	)


def live_facts_and_tables(doc, answers: dict | None = None) -> tuple[dict, dict]:
	"""The cluster's facts and the rows of the tables the app fills, read now."""
	if answers is None:
		answers = {(row.item_key, row.option_key or None, row.year or None): row.value for row in doc.answers}
	definition = load_form(doc.form_version)
	cluster = frappe.get_doc("Industrial Cluster", doc.cluster)
	last_year = definitions.round_years(definition, doc.round_year)["data"][-1]
	tables = {
		item["key"]: table_source_rows(cluster.name, item, last_year)
		for _section, item in definitions.items(definition)
		if item["type"] == "table" and item.get("source")
	}
	return application_facts(doc, cluster, answers, last_year), tables


def filing_facts(doc) -> dict:
	"""What the filing itself holds and the levels above write after submission."""
	return {
		"filing_date": chinese_date(doc.declaration_date),
		"declaration_date": chinese_date(doc.declaration_date),
		"opinions": {"opinion": doc.higher_level_opinion or ""},
	}


def application_facts(doc, cluster, answers: dict, last_year: int) -> dict:
	core_parks = [park.park_name for park in cluster.get("parks", []) if park.is_core]
	contact = " ".join(part for part in (cluster.authority_contact, cluster.authority_phone) if part)
	return {
		**cluster.as_dict(convert_dates_to_str=True),
		"cluster_name": doc.cluster_name or cluster.cluster_name,
		"county": region_path(cluster.county),
		"contact": contact,
		"core_park": answers.get(("core_park", None, None)) or "、".join(core_parks),
		"figures": frappe.db.get_value(
			"Cluster Annual Indicator", {"cluster": cluster.name, "year": last_year}, "*", as_dict=True
		)
		or {},
	}


def region_name(region: str | None) -> str:
	return frappe.db.get_value("Administrative Region", region, "region_name") or "" if region else ""


def region_path(region: str | None) -> str:
	"""Province, city and county names run together: 山西省太原市小店区."""
	names = []
	while region:
		name, parent = frappe.db.get_value(
			"Administrative Region", region, ["region_name", "parent_administrative_region"]
		) or (None, None)
		if name:
			names.insert(0, name)
		region = parent
	return "".join(names)


def chinese_date(value) -> str:
	if not value:
		return ""
	day = frappe.utils.getdate(value)
	return f"{day.year}年{day.month}月{day.day}日"


def table_source_rows(cluster: str, item: dict, year: int) -> list[dict]:
	source = item["source"]
	if source.startswith("list:"):
		return list_rows(cluster, source.removeprefix("list:"), item["columns"][0]["key"])
	doctype, _colon, status = source.removeprefix("library:").partition(":")
	return library_rows(cluster, doctype, status, year)


def list_rows(cluster: str, doctype: str, name_column: str) -> list[dict]:
	rows = frappe.get_all(
		doctype,
		filters={"cluster": cluster, "level": ("in", PROVINCIAL_AND_ABOVE)},
		fields=[
			f"{LIST_NAME_FIELDS[doctype]} as {name_column}",
			"level",
			"approval_date",
			"approving_authority",
		],
		order_by="level asc, approval_date asc",
	)
	return [{**row, "approval_date": chinese_date(row.approval_date)} for row in rows]


def library_rows(cluster: str, doctype: str, status: str, year: int) -> list[dict]:
	"""The entries of one 库, keyed by the competition form's column keys."""
	if doctype == "Cluster Enterprise":
		return enterprise_rows(cluster, year)
	if doctype == "Prospective Enterprise":
		return [
			{
				"enterprise_name": row.enterprise_name,
				"country": row.country,
				"province": row.province_name,
				"city": row.city_name,
				"profile": row.profile,
				"main_products": row.main_products,
				"above_size": yes_no(row.is_above_designated_size),
				"domestic_brand": yes_no(row.is_domestic_brand),
				"international_brand": yes_no(row.is_international_brand),
			}
			for row in frappe.get_all(
				"Prospective Enterprise", filters={"cluster": cluster}, fields=["*"], order_by="creation asc"
			)
		]
	return project_rows(cluster, status)


def enterprise_rows(cluster: str, year: int) -> list[dict]:
	"""现有企业库: the members of the cluster in the year — the same members its caption and the
	form's 企业数量 count (library_counts.member_in: joined by the year, not left before it) — with
	the year's main business revenue and their brand titles, in the order they were entered (by name
	among those entered together)."""
	from cluster_registry.cluster_registry import library_counts  # builds query tables: needs a site

	members = (
		frappe.qb.from_(library_counts.MEMBERS)
		.select("*")
		.where(library_counts.member_in(cluster, year))
		.orderby(library_counts.MEMBERS.creation)
		.orderby(library_counts.MEMBERS.enterprise_name)
	).run(as_dict=True)
	names = [row.enterprise for row in members if row.enterprise]
	enterprises = {
		row.name: row
		for row in frappe.get_all(
			"Enterprise",
			filters={"name": ("in", names)},
			fields=["name", "enterprise_name", "is_above_designated_size"],
		)
	}
	honours: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Enterprise Honour",
		filters={"parent": ("in", names), "parenttype": "Enterprise", "year_awarded": ("<=", year)},
		fields=["parent", "honour_type"],
	):
		honours.setdefault(row.parent, []).append(row.honour_type)
	revenue = {
		row.parent: row.main_business_revenue
		for row in frappe.get_all(
			"Cluster Enterprise Year",
			filters={"parent": ("in", [row.name for row in members]), "year": year},
			fields=["parent", "main_business_revenue"],
		)
	}
	rows = []
	for member in members:
		enterprise = enterprises.get(member.enterprise) or frappe._dict()
		rows.append(
			{
				"enterprise_name": member.enterprise_name or enterprise.enterprise_name,
				"city": member.city_name,
				"county": member.county_name,
				"park": member.park,
				"profile": member.profile,
				"main_products": member.main_products,
				"above_size": yes_no(enterprise.is_above_designated_size),
				"main_business_revenue": revenue.get(member.name),
				"brand": member.brand_honours or brand_titles(honours.get(member.enterprise, [])),
				"contact_name": member.contact_name,
				"contact_phone": member.contact_phone,
			}
		)
	return rows


def project_rows(cluster: str, status: str) -> list[dict]:
	rows = []
	for row in frappe.get_all(
		"Cluster Project",
		filters={"cluster": cluster, "status": status},
		fields=["*"],
		order_by="start_year asc, creation asc",
	):
		period = "-".join(str(year) for year in (row.start_year, row.end_year) if year)
		rows.append(
			{
				"project_name": row.project_name,
				"city": row.city_name,
				"county": row.county_name,
				"park": row.park,
				"location": "".join(part for part in (row.city_name, row.county_name, row.park) if part),
				"builder": row.builder,
				"total_investment": row.total_investment,
				"construction_period": period,
				"start_date": chinese_date(row.start_date),
				"content": row.content,
				"progress": row.progress,
				"contact_name": row.contact_name,
				"contact_phone": row.contact_phone,
			}
		)
	return rows


def recommendation_rows(doc) -> list[dict]:
	"""One row per recommended cluster: the cluster's own facts through its application."""
	rows = []
	for item in doc.items:
		application = (
			frappe.db.get_value(
				"Cluster Application", item.application, ["cluster", "cluster_name"], as_dict=True
			)
			or frappe._dict()
		)
		cluster = (
			frappe.db.get_value(
				"Industrial Cluster",
				application.cluster,
				["operator", "lead_industry", "established_year", "city", "county"],
				as_dict=True,
			)
			if application.cluster
			else None
		) or frappe._dict()
		rows.append(
			{
				"cluster_name": item.cluster_name or application.cluster_name,
				"operator": cluster.operator,
				"city_name": region_name(cluster.city),
				"county_name": region_name(cluster.county),
				"lead_industry": cluster.lead_industry,
				"established_year": f"{cluster.established_year}年" if cluster.established_year else "",
				"summary": item.summary,
				"review_opinion": item.review_opinion,
				"remarks": item.remarks,
			}
		)
	return rows


def yes_no(flag) -> str:
	return "是" if flag else "否"
