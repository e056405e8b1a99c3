"""One planner per kind of layout: which DocType a row fills, how an existing entry is found
(by credit code, patent number, standard number, name …), and what the row would change."""

import frappe

from cluster_registry.cluster_registry.bulk_import.targets import (
	Change,
	Plan,
	check_uscc,
	chunks,
	differences,
	enterprises_in_reach,
	field_rules,
	honour_columns,
	outside_issue,
	record_values,
)
from cluster_registry.imports import checks
from cluster_registry.imports.layouts import NAME_LISTS
from cluster_registry.imports.sheet import Parsed
from cluster_registry.rules.inputs import EARLIEST_DATA_YEAR, INDICATOR_PARTS
from cluster_registry.rules.uscc import uscc_problem

INDICATOR = "Cluster Annual Indicator"

# column key -> fieldname of the 库 layouts (the form's keys are not always the fieldnames)
LIBRARY_FIELDS = {
	"existing_enterprises": {
		"city": "city_name",
		"county": "county_name",
		"park": "park",
		"profile": "profile",
		"main_products": "main_products",
		"contact_name": "contact_name",
		"contact_phone": "contact_phone",
	},
	"prospective_enterprises": {
		"enterprise_name": "enterprise_name",
		"country": "country",
		"province": "province_name",
		"city": "city_name",
		"profile": "profile",
		"main_products": "main_products",
		"above_size": "is_above_designated_size",
		"domestic_brand": "is_domestic_brand",
		"international_brand": "is_international_brand",
	},
	"projects": {
		"project_name": "project_name",
		"city": "city_name",
		"county": "county_name",
		"park": "park",
		"builder": "builder",
		"total_investment": "total_investment",
		"start_date": "start_date",
		"content": "content",
		"progress": "progress",
		"contact_name": "contact_name",
		"contact_phone": "contact_phone",
	},
}
PROJECT_STATUS = {"projects_in_progress": "在建", "projects_planned": "拟建"}
ENTERPRISE_FIELDS = (
	"enterprise_name",
	"park",
	"is_sme",
	"is_above_designated_size",
	"listing_status",
	"established_year",
	"main_products",
	"profile",
	"business_scope",
	"contact_name",
	"contact_phone",
)
MEMBER_FIELDS = ("lead_industry_related", "joined_year", "left_year")


def plan(parsed: Parsed, cluster: frappe._dict | None) -> Plan:
	"""What importing parsed into cluster (None for a province-wide list) would change; the
	problems found are added to parsed.issues."""
	key = parsed.layout.key
	if key == "enterprises":
		return _enterprises(parsed, cluster)
	if key == "honour_list":
		return _honour_list(parsed)
	if key == "yearly_figures":
		return _yearly(parsed, cluster)
	if key == "existing_enterprises":
		return _existing_library(parsed, cluster)
	if key == "prospective_enterprises":
		return _flat(parsed, cluster, "Prospective Enterprise", LIBRARY_FIELDS[key], {})
	if key in PROJECT_STATUS:
		return _flat(
			parsed, cluster, "Cluster Project", LIBRARY_FIELDS["projects"], {"status": PROJECT_STATUS[key]}
		)
	doctype = next(doctype for doctype, layout in NAME_LISTS.items() if layout.key == key)
	fields = {column.key: column.key for column in parsed.layout.columns if column.kind != "seq"}
	fields.pop("holder_uscc", None)
	return _flat(parsed, cluster, doctype, fields, {})


