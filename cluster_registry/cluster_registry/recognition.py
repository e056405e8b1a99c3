"""The recognition lifecycle on the site: a step of a Cluster Application that recognises,
reviews, renews or revokes (monitoring/lifecycle.py) writes the cluster's recognition row
(Cluster Recognition), and the cluster shows its current recognition and status."""

import frappe
from frappe import _
from frappe.utils import add_years, getdate, today

from cluster_registry.approval_states import DRAFT, EDITABLE
from cluster_registry.filing_terms import FILING_LEVELS, NATIONAL, PROVINCIAL, REVIEW
from cluster_registry.monitoring import lifecycle

RECOGNITION_FIELDS = ("recognition_document_no", "recognition_date")
DECIDING_ROLES = ("Cluster Province Officer", "System Manager")


class RecognitionByProvinceError(frappe.PermissionError):
	"""The recognition's document number or date entered by anyone but the province."""


def check_recognition_fields(application, before):
	"""The recognition's document number and date are the province's to write."""
	changed = [
		field
		for field in RECOGNITION_FIELDS
		if (application.get(field) or None) != ((before.get(field) if before else None) or None)
	]
	if changed and not set(DECIDING_ROLES) & set(frappe.get_roles()):
		frappe.throw(
			_("Only the province enters {0}: leave it empty.").format(
				_(application.meta.get_label(changed[0]))
			),
			RecognitionByProvinceError,
			title=_("Recognition"),
		)


def record(application, before):
	"""After a save of the filing: apply what its change of state means for the recognition, and
	keep the recognition row's document number and date in step with the filing."""
	old = before.status if before else DRAFT
	step = lifecycle.event(application.filing_kind, application.level, old, application.status, EDITABLE)
	cluster = frappe.get_doc("Industrial Cluster", application.cluster)
	if step == lifecycle.RECOGNISE:
		recognise(cluster, application)
	elif step and (row := reviewed_row(cluster, application)):
		if step == lifecycle.REVIEW:
			row.status, row.review_application = lifecycle.UNDER_REVIEW, application.name
		elif step == lifecycle.RENEW:
			row.status, row.review_application = lifecycle.RENEWED, application.name
			row.valid_until = add_years(
				row.valid_until or decision_date(application), lifecycle.RECOGNITION_YEARS
			)
		else:
			row.status, row.review_application = lifecycle.REVOKED, application.name
	elif not sync_document(cluster, application):
		return
	cluster.save(ignore_permissions=True)


def recognise(cluster, application):
	row = next((r for r in cluster.recognitions if r.application == application.name), None)
	if row is None:
		row = cluster.append("recognitions", {"application": application.name})
	date = decision_date(application)
	row.update(
		{
			"level": application.level,
			"year": date.year,
			"declaration_round": application.declaration_round,
			"document_no": application.recognition_document_no,
			"recognition_date": date,
			"valid_until": lifecycle.valid_until(date),
			"status": lifecycle.VALID,
		}
	)


def decision_date(application):
	return getdate(application.recognition_date or today())


def reviewed_row(cluster, application):
	"""The recognition a 复核 filing reviews: the one its original filing earned, else the latest
	in force at its level."""
	rows = [r for r in cluster.recognitions if r.level == application.level]
	for row in rows:
		if application.original_application and row.application == application.original_application:
			return row
	in_force = [r for r in rows if r.status in lifecycle.IN_FORCE or r.review_application == application.name]
	return max(in_force, key=lambda r: (r.year or 0, r.idx), default=None)


def sync_document(cluster, application) -> bool:
	"""A document number or date entered on the filing after the decision reaches its row."""
	for row in cluster.recognitions:
		if row.application == application.name and application.filing_kind != REVIEW:
			date = decision_date(application) if application.recognition_date else row.recognition_date
			values = {"document_no": application.recognition_document_no, "recognition_date": date}
			if date and getdate(date) != getdate(row.recognition_date or date):
				values["valid_until"] = lifecycle.valid_until(getdate(date))
				values["year"] = getdate(date).year
			if any(row.get(k) != v for k, v in values.items()):
				row.update(values)
				return True
	return False


