"""Computing and storing the figures of a Cluster Annual Indicator.

The steps of one save: count the library and name lists for the year, settle those counts
against typed ones, compute the ratios, growth and window figures from the year's values and the
stored values of the years before, settle those too, and record every contradiction as a flag.
Saving a year refreshes the later years whose growth depends on it.
"""

import frappe
from frappe import _

from cluster_registry.cluster_registry import library_counts
from cluster_registry.figures.decimals import round2, to_decimal
from cluster_registry.figures.formulas import COMPUTED_FIELDS, WINDOW_YEARS, WINDOWS, compute
from cluster_registry.figures.honours import LIBRARY_FIELDS
from cluster_registry.figures.name_lists import LIST_FIELDS
from cluster_registry.figures.reconcile import settle

DOCTYPE = "Cluster Annual Indicator"
COUNTED_FIELDS = (*LIBRARY_FIELDS, *LIST_FIELDS)
DERIVED_FIELDS = (*COUNTED_FIELDS, *COMPUTED_FIELDS)


def apply_figures(doc):
	typed = typed_figures(doc)
	counted = settle(library_counts.counts_for(doc.cluster, doc.year), typed)
	doc.update(_stored(counted.values))

	records = stored_years(doc.cluster, doc.year)
	records[doc.year] = doc.as_dict()
	computation = compute(doc.year, records)
	computed = settle(computation.values, typed)
	doc.update(_stored(computed.values))

	doc.set("figure_flags", [])
	for flag in (*counted.flags, *computed.flags):
		doc.append(
			"figure_flags",
			{
				"figure": flag.field,
				"figure_label": _(doc.meta.get_label(flag.field), context=DOCTYPE),
				"typed_value": float(flag.typed),
				"computed_value": float(flag.computed),
			},
		)
	doc.window_basis = describe_bases(doc.year, computation.bases)


def typed_figures(doc) -> dict:
	"""Derived figures whose value the user typed: set in this save, or flagged and kept since.

	Zero and empty count as not typed: the database stores both as 0.
	"""
	before = doc.get_doc_before_save()
	kept = {row.figure: round2(row.typed_value) for row in (before.figure_flags if before else [])}
	typed = {}
	for field in DERIVED_FIELDS:
		value = round2(doc.get(field))
		if not value:
			continue
		if before is None or value == kept.get(field) or value != round2(before.get(field)):
			typed[field] = value
	return typed


def stored_years(cluster: str, year: int) -> dict[int, dict]:
	"""The cluster's stored records of the window before the year, by year."""
	rows = frappe.get_all(
		DOCTYPE,
		filters=years_of(cluster, year - WINDOW_YEARS, year - 1),
		fields=["*"],
	)
	return {row.year: row for row in rows}


def years_of(cluster: str, first: int, last: int) -> list:
	return [["cluster", "=", cluster], ["year", ">=", first], ["year", "<=", last]]


def describe_bases(year: int, bases: dict) -> str:
	"""Say which base each window figure used, and when the base year was not on record."""
	notes = []
	for spec in WINDOWS:
		basis = bases.get(spec.field)
		if basis is None or basis.base_year == year - WINDOW_YEARS:
			continue
		notes.append(
			_("{0}: no figure for the base year {1}; measured from {2} over {3} year(s).").format(
				_(frappe.get_meta(DOCTYPE).get_label(spec.field), context=DOCTYPE),
				year - WINDOW_YEARS,
				basis.base_year,
				basis.periods,
			)
		)
	if bases and not notes:
		return _("Measured from the base year {0}.").format(year - WINDOW_YEARS)
	return "\n".join(notes)


def refresh_later_years(cluster: str, year: int):
	"""Re-save the records whose year-on-year or window figures depend on this year."""
	later = frappe.get_all(
		DOCTYPE,
		filters=years_of(cluster, year + 1, year + WINDOW_YEARS),
		order_by="year asc",
		pluck="name",
	)
	for name in later:
		resave(name)


def recompute_cluster(cluster: str) -> int:
	"""Recompute every annual record of the cluster, oldest first; returns how many."""
	names = frappe.get_all(DOCTYPE, filters={"cluster": cluster}, order_by="year asc", pluck="name")
	for name in names:
		resave(name)
	return len(names)


def resave(name: str):
	doc = frappe.get_doc(DOCTYPE, name)
	doc.flags.refreshing = True
	doc.save(ignore_permissions=True)


def _stored(values: dict) -> dict:
	"""Rounded Decimals as the numbers Frappe stores (ints for counts)."""
	return {
		field: int(value) if field in COUNTED_FIELDS else float(value)
		for field, value in values.items()
		if to_decimal(value) is not None
	}