def _flat(parsed: Parsed, cluster, doctype: str, fields: dict, fixed: dict) -> Plan:
	"""A list of the cluster whose entries are identified by the layout's first match column."""
	layout = parsed.layout
	rules = field_rules(doctype, fields)
	spans = [
		pair
		for pair in (
			("grant_year", "lapsed_year"),
			("established_year", "closed_year"),
			("established_year", "dissolved_year"),
		)
		if pair[0] in fields and pair[1] in fields
	]
	checks.check_rows(parsed, rules, spans=spans)
	key_field = fields[layout.match[0]]
	has_holder = any(column.key == "holder_uscc" for column in layout.columns)
	holders = {}
	if has_holder:
		holders = enterprises_in_reach(
			row.values.get("holder_uscc")
			for row in parsed.rows
			if row.values.get("holder_uscc") and check_uscc(parsed, row, "holder_uscc")
		)
	meta = frappe.get_meta(doctype)
	wanted = ["name", *dict.fromkeys([*fields.values(), *fixed])]
	wanted += [extra for extra in ("enterprise", "start_year", "end_year") if meta.get_field(extra)]
	existing = {
		row[key_field]: row
		for row in frappe.get_all(doctype, filters={"cluster": cluster.name, **fixed}, fields=wanted)
	}
	result = Plan(clusters={cluster.name})
	for row in parsed.rows:
		record = {**record_values(row, fields), **fixed}
		if row.values.get("construction_period"):
			record["start_year"], record["end_year"] = row.values["construction_period"]
		if has_holder and row.values.get("holder_uscc"):
			code = row.values["holder_uscc"]
			holder = holders.get(code)
			if holder is None:
				if uscc_problem(code) is None:  # a wrong code is reported already
					parsed.add(outside_issue(parsed, row, "holder_uscc", code))
				continue
			record["enterprise"] = code
			if meta.get_field("holder_name") and not record.get("holder_name"):
				record["holder_name"] = holder.enterprise_name
		old = existing.get(record.get(key_field))
		if row.values.get("location"):
			record |= _location(row.values["location"], old)
		if old is None:
			result.count(Change(doctype, {**record, "cluster": cluster.name, "county": cluster.county}))
			continue
		changed = differences(doctype, old, record)
		result.count(Change(doctype, changed, old.name) if changed else None)
	return result


def _location(location: str, old) -> dict:
	"""拟建项目库 prints the place as one text (city, county and park run together): kept as the
	park when it differs from what the record holds."""
	held = "".join(part for part in (old.city_name, old.county_name, old.park) if part) if old else None
	if held == location:
		return {}
	return {"city_name": "", "county_name": "", "park": location}


def _enterprises(parsed: Parsed, cluster) -> Plan:
	"""The enterprise library with honours: Enterprise by credit code, its honours (a row per
	honour and year, never removed), and its membership of the cluster."""
	layout = parsed.layout
	enterprise_fields = {key: key for key in ENTERPRISE_FIELDS}
	member_fields = {key: key for key in MEMBER_FIELDS}
	honours = honour_columns(layout)
	rules = {
		**field_rules("Enterprise", enterprise_fields),
		**field_rules("Cluster Enterprise", member_fields),
		**{key: checks.FieldRule("year") for key, _honour in honours},
	}
	checks.check_rows(parsed, rules, spans=[("joined_year", "left_year")])
	valid = [row for row in parsed.rows if check_uscc(parsed, row, "uscc")]
	codes = [row.values["uscc"] for row in valid]
	known = set()
	for chunk in chunks(codes):
		known |= set(frappe.get_all("Enterprise", filters={"name": ("in", chunk)}, pluck="name"))
	reach = enterprises_in_reach(codes)
	full = {}
	for chunk in chunks(sorted(reach)):
		full |= {
			row.name: row
			for row in frappe.get_all(
				"Enterprise", filters={"name": ("in", chunk)}, fields=["name", *ENTERPRISE_FIELDS]
			)
		}
	held = {}
	for chunk in chunks(sorted(reach)):
		for row in frappe.get_all(
			"Enterprise Honour",
			filters={"parent": ("in", chunk), "parenttype": "Enterprise"},
			fields=["parent", "honour_type", "year_awarded"],
		):
			held.setdefault(row.parent, set()).add((row.honour_type, row.year_awarded))
	members = {
		row.enterprise: row
		for row in frappe.get_all(
			"Cluster Enterprise",
			filters={"cluster": cluster.name},
			fields=["name", "enterprise", *MEMBER_FIELDS],
		)
	}
	result = Plan(clusters={cluster.name})
	for row in valid:
		code = row.values["uscc"]
		if code in known and code not in reach:
			parsed.add(
				parsed.cell_issue(
					row.number,
					"uscc",
					"Credit code {0} cannot be imported into this cluster: check it against the business licence; if the enterprise has moved into your county, ask the province to move it.",
					(code,),
				)
			)
			continue
		record = record_values(row, enterprise_fields)
		new_honours = [
			{"honour_type": honour, "year_awarded": row.values[key]}
			for key, honour in honours
			if row.values.get(key) and (honour, row.values[key]) not in held.get(code, set())
		]
		children = [("Enterprise Honour", "honours", honour) for honour in new_honours]
		old = full.get(code)
		if old is None:
			enterprise = Change(
				"Enterprise", {**record, "uscc": code, "name": code, "region": cluster.county}
			)
		else:
			changed = differences("Enterprise", old, record)
			enterprise = Change("Enterprise", changed, code) if changed or children else None
		if enterprise:
			enterprise.children = children
		member = record_values(row, member_fields)
		old_member = members.get(code)
		if old_member is None:
			membership = Change(
				"Cluster Enterprise",
				{
					**member,
					"cluster": cluster.name,
					"county": cluster.county,
					"enterprise": code,
					"enterprise_name": record.get("enterprise_name"),
				},
			)
		else:
			changed = differences("Cluster Enterprise", old_member, member)
			membership = Change("Cluster Enterprise", changed, old_member.name) if changed else None
		result.count_row([change for change in (enterprise, membership) if change])
	return result


