"""Who may write what on a Cluster Application, on the server and on every path (desk, REST,
frappe.client): the county writes the content while the filing is a draft or returned, the city and
the province write their step's fields at their own step, only a workflow action moves the state,
and nothing is deleted once it has been submitted (rules in cluster_registry/rules/steps.py)."""

import sys

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow

from cluster_registry.cluster_registry import approval
from cluster_registry.cluster_registry.input_checks import label
from cluster_registry.rules import steps

SYSTEM_ROLES = frozenset({"System Manager"})


class StateByWorkflowOnlyError(frappe.PermissionError):
	"""The state written directly instead of through a workflow action."""

	field = "status"


class ContentOfTheCountyError(frappe.PermissionError):
	"""A filing's content changed by anyone but its county, or outside draft and returned."""


class StepFieldsOfAnotherLevelError(frappe.PermissionError):
	"""退回修改 reasons or an opinion written by a level whose step the filing is not at."""


class SubmittedKeptError(frappe.PermissionError):
	"""A filing in or after 已提交市级 deleted."""


class DraftOfTheCountyError(frappe.PermissionError):
	"""A draft deleted by anyone but its county."""


def is_system(user: str | None = None) -> bool:
	"""The site's administrators, who set up and repair data outside the chain."""
	user = user or frappe.session.user
	return user == "Administrator" or bool(SYSTEM_ROLES & set(frappe.get_roles(user)))


def user_levels(user: str | None = None) -> frozenset[str]:
	return steps.levels(frappe.get_roles(user or frappe.session.user))


def stored_state(doc) -> str | None:
	"""The state the filing is in before this request changes it (None for a new filing)."""
	if doc.is_new():
		return None
	return frappe.db.get_value(doc.doctype, doc.name, "status")


def deny_unless(allowed: bool) -> bool | None:
	"""A has_permission hook's answer: Frappe takes the first hook that answers other than None
	(and hooks can only deny), so a hook denies with False and otherwise leaves it to the others."""
	return None if allowed else False


def has_filing_permission(doc, ptype: str, user: str | None = None) -> bool | None:
	"""Only the county creates a filing, and deletes it while it is a draft. (What a save may
	change at each step is checked on the save, with the reason: check_save.)"""
	user = user or frappe.session.user
	if ptype not in ("create", "delete") or is_system(user):
		return None
	levels = user_levels(user)
	if ptype == "create":
		allowed = steps.may_write_content(levels, None)
	else:
		allowed = steps.may_delete(levels, stored_state(doc))
	return deny_unless(allowed)


def check_save(doc, before):
	"""Refuse, with the reason, a change the user's level may not make at this step."""
	if is_system():
		return
	state = before.status if before else None
	levels = user_levels()
	if before and doc.status != before.status and not moved_by_workflow():
		frappe.throw(
			_(
				"{0} changes only through the workflow actions on the filing (提交市级, 退回修改, 推荐, …); it cannot be written directly."
			).format(label(doc.doctype, "status")),
			StateByWorkflowOnlyError,
			title=_("Approval Chain"),
		)
	if (before is None or approval.content_digest(doc) != approval.content_digest(before)) and not (
		steps.may_write_content(levels, state)
	):
		frappe.throw(
			_(
				"The content of a filing is written by its county, while it is a draft or returned for correction; this filing is {0}."
			).format(state or approval.DRAFT),
			ContentOfTheCountyError,
			title=_("Approval Chain"),
		)
	changed = [
		field
		for field in steps.STEP_FIELDS
		if (doc.get(field) or "") != ((before.get(field) if before else None) or "")
	]
	if changed and not steps.may_write_step_fields(levels, state):
		frappe.throw(
			_("{0} is written by the level whose step the filing is at; this filing is {1}.").format(
				"、".join(label(doc.doctype, field) for field in changed), state or approval.DRAFT
			),
			StepFieldsOfAnotherLevelError,
			title=_("Approval Chain"),
		)


def moved_by_workflow() -> bool:
	"""Whether this save runs inside frappe.model.workflow.apply_workflow (the desk's action buttons,
	the REST method, bulk approval and the e-mailed action links all go through it)."""
	frame = sys._getframe(1)
	while frame is not None:
		if frame.f_code is apply_workflow.__code__:
			return True
		frame = frame.f_back
	return False


def check_delete(doc):
	"""Nothing in or after 已提交市级 is deleted, by anyone; a draft only by its county."""
	state = frappe.db.get_value(doc.doctype, doc.name, "status") or doc.status
	if state != approval.DRAFT:
		frappe.throw(
			_("A filing that has been submitted ({0}) is kept for the record and cannot be deleted.").format(
				state
			),
			SubmittedKeptError,
			title=_("Approval Chain"),
		)
	if not is_system() and not steps.may_delete(user_levels(), state):
		frappe.throw(
			_("A draft filing is deleted only by its county."),
			DraftOfTheCountyError,
			title=_("Approval Chain"),
		)
