"""The approval chain of a Cluster Application, enforced on the server whichever way a state
changes (workflow action in the desk, REST API): what each step requires, and what is frozen.

The states and transitions are the Workflow 集群申报审批 (fixtures/workflow.json): county draft →
submitted to the city → returned for correction → on-site check → recommended by the city →
formal review → expert review → recognised or not (复核: passed or failed) → recommended to MIIT →
national outcome.
"""

import hashlib
import json
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.utils import getdate

from cluster_registry.approval_states import (
	AFTER_CITY,
	AFTER_MIIT,
	DRAFT,
	EDITABLE,
	RECOMMENDED_BY_CITY,
	RETURNED,
	SUBMITTED,
	TO_MIIT,
)
from cluster_registry.cluster_registry.refusals import refuse
from cluster_registry.filing_terms import APPLY, CONFORMS, NATIONAL
from cluster_registry.rules.quotas import Place, over_quota


class ReturnReasonMissingError(frappe.ValidationError):
	"""退回修改 without its reasons."""

	field = "return_reason"


class DeadlinePassedError(frappe.ValidationError):
	"""Sent on after the round's deadline of the step."""


class OnsiteCheckMissingError(frappe.ValidationError):
	"""Recommended by the city without an on-site check concluding 符合."""


class QuotaExceededError(frappe.ValidationError):
	"""A recommendation over the round's quota; `quotas` names which: per_city, per_sub_sector, to_miit."""


class CityQuotaExceededError(QuotaExceededError):
	pass


class SubSectorQuotaExceededError(QuotaExceededError):
	pass


class MiitQuotaExceededError(QuotaExceededError):
	pass


QUOTA_ERRORS = {
	"per_city": CityQuotaExceededError,
	"per_sub_sector": SubSectorQuotaExceededError,
	"to_miit": MiitQuotaExceededError,
}


class QuotaBusyError(frappe.ValidationError):
	"""Another recommendation of the round held the quota at that moment: try again."""


class FilingFrozenError(frappe.ValidationError):
	"""A change to a filing (or its evidence) outside the draft and returned states."""


# what may change on a filing that is no longer a draft: the state and what the levels above write
CHANGEABLE_WHEN_FROZEN = frozenset(
	{
		"status",
		"return_reason",
		"higher_level_opinion",
		"recognition_document_no",
		"recognition_date",
		"modified",
		"modified_by",
	}
)


def check_transition(application, before):
	"""Refuse a change of state that the step's rules forbid (nothing is saved)."""
	old, new = (before.status if before else DRAFT), application.status
	if old == new:
		return
	if new == SUBMITTED and old in EDITABLE:
		check_deadline(application, "county_deadline")
	if new == RETURNED and not (application.return_reason or "").strip():
		frappe.throw(
			_("Write the reasons for returning the filing in {0} before returning it.").format(
				_("Reasons for Return", context="Cluster Application")
			),
			ReturnReasonMissingError,
			title=_("Return for Correction"),
		)
	if new == RECOMMENDED_BY_CITY:
		check_onsite_verification(application)
		check_deadline(application, "city_deadline")
		check_city_quota(application)
	if new == TO_MIIT:
		check_miit_quota(application)


def check_deadline(application, deadline_field: str):
	opening = frappe.get_doc("Declaration Round", application.declaration_round).opening(
		application.filing_kind, application.level
	)
	deadline = opening and opening.get(deadline_field)
	if deadline and getdate() > getdate(deadline):
		frappe.throw(
			_(
				"The deadline of this round was {0}: the filing can no longer be sent on. It stays as it is."
			).format(frappe.utils.formatdate(deadline)),
			DeadlinePassedError,
			title=_("Deadline Passed"),
		)


def check_onsite_verification(application):
	conclusion = frappe.db.get_value("Onsite Verification", {"application": application.name}, "conclusion")
	if conclusion != CONFORMS:
		frappe.throw(
			_(
				"The city recommends a filing only after its on-site check (现场核查符合性说明) concludes 符合; {0}."
			).format(
				_("none is recorded yet")
				if conclusion is None
				else _("the recorded conclusion is {0}").format(conclusion)
			),
			OnsiteCheckMissingError,
			title=_("Onsite Verification"),
		)


QUOTA_STATES = (RECOMMENDED_BY_CITY, TO_MIIT)


def lock_round_for_quota(application):
	"""Two recommendations racing for the last place of a round queue on the round's row: the
	second one counts the places only after the first has been saved (or refused).

	Called before the filing's own row is locked (Document.check_if_latest), so that a request
	waiting here holds no filing another one must read."""
	if application.is_new() or application.status not in QUOTA_STATES:
		return
	if frappe.db.get_value(application.doctype, application.name, "status") == application.status:
		return
	with queue_reported():
		frappe.db.get_value("Declaration Round", application.declaration_round, "name", for_update=True)


