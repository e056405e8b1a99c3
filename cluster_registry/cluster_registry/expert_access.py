"""What an expert (role Cluster Expert and no official role) may see: the reviews assigned to it,
the filings of those reviews that it has not declared a conflict for, and those filings' evidence
and on-site statements (and so their files), read-only. The hooks in hooks.py point here."""

import frappe

from cluster_registry.cluster_registry.doctype.expert_review.expert_review import CONFLICT
from cluster_registry.cluster_registry.filing_rights import deny_unless


def review_query_conditions(user: str | None = None) -> str:
	"""An expert lists only the reviews assigned to it."""
	user = user or frappe.session.user
	if is_expert_only(user):
		return f"`tabExpert Review`.expert = {frappe.db.escape(user)}"
	return ""


def has_review_permission(doc, ptype: str, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	return deny_unless(not is_expert_only(user) or doc.expert == user)


def assigned_filings_sql(user: str) -> str:
	"""The filings assigned to the expert and not declared in conflict, as a subquery."""
	return (
		"(select application from `tabExpert Review` "
		f"where expert = {frappe.db.escape(user)} and ifnull(conflict_declaration, '') != {frappe.db.escape(CONFLICT)})"
	)


def application_query_conditions(user: str | None = None) -> str:
	"""An expert sees only the filings assigned to it and not declared in conflict."""
	user = user or frappe.session.user
	return f"`tabCluster Application`.name in {assigned_filings_sql(user)}" if is_expert_only(user) else ""


def filing_record_query_conditions(doctype: str):
	"""The same for the records of a filing (evidence, on-site statement): only those of assigned filings."""

	def conditions(user: str | None = None) -> str:
		user = user or frappe.session.user
		return f"`tab{doctype}`.application in {assigned_filings_sql(user)}" if is_expert_only(user) else ""

	return conditions


evidence_query_conditions = filing_record_query_conditions("Cluster Evidence")
onsite_query_conditions = filing_record_query_conditions("Onsite Verification")


def is_assigned(application: str, user: str) -> bool:
	return bool(
		frappe.db.exists(
			"Expert Review",
			{"application": application, "expert": user, "conflict_declaration": ("!=", CONFLICT)},
		)
	)


def has_application_permission(doc, ptype: str, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	return deny_unless(
		not is_expert_only(user) or (ptype in ("read", "print") and is_assigned(doc.name, user))
	)


def has_filing_record_permission(doc, ptype: str, user: str | None = None) -> bool | None:
	"""Evidence and on-site statements (and so their files) of an assigned filing only, read-only."""
	user = user or frappe.session.user
	return deny_unless(
		not is_expert_only(user) or (ptype in ("read", "print") and is_assigned(doc.application, user))
	)


def is_expert_only(user: str) -> bool:
	roles = set(frappe.get_roles(user))
	return "Cluster Expert" in roles and not roles & {
		"System Manager",
		"Cluster Province Officer",
		"Cluster City Officer",
		"Cluster County Officer",
	}
