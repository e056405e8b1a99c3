"""The 待办 of workflow actions (Workflow Action) keeps to territory: Frappe lists an open action
to every holder of the role the step belongs to, province-wide; each official lists only the
actions on filings it may see (its county, its city's counties, its province)."""

import frappe

from cluster_registry.cluster_registry.filing_rights import deny_unless, is_system
from cluster_registry.cluster_registry.territory import permitted_regions

FILING = "Cluster Application"


def action_query_conditions(user: str | None = None) -> str:
	user = user or frappe.session.user
	if is_system(user):
		return ""
	regions = permitted_regions(user)
	others = f"`tabWorkflow Action`.`reference_doctype` != {frappe.db.escape(FILING)}"
	if not regions:
		return others
	within = ", ".join(frappe.db.escape(region) for region in sorted(regions))
	return (
		f"({others} or `tabWorkflow Action`.`reference_name` in "
		f"(select `name` from `tab{FILING}` where `county` in ({within})))"
	)


def has_action_permission(doc, ptype: str, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if doc.reference_doctype != FILING or is_system(user):
		return None
	return deny_unless(
		bool(permitted_regions(user))
		and frappe.has_permission(FILING, "read", doc=doc.reference_name, user=user)
	)
