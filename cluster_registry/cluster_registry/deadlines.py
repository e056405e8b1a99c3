"""Deadlines of a round: reminders before each one, to the people who still have to act.

The county's deadline (county → city) concerns drafts and returned filings; the city's deadline
(city → province) concerns filings with the city. Reminders go out 7, 3 and 1 day before, as
in-app notifications (and e-mail where the user receives them), to the users of the role who may
act on that filing, territory included.
"""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.utils import date_diff, formatdate, getdate

from cluster_registry.approval_states import EDITABLE, ON_SITE, SUBMITTED

REMIND_DAYS_BEFORE = (7, 3, 1)
STAGES = (
	("county_deadline", EDITABLE, "Cluster County Officer"),
	("city_deadline", (SUBMITTED, ON_SITE), "Cluster City Officer"),
)


def send_deadline_reminders(today=None) -> int:
	"""Daily: notify those who must act before a deadline 7, 3 or 1 day(s) away; returns how many."""
	today = getdate(today)
	sent = 0
	openings = frappe.get_all(
		"Round Opening",
		filters={"parenttype": "Declaration Round"},
		fields=["parent", "filing_kind", "level", "county_deadline", "city_deadline"],
	)
	for opening in openings:
		for deadline_field, states, role in STAGES:
			deadline = opening.get(deadline_field)
			if not deadline or date_diff(deadline, today) not in REMIND_DAYS_BEFORE:
				continue
			for name in frappe.get_all(
				"Cluster Application",
				filters={
					"declaration_round": opening.parent,
					"filing_kind": opening.filing_kind,
					"level": opening.level,
					"status": ("in", states),
				},
				pluck="name",
			):
				sent += remind(frappe.get_doc("Cluster Application", name), role, deadline)
	return sent


def remind(application, role: str, deadline) -> int:
	users = [
		user
		for user in users_with_role(role)
		if frappe.has_permission(doc=application, ptype="write", user=user)
	]
	if users:
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": application.doctype,
				"document_name": application.name,
				"subject": _("{0}: the deadline is {1}; the filing is still {2}.").format(
					application.cluster_name, formatdate(deadline), application.status
				),
				"from_user": "Administrator",
			},
			users,
		)
	return len(users)


def users_with_role(role: str) -> list[str]:
	holders = frappe.get_all(
		"Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent", distinct=True
	)
	return frappe.get_all(
		"User",
		filters={"name": ("in", holders or [""]), "enabled": 1, "user_type": "System User"},
		pluck="name",
	)