@contextmanager
def queue_reported():
	"""A lock that could not be had (a deadlock, or a wait beyond the database's limit) is told as
	what it is, with the way out, and nothing is saved."""
	try:
		yield
	except (frappe.QueryDeadlockError, frappe.QueryTimeoutError):
		frappe.throw(
			_(
				"Another recommendation of this round is being recorded at this moment, so the quota could not be counted: nothing was saved. Try again in a moment."
			),
			QuotaBusyError,
			title=_("Quota"),
		)


def recommended_places(round_name: str, filters: dict, states) -> set[Place]:
	"""The places taken, as committed now (a locking read: past this request's snapshot)."""
	with queue_reported():
		rows = frappe.qb.get_query(
			"Cluster Application",
			fields=["cluster", "sub_sector"],
			filters={"declaration_round": round_name, "status": ("in", states), **filters},
			for_update=True,
		).run(as_dict=True)
	return {Place(row.cluster, row.sub_sector) for row in rows}


def round_limits(round_name: str, fields: list[str]):
	"""The round's quotas, with the round's row locked until the recommendation is saved."""
	with queue_reported():
		return frappe.db.get_value("Declaration Round", round_name, fields, as_dict=True, for_update=True)


def check_city_quota(application):
	if application.filing_kind != APPLY:
		return
	limits = round_limits(application.declaration_round, ["quota_per_city", "quota_per_sub_sector"])
	places = recommended_places(
		application.declaration_round,
		{"city": application.city, "filing_kind": APPLY, "name": ("!=", application.name)},
		AFTER_CITY,
	)
	places.add(Place(application.cluster, application.sub_sector))
	refuse_over_quota(over_quota(places, limits.quota_per_city, limits.quota_per_sub_sector))


def check_miit_quota(application):
	limits = round_limits(application.declaration_round, ["quota_to_miit"])
	places = recommended_places(
		application.declaration_round,
		{"level": NATIONAL, "filing_kind": application.filing_kind, "name": ("!=", application.name)},
		AFTER_MIIT,
	)
	places.add(Place(application.cluster, application.sub_sector))
	refuse_over_quota(over_quota(places, total=limits.quota_to_miit))


def refuse_over_quota(problems):
	if not problems:
		return
	messages = []
	for problem in problems:
		if problem.quota == "per_city":
			messages.append(
				_("A city may recommend at most {0} clusters in this round; this would be {1}.").format(
					problem.limit, problem.taken
				)
			)
		elif problem.quota == "per_sub_sector":
			messages.append(
				_(
					"A city may recommend at most {0} cluster(s) of one sub-sector ({1}); this would be {2}."
				).format(problem.limit, frappe.utils.escape_html(problem.sub_sector or ""), problem.taken)
			)
		else:
			messages.append(
				_(
					"The province may recommend at most {0} clusters to MIIT in this round; this would be {1}."
				).format(problem.limit, problem.taken)
			)
	kinds = {problem.quota for problem in problems}
	refuse(
		QUOTA_ERRORS[kinds.pop()] if len(kinds) == 1 else QuotaExceededError,
		"<br>".join(messages) + "<br>" + _("Over-quota filings are not accepted."),
		title=_("Quota"),
		quotas=[problem.quota for problem in problems],
	)


def check_frozen(application, before):
	"""What the city saw is what the province sees: outside the draft states only the state and the
	higher levels' remarks change; the county corrects a filing only after it is returned."""
	if before is None or before.status in EDITABLE:
		return
	if content_digest(application) != content_digest(before):
		frappe.throw(
			_(
				"The filing is {0} and frozen: it can be changed only after it is returned for correction."
			).format(before.status),
			FilingFrozenError,
			title=_("Frozen Filing"),
		)


def content_digest(doc) -> str:
	values = {k: v for k, v in doc.as_dict(no_default_fields=True).items() if k not in CHANGEABLE_WHEN_FROZEN}
	for table in ("answers", "targets"):
		values[table] = [
			{
				k: v
				for k, v in row.items()
				if k not in ("name", "modified", "creation", "owner", "modified_by", "parent")
			}
			for row in values.get(table, [])
		]
	return hashlib.sha1(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def refuse_when_frozen(application_name: str):
	"""Evidence of a filing changes only while the filing is a draft or returned."""
	status = frappe.db.get_value("Cluster Application", application_name, "status")
	if status and status not in EDITABLE:
		frappe.throw(
			_(
				"The filing is {0} and frozen: its evidence can be changed only after it is returned for correction."
			).format(status),
			FilingFrozenError,
			title=_("Frozen Filing"),
		)
