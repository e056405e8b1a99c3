"""Who may do what to a monitoring filing, enforced on the server whichever way it is saved
(workflow action in the desk, REST API): the county fills the figures and the narrative while the
filing is a draft or returned; the city writes its opinion (and the reasons for a return) while
the filing is with it, the province likewise; a filing that left the county is frozen. Also the
early warning of targets 严重滞后 and the reminders before the due date."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.utils import date_diff, formatdate, getdate

from cluster_registry.cluster_registry.approval import FilingFrozenError, ReturnReasonMissingError
from cluster_registry.cluster_registry.deadlines import REMIND_DAYS_BEFORE, users_with_role
from cluster_registry.cluster_registry.input_checks import NegativeFigureError
from cluster_registry.cluster_registry.territory import permitted_regions
from cluster_registry.monitoring import states
from cluster_registry.monitoring.tracking import SEVERELY_BEHIND

COUNTY_FIELDS = ("progress_summary", "filled_by", "filler_phone")
LEVEL_FIELDS = ("city_opinion", "province_opinion", "return_reason")
UNRESTRICTED = ("System Manager",)
MAY_BE_NEGATIVE = frozenset({"profit", "output_cagr"})


class StepFieldsError(frappe.ValidationError):
	"""A level's opinion or remarks written by another level, or outside its step."""


class FigureRowsFixedError(frappe.ValidationError):
	"""Figure rows added, removed or relabelled after the filing was opened."""


class UnfilledError(frappe.ValidationError):
	"""Submitted with figures or the narrative left empty."""


def check_step(filing, before):
	"""Refuse what the user's role may not change in the filing's state (nothing is saved)."""
	if before is None or frappe.flags.in_install or set(UNRESTRICTED) & set(frappe.get_roles()):
		return
	state = before.status
	roles = set(frappe.get_roles())
	if content_changed(filing, before) and not (state in states.EDITABLE and states.COUNTY in roles):
		frappe.throw(
			_(
				"The monitoring filing is {0}: its figures and narrative are the county's to change, while it is a draft or returned."
			).format(state),
			FilingFrozenError,
			title=_("Frozen Filing"),
		)
	for field in LEVEL_FIELDS:
		if (filing.get(field) or "") == (before.get(field) or ""):
			continue
		acting = states.ACTS_IN.get(state)
		if state not in (states.SUBMITTED, states.FORWARDED) or acting not in roles:
			frappe.throw(
				_("{0} is written by the level the filing is with ({1}); it cannot be changed now.").format(
					_(filing.meta.get_label(field)), state
				),
				StepFieldsError,
				title=_("Monitoring Filing"),
			)
		if field in states.REMARKS and states.REMARKS[field] != state:
			frappe.throw(
				_("{0} is written while the filing is {1}.").format(
					_(filing.meta.get_label(field)), states.REMARKS[field]
				),
				StepFieldsError,
				title=_("Monitoring Filing"),
			)


def check_figures(filing, before):
	"""The figure rows are the ones the filing was opened with (the county types their values);
	amounts, counts and rates are not negative except profit and growth."""
	if before is not None and rows_of(filing) != rows_of(before):
		frappe.throw(
			_("The figures of a monitoring filing are fixed when it is opened: fill in their values only."),
			FigureRowsFixedError,
			title=_("Monitoring Filing"),
		)
	negative = [
		row.figure_label
		for row in filing.figures
		if row.value is not None and row.value < 0 and row.metric not in MAY_BE_NEGATIVE
	]
	if negative:
		frappe.throw(
			_("{0} cannot be negative: enter the figure as reported (0 where there is none).").format(
				"、".join(negative)
			),
			NegativeFigureError,
			title=_("Monitoring Filing"),
		)


def rows_of(doc) -> list:
	return [(row.metric, row.figure_label, row.unit, row.prefilled_value) for row in doc.figures]