def normalise(cluster):
	"""A recognition entered by hand without a status is in force (有效); without an end date it
	lasts three years from its date."""
	for row in cluster.recognitions:
		row.status = row.status or lifecycle.VALID
		if not row.valid_until and row.recognition_date:
			row.valid_until = lifecycle.valid_until(getdate(row.recognition_date))


def current(cluster) -> dict:
	"""The cluster's current recognition: the highest level among those in force (the latest of
	that level), else the latest revoked one."""
	rank = {NATIONAL: 3, PROVINCIAL: 2, "市级": 1}
	rows = sorted(
		cluster.recognitions,
		key=lambda r: (r.status in lifecycle.IN_FORCE, rank.get(r.level, 0), r.year or 0, r.idx),
	)
	if not rows:
		return {"recognition_status": None, "recognition_level": None, "recognition_valid_until": None}
	row = rows[-1]
	return {
		"recognition_status": row.status or lifecycle.VALID,
		"recognition_level": row.level,
		"recognition_valid_until": row.valid_until,
	}


def review_deadline_passed(round_year: int, today=None) -> bool:
	"""Whether the county deadline of every 复核 opening of the year's declaration rounds has passed."""
	deadlines = frappe.get_all(
		"Round Opening",
		filters={"parenttype": "Declaration Round", "filing_kind": REVIEW},
		fields=["parent", "county_deadline"],
	)
	rounds = set(frappe.get_all("Declaration Round", filters={"round_year": round_year}, pluck="name"))
	dates = [getdate(d.county_deadline) for d in deadlines if d.parent in rounds and d.county_deadline]
	return bool(dates) and all(date < getdate(today) for date in dates)


def lapse_unreviewed(today=None) -> int:
	"""Daily: a recognition due for 复核 in a year whose 复核 rounds have closed, with no 复核 filed,
	is revoked (撤销); returns how many lapsed."""
	today = getdate(today)
	lapsed = 0
	for year in (today.year - 1, today.year):
		if not review_deadline_passed(year, today):
			continue
		for row in due_rows(year):
			if row.status != lifecycle.VALID or row.review_filed:
				continue
			frappe.db.set_value("Cluster Recognition", row.row_name, "status", lifecycle.REVOKED)
			frappe.get_doc("Industrial Cluster", row.cluster).save(ignore_permissions=True)
			lapsed += 1
	return lapsed


def due_rows(round_year: int, query_filter=None) -> list:
	"""Recognitions due for 复核 in the round year: recognised three years before, or valid until
	that year (renewed ones included); with whether a 复核 filing exists in that year."""
	from frappe.query_builder import DocType
	from frappe.query_builder.functions import Extract

	cluster, recognition = DocType("Industrial Cluster"), DocType("Cluster Recognition")
	query = (
		frappe.qb.from_(cluster)
		.join(recognition)
		.on((recognition.parent == cluster.name) & (recognition.parenttype == "Industrial Cluster"))
		.select(
			cluster.name.as_("cluster"),
			cluster.cluster_name,
			cluster.county,
			cluster.city,
			recognition.name.as_("row_name"),
			recognition.level,
			recognition.year,
			recognition.document_no,
			recognition.valid_until,
			recognition.status,
			recognition.application,
		)
		.where(
			(
				(recognition.year == round_year - lifecycle.RECOGNITION_YEARS)
				| (Extract("year", recognition.valid_until) == round_year)
			)
			& recognition.level.isin(FILING_LEVELS)
		)
		.orderby(cluster.city)
		.orderby(cluster.cluster_name)
	)
	if query_filter:
		query = query_filter(query, cluster)
	rows = query.run(as_dict=True)
	filed = set(
		frappe.get_all(
			"Cluster Application",
			filters={
				"filing_kind": REVIEW,
				"round_year": round_year,
				"cluster": ("in", [r.cluster for r in rows] or [""]),
			},
			pluck="cluster",
		)
	)
	for row in rows:
		row.review_filed = int(row.cluster in filed)
	return rows