def _honour_list(parsed: Parsed) -> Plan:
	"""An official honour list applied across the library: each listed enterprise in the library
	gets the honour of that year (once); the others are counted as skipped."""
	rules = field_rules("Enterprise Honour", {"honour_type": "honour_type", "document_no": "document_no"})
	rules["year_awarded"] = checks.FieldRule("year")
	checks.check_rows(parsed, rules)
	valid = [row for row in parsed.rows if check_uscc(parsed, row, "uscc")]
	reach = enterprises_in_reach(row.values["uscc"] for row in valid)
	held = {}
	for chunk in chunks(sorted(reach)):
		for row in frappe.get_all(
			"Enterprise Honour",
			filters={"parent": ("in", chunk), "parenttype": "Enterprise"},
			fields=["parent", "honour_type", "year_awarded"],
		):
			held.setdefault(row.parent, set()).add((row.honour_type, row.year_awarded))
	result = Plan()
	for row in valid:
		code, honour, year = (row.values.get(key) for key in ("uscc", "honour_type", "year_awarded"))
		if code not in reach:
			result.count(None, skipped=True)
			continue
		if (honour, year) in held.get(code, set()):
			result.count(None)
			continue
		held.setdefault(code, set()).add((honour, year))
		values = record_values(
			row, {key: key for key in ("honour_type", "year_awarded", "valid_until", "document_no")}
		)
		# the row is a new honour record of an enterprise already there
		result.changes.append(Change("Enterprise", {}, code, [("Enterprise Honour", "honours", values)]))
		result.inserted += 1
	result.clusters = set(
		frappe.get_all(
			"Cluster Enterprise",
			filters={"enterprise": ("in", sorted(reach) or [""])},
			pluck="cluster",
			distinct=True,
		)
	)
	return result