def content_changed(filing, before) -> bool:
	if any((filing.get(f) or "") != (before.get(f) or "") for f in COUNTY_FIELDS):
		return True
	return figures(filing) != figures(before)


def figures(doc) -> list:
	return [(row.metric, None if row.value is None else float(row.value)) for row in doc.figures]


def check_transition(filing, before):
	old = before.status if before else states.DRAFT
	if old == filing.status:
		return
	if filing.status == states.RETURNED and not (filing.return_reason or "").strip():
		frappe.throw(
			_("Write the reasons for returning the filing in {0} before returning it.").format(
				_(filing.meta.get_label("return_reason"))
			),
			ReturnReasonMissingError,
			title=_("Return for Correction"),
		)
	if filing.status == states.SUBMITTED and old in states.EDITABLE:
		missing = [row.figure_label for row in filing.figures if row.value is None]
		if not (filing.progress_summary or "").strip():
			missing.append(_(filing.meta.get_label("progress_summary")))
		if missing:
			frappe.throw(
				_("Fill in before submitting (0 where there is nothing, 无 in the narrative): {0}.").format(
					"、".join(missing)
				),
				UnfilledError,
				title=_("Monitoring Filing"),
			)


def warn_if_severely_behind(filing, before):
	"""When the county submits the year's figures, the county officers of the cluster's county
	(and only they) are told of every target 严重滞后; the city and the province see it on the
	Target Warnings report."""
	old = before.status if before else states.DRAFT
	if not (old in states.EDITABLE and filing.status == states.SUBMITTED):
		return
	behind = [row for row in filing.tracking if row.tracking_status == SEVERELY_BEHIND]
	if not behind:
		return
	users = county_officers(filing.county)
	if not users:
		return
	lines = "；".join(
		_("{0}: {1} against {2} expected ({3}% achieved)").format(
			row.indicator, row.actual_value, row.expected_value, row.share_achieved
		)
		for row in behind
	)
	make_notification_logs(
		{
			"type": "Alert",
			"document_type": filing.doctype,
			"document_name": filing.name,
			"subject": _("Target warning for {0} in {1}: {2}").format(
				filing.cluster_name, filing.data_year, lines
			),
			"email_content": lines,
			"from_user": "Administrator",
		},
		users,
	)
	filing.db_set("warning_sent", 1, update_modified=False)


def county_officers(county: str) -> list[str]:
	"""The county officers whose territory is the county (not officers who see every county)."""
	return [user for user in users_with_role(states.COUNTY) if county in (permitted_regions(user) or ())]


def send_monitoring_reminders(today=None) -> int:
	"""Daily: 7, 3 and 1 day(s) before a round's due date, the officers who still have to act on a
	filing (the county on drafts and returned ones, the city on those submitted to it) are
	reminded; returns how many notifications went out."""
	today = getdate(today)
	sent = 0
	for round_doc in frappe.get_all("Monitoring Round", fields=["name", "due_date"]):
		if not round_doc.due_date or date_diff(round_doc.due_date, today) not in REMIND_DAYS_BEFORE:
			continue
		for filing in frappe.get_all(
			"Cluster Monitoring Filing",
			filters={
				"monitoring_round": round_doc.name,
				"status": ("in", (*states.EDITABLE, states.SUBMITTED)),
			},
			fields=["name", "cluster_name", "status", "county", "city"],
		):
			role = states.ACTS_IN[filing.status]
			region = filing.county if role == states.COUNTY else filing.city
			users = [u for u in users_with_role(role) if region in (permitted_regions(u) or ())]
			if users:
				make_notification_logs(
					{
						"type": "Alert",
						"document_type": "Cluster Monitoring Filing",
						"document_name": filing.name,
						"subject": _("{0}: the monitoring filing is due on {1}; it is still {2}.").format(
							filing.cluster_name, formatdate(round_doc.due_date), filing.status
						),
						"from_user": "Administrator",
					},
					users,
				)
				sent += len(users)
	return sent
