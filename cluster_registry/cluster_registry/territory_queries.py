"""Counts, group-by sidebars and link searches keep to what the user may list, as the lists do.

Frappe v15.55 answers three of these outside permissions: frappe.client.get_count counts any
table with any filters (frappe.db.count), the list sidebar's "assigned to" group-by counts
assignments of records the user may not see, and search_link / search_widget drop every
permission (User Permissions and permission query conditions alone) when the request says
ignore_user_permissions=1. hooks.py routes those whitelisted methods here.
"""

import frappe
from frappe.client import get_safe_filters
from frappe.desk import listview, search
from frappe.query_builder.functions import Count
from frappe.query_builder.utils import DocType

from cluster_registry.cluster_registry.request_arguments import json_argument


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""frappe.client.get_count, counting only the records the user may list."""
	meta = frappe.get_meta(doctype)
	rows = frappe.get_list(
		meta.name,
		filters=get_safe_filters(filters),
		fields=[f"count(distinct `tab{meta.name}`.`name`) as count"],
		order_by=None,
		as_list=True,
	)
	return rows[0][0] if rows else 0


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's counts; "assigned to" counts only the records the user may list."""
	filters = json_argument(current_filters, "current_filters")
	if field != "assigned_to":
		return listview.get_group_by_count(doctype, current_filters, field)
	permitted = frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=0)
	if not permitted:
		return []
	todo, user = DocType("ToDo"), DocType("User")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.from_(user)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.allocated_to == user.name)
			& (user.user_type == "System User")
			& (todo.reference_type == doctype)
			& (todo.reference_name.isin(permitted))
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=frappe.qb.desc)
		.limit(50)
		.run(as_dict=True)
	)


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters=None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions=False,
):
	return search.search_link(
		doctype,
		txt,
		query,
		filters,
		page_length,
		searchfield,
		reference_doctype,
		honoured(doctype, reference_doctype, ignore_user_permissions),
	)


@frappe.whitelist()
def search_widget(
	doctype: str,
	txt: str,
	query: str | None = None,
	searchfield: str | None = None,
	start: int = 0,
	page_length: int = 10,
	filters=None,
	filter_fields=None,
	as_dict: bool = False,
	reference_doctype: str | None = None,
	ignore_user_permissions=False,
):
	return search.search_widget(
		doctype,
		txt,
		query,
		searchfield,
		start,
		page_length,
		filters,
		filter_fields,
		as_dict,
		reference_doctype,
		honoured(doctype, reference_doctype, ignore_user_permissions),
	)


def honoured(doctype: str, reference_doctype: str | None, ignore_user_permissions) -> bool:
	"""ignore_user_permissions holds only where a form really has a Link to `doctype` that ignores
	User Permissions (as the desk sends it for such a field), never as a request's own choice."""
	if not frappe.utils.cint(ignore_user_permissions) or not reference_doctype:
		return False
	if not frappe.db.exists("DocType", reference_doctype):
		return False
	meta = frappe.get_meta(reference_doctype)
	metas = [meta] + [frappe.get_meta(df.options) for df in meta.get_table_fields()]
	return any(
		df.fieldtype == "Link" and df.ignore_user_permissions and df.options == doctype
		for m in metas
		for df in m.fields
	)