def _existing_library(parsed: Parsed, cluster) -> Plan:
	"""现有企业库 (seed 004): it has no credit code, so each row names an enterprise of the cluster
	(or of the library in the user's territory) by its full name."""
	fields = LIBRARY_FIELDS["existing_enterprises"]
	rules = field_rules("Cluster Enterprise", fields)
	rules["main_business_revenue"] = checks.FieldRule("amount")
	checks.check_rows(parsed, rules)
	year = parsed.header_years.get("main_business_revenue")
	members = {
		row.enterprise_name: row
		for row in frappe.get_all(
			"Cluster Enterprise",
			filters={"cluster": cluster.name},
			fields=["name", "enterprise", "enterprise_name", *fields.values()],
		)
	}
	names = [row.values.get("enterprise_name") for row in parsed.rows]
	library = {}
	for chunk in chunks(sorted({name for name in names if name and name not in members})):
		library |= {
			row.enterprise_name: row.name
			for row in frappe.get_all(
				"Enterprise", filters={"enterprise_name": ("in", chunk)}, fields=["name", "enterprise_name"]
			)
		}
	reach = enterprises_in_reach(library.values())
	revenue = {
		row.parent: row
		for row in frappe.get_all(
			"Cluster Enterprise Year",
			filters={"parent": ("in", [m.name for m in members.values()] or [""]), "year": year or 0},
			fields=["name", "parent", "main_business_revenue"],
		)
	}
	result = Plan(clusters={cluster.name})
	for row in parsed.rows:
		name = row.values.get("enterprise_name")
		record = record_values(row, fields)
		figure = row.values.get("main_business_revenue")
		member = members.get(name)
		if member is None:
			code = library.get(name)
			if code is None or code not in reach:
				parsed.add(
					parsed.cell_issue(
						row.number,
						"enterprise_name",
						"{0} is not in the enterprise library: import it first with the enterprise library layout (with its credit code), then this sheet.",
						(name,),
					)
				)
				continue
			children = (
				[
					(
						"Cluster Enterprise Year",
						"annual_figures",
						{"year": year, "main_business_revenue": float(figure)},
					)
				]
				if year and figure is not None
				else []
			)
			result.count(
				Change(
					"Cluster Enterprise",
					{
						**record,
						"cluster": cluster.name,
						"county": cluster.county,
						"enterprise": code,
						"enterprise_name": name,
						"joined_year": year or frappe.utils.getdate().year,
					},
					None,
					children,
				)
			)
			continue
		changed = differences("Cluster Enterprise", member, record)
		change = Change("Cluster Enterprise", changed, member.name) if changed else None
		if year and figure is not None:
			old = revenue.get(member.name)
			if old is None:
				change = change or Change("Cluster Enterprise", {}, member.name)
				change.children.append(
					(
						"Cluster Enterprise Year",
						"annual_figures",
						{"year": year, "main_business_revenue": float(figure)},
					)
				)
			elif differences("Cluster Enterprise Year", old, {"main_business_revenue": float(figure)}):
				change = change or Change("Cluster Enterprise", {}, member.name)
				change.updates.append(
					("Cluster Enterprise Year", old.name, {"main_business_revenue": float(figure)})
				)
		result.count(change)
	return result


def _yearly(parsed: Parsed, cluster) -> Plan:
	"""The yearly figures: one Cluster Annual Indicator per year, checked column by column, then
	(when its cells are clean) by the record's own validation, which computes the derived figures."""
	fields = {column.key: column.key for column in parsed.layout.columns}
	checks.check_rows(
		parsed, field_rules(INDICATOR, fields), parts=INDICATOR_PARTS, earliest_year=EARLIEST_DATA_YEAR
	)
	bad_rows = {issue.row for issue in parsed.issues}
	existing = {
		row.year: row for row in frappe.get_all(INDICATOR, filters={"cluster": cluster.name}, fields=["*"])
	}
	result = Plan(clusters={cluster.name})
	for row in parsed.rows:
		if row.number in bad_rows:
			continue
		record = record_values(row, fields)
		old = existing.get(record.get("year"))
		changed = differences(INDICATOR, old, record) if old else {**record, "cluster": cluster.name}
		if old and not changed:
			result.count(None)
			continue
		doc = frappe.get_doc(INDICATOR, old.name) if old else frappe.new_doc(INDICATOR)
		doc.update({**record, "cluster": cluster.name})
		try:
			doc.run_method("validate")
		except frappe.ValidationError as refused:
			frappe.clear_last_message()
			message = str(refused).replace("<br>", "；")
			parsed.add(parsed.cell_issue(row.number, "year", "{0}", (message,)))
			continue
		result.count(Change(INDICATOR, changed, old.name if old else None, document=True))
	return result
