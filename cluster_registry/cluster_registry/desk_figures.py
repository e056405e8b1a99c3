"""Figures of the desk's charts, counted as the user may see them (frappe.get_list: User
Permissions hold) and labelled as officials read them: regions by name, not by code."""

import frappe

from cluster_registry.cluster_registry.territory import permitted_regions

REGION = "city"  # group-by of a chart that counts filings per city, or per county within one city


def counts_by_group(doctype: str, field: str, filters) -> tuple[list[str], list[int]]:
	"""(labels, counts), largest count first."""
	if doctype == "Cluster Application" and field == REGION:
		totals = region_totals(filters)
	else:
		rows = frappe.get_list(
			doctype,
			filters=filters,
			fields=[f"`tab{doctype}`.`{field}` as label", f"count(distinct `tab{doctype}`.`name`) as count"],
			group_by=f"`tab{doctype}`.`{field}`",
			order_by="count desc",
		)
		totals = {row.label or "": row.count for row in rows}
	ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
	return [label for label, _count in ordered], [count for _label, count in ordered]


def region_totals(filters) -> dict[str, int]:
	"""Filings per city for whoever sees a province (or everything), per county for a city or a
	county official; by region name."""
	rows = frappe.get_list(
		"Cluster Application",
		filters=filters,
		fields=["city", "county", "count(name) as count"],
		group_by="city, county",
		order_by="city asc",
	)
	field = "city" if sees_a_province() else "county"
	names = dict(
		frappe.get_all(
			"Administrative Region",
			filters={"name": ("in", [row[field] for row in rows if row[field]] or [""])},
			fields=["name", "region_name"],
			as_list=True,
		)
	)
	totals: dict[str, int] = {}
	for row in rows:
		label = names.get(row[field], row[field] or "")
		totals[label] = totals.get(label, 0) + row.count
	return totals


def sees_a_province(user: str | None = None) -> bool:
	regions = permitted_regions(user)
	return regions is None or bool(
		frappe.db.exists(
			"Administrative Region", {"name": ("in", sorted(regions) or [""]), "region_level": "省"}
		)
	)
