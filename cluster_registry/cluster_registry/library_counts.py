"""Counts of a cluster's year drawn from its enterprise library (现有企业库) and name lists.

Aggregated in SQL: the number of queries depends on the number of lists, never on the number of
enterprises, patents or standards behind the counts.
"""

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.builder import Base
from frappe.query_builder.functions import Count, Sum

from cluster_registry.figures.honours import HONOUR_COUNTS, NOT_LISTED, QUALITY_SME_FIELD, QUALITY_SME_HONOURS
from cluster_registry.figures.name_lists import LIST_COUNTS, NAME_LISTS

# Named without a site (frappe.qb needs one): a background job unpickles a filing, and so imports
# this module, before it binds its site.
MEMBERS = Base.DocType("Cluster Enterprise")
ENTERPRISE = Base.DocType("Enterprise")
HONOUR = Base.DocType("Enterprise Honour")


class NotCountedError(frappe.ValidationError):
	"""A figure asked of the enterprise library that is not counted from it."""


def counts_for(cluster: str, year: int) -> dict[str, int]:
	"""Every library and name-list count of the cluster for the year."""
	counts = dict.fromkeys((*HONOUR_COUNTS.values(), QUALITY_SME_FIELD), 0)
	counts.update(_membership_counts(cluster, year))
	counts.update(_honour_counts(cluster, year))
	counts[QUALITY_SME_FIELD] = _quality_sme_count(cluster, year)
	for doctype in NAME_LISTS:
		counts.update(_list_counts(doctype, cluster, year))
	return counts


def member_in(cluster: str, year: int):
	"""Enterprises in the cluster's library during the year."""
	return (
		(MEMBERS.cluster == cluster)
		& (MEMBERS.joined_year <= year)
		& ((MEMBERS.left_year == 0) | MEMBERS.left_year.isnull() | (MEMBERS.left_year > year))
	)


def honour_held_in(year: int):
	"""Honour rows of the member enterprise awarded by the year and not expired before it."""
	return (
		(HONOUR.parent == MEMBERS.enterprise)
		& (HONOUR.parenttype == "Enterprise")
		& (HONOUR.year_awarded <= year)
		& (HONOUR.valid_until.isnull() | (HONOUR.valid_until >= f"{year}-01-01"))
	)


def is_listed():
	return (MEMBERS.lead_industry_related == 1) & ENTERPRISE.listing_status.notin(NOT_LISTED)


def _membership_counts(cluster: str, year: int) -> dict[str, int]:
	row = (
		frappe.qb.from_(MEMBERS)
		.join(ENTERPRISE)
		.on(ENTERPRISE.name == MEMBERS.enterprise)
		.select(
			Count(MEMBERS.name).as_("enterprise_count"),
			Sum(ENTERPRISE.is_sme).as_("sme_count"),
			Sum(ENTERPRISE.is_above_designated_size).as_("above_size_count"),
			Sum(Case().when(is_listed(), 1).else_(0)).as_("listed_count"),
		)
		.where(member_in(cluster, year))
	).run(as_dict=True)[0]
	return {field: int(value or 0) for field, value in row.items()}


def _honour_counts(cluster: str, year: int) -> dict[str, int]:
	rows = (
		frappe.qb.from_(MEMBERS)
		.join(HONOUR)
		.on(honour_held_in(year))
		.select(HONOUR.honour_type, Count(MEMBERS.enterprise).distinct())
		.where(member_in(cluster, year) & (MEMBERS.lead_industry_related == 1))
		.groupby(HONOUR.honour_type)
	).run()
	return {HONOUR_COUNTS[honour]: count for honour, count in rows if honour in HONOUR_COUNTS}


def _quality_sme_count(cluster: str, year: int) -> int:
	return (
		frappe.qb.from_(MEMBERS)
		.join(ENTERPRISE)
		.on(ENTERPRISE.name == MEMBERS.enterprise)
		.join(HONOUR)
		.on(honour_held_in(year))
		.select(Count(MEMBERS.enterprise).distinct())
		.where(
			member_in(cluster, year)
			& (MEMBERS.lead_industry_related == 1)
			& (ENTERPRISE.is_sme == 1)
			& HONOUR.honour_type.isin(QUALITY_SME_HONOURS)
		)
	).run()[0][0]


def _list_counts(doctype: str, cluster: str, year: int) -> dict[str, int]:
	table = DocType(doctype)
	columns = []
	for spec in (c for c in LIST_COUNTS if c.doctype == doctype):
		since = table[spec.since]
		condition = (since == year) if spec.this_year_only else (since <= year)
		if spec.until:
			until = table[spec.until]
			condition &= (until == 0) | until.isnull() | (until > year)
		for column, value in spec.where:
			condition &= table[column] == value
		columns.append(Sum(Case().when(condition, 1).else_(0)).as_(spec.field))
	row = frappe.qb.from_(table).select(*columns).where(table.cluster == cluster).run(as_dict=True)[0]
	return {field: int(value or 0) for field, value in row.items()}


def enterprises_behind(cluster: str, year: int, field: str) -> list[dict]:
	"""The enterprises a library count of the year counts, by name."""
	query = (
		frappe.qb.from_(MEMBERS)
		.join(ENTERPRISE)
		.on(ENTERPRISE.name == MEMBERS.enterprise)
		.select(MEMBERS.enterprise, ENTERPRISE.enterprise_name)
		.distinct()
		.where(member_in(cluster, year))
		.orderby(ENTERPRISE.enterprise_name)
	)
	honours = [honour for honour, counted in HONOUR_COUNTS.items() if counted == field]
	if field == QUALITY_SME_FIELD:
		honours = list(QUALITY_SME_HONOURS)
		query = query.where(ENTERPRISE.is_sme == 1)
	if honours:
		query = (
			query.join(HONOUR)
			.on(honour_held_in(year))
			.where((MEMBERS.lead_industry_related == 1) & HONOUR.honour_type.isin(honours))
		)
	elif field == "sme_count":
		query = query.where(ENTERPRISE.is_sme == 1)
	elif field == "above_size_count":
		query = query.where(ENTERPRISE.is_above_designated_size == 1)
	elif field == "listed_count":
		query = query.where(is_listed())
	elif field != "enterprise_count":
		frappe.throw(
			frappe._("{0} is not counted from the enterprise library.").format(
				frappe.utils.escape_html(field)
			),
			NotCountedError,
		)
	return query.run(as_dict=True)
