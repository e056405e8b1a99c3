"""Annual monitoring filings (年度监测) on the site: the province's round opens one filing per
recognised, valid cluster of its territory, pre-filled from the cluster's annual record and its
enterprise library; every save tracks the cluster's targets against the year's figures
(monitoring/tracking.py)."""

from decimal import Decimal

import frappe
from frappe import _

from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.library_counts import counts_for
from cluster_registry.filing_terms import REVIEW
from cluster_registry.forms import definitions
from cluster_registry.monitoring import lifecycle, tracking
from cluster_registry.monitoring.figures import figure_rows

RECOGNISED_STATES = ("省级认定", "国家级认定", "复核通过", "国家复核通过")


@frappe.whitelist()
def open_filings(monitoring_round: str) -> int:
	"""One filing for every recognised, valid cluster of the round's province that has none yet;
	returns how many were opened."""
	round_doc = frappe.get_doc("Monitoring Round", monitoring_round)
	round_doc.check_permission("write")
	opened = 0
	for cluster in clusters_to_monitor(round_doc.province):
		if frappe.db.exists(
			"Cluster Monitoring Filing", {"monitoring_round": round_doc.name, "cluster": cluster}
		):
			continue
		frappe.get_doc(
			{"doctype": "Cluster Monitoring Filing", "monitoring_round": round_doc.name, "cluster": cluster}
		).insert(ignore_permissions=True)
		opened += 1
	return opened


def clusters_to_monitor(province: str) -> list[str]:
	"""Clusters of the province whose recognition is in force (有效, 复核中, 复核通过)."""
	return frappe.get_all(
		"Industrial Cluster",
		filters={"province": province, "recognition_status": ("in", lifecycle.IN_FORCE)},
		pluck="name",
		order_by="city asc, county asc, name asc",
	)


def set_facts(filing):
	"""The round's year and due date, and the cluster's name, territory and recognition level."""
	filing.data_year, filing.due_date = frappe.db.get_value(
		"Monitoring Round", filing.monitoring_round, ["data_year", "due_date"]
	) or (None, None)
	cluster = frappe.db.get_value(
		"Industrial Cluster",
		filing.cluster,
		["cluster_name", "county", "city", "province", "recognition_level"],
		as_dict=True,
	)
	if not cluster:
		frappe.throw(
			_("Choose an existing cluster."), frappe.LinkValidationError, title=_("Monitoring Filing")
		)
	filing.update(
		{
			"cluster_name": cluster.cluster_name,
			"county": cluster.county,
			"city": cluster.city,
			"province": cluster.province,
		}
	)
	filing.recognition_level = filing.recognition_level or cluster.recognition_level


def prefill(filing):
	"""The year's figures from the annual record, with the counts the enterprise library and the
	name lists hold today where they hold any (the record's may predate the last change to the
	library), and the targets of the filing that earned the recognition."""
	filing.recognition_application = recognition_application(filing.cluster, filing.recognition_level)
	record = frappe.db.get_value(
		"Cluster Annual Indicator", {"cluster": filing.cluster, "year": filing.data_year}, "*", as_dict=True
	)
	values = dict(record or {})
	values.update({k: v for k, v in counts_for(filing.cluster, filing.data_year).items() if v})
	specs = [(t.metric, t.indicator, t.unit or "") for t in targets_of(filing.recognition_application)]
	filing.set("figures", figure_rows(specs, values))


def recognition_application(cluster: str, level: str | None) -> str | None:
	"""The filing that earned the cluster's current recognition: the one its recognition row
	names, else its latest recognised 申报 at that level."""
	rows = frappe.get_all(
		"Cluster Recognition",
		filters={"parent": cluster, "parenttype": "Industrial Cluster", "level": level or ""},
		fields=["application", "status"],
		order_by="year desc, idx desc",
	)
	for row in rows:
		if row.application and row.status in lifecycle.IN_FORCE:
			return row.application
	found = frappe.get_all(
		"Cluster Application",
		filters={
			"cluster": cluster,
			"level": level or "",
			"filing_kind": ("!=", REVIEW),
			"status": ("in", RECOGNISED_STATES),
		},
		pluck="name",
		order_by="round_year desc",
		limit=1,
	)
	return found[0] if found else None


def targets_of(application: str | None) -> list:
	"""The quantitative targets (with a metric) the application set, in form order."""
	if not application:
		return []
	return frappe.get_all(
		"Application Target",
		filters={
			"parent": application,
			"parenttype": "Cluster Application",
			"metric": ("is", "set"),
			"table_key": ("!=", "targets_completed"),
		},
		fields=["*"],
		order_by="idx asc",
	)


def target_years(application: str) -> dict:
	"""Baseline, target and stage years of the application's targets table."""
	round_year, form_version = frappe.db.get_value(
		"Cluster Application", application, ["round_year", "form_version"]
	)
	definition = load_form(form_version)
	years = definition["years"]
	for _section, item in definitions.items(definition):
		if item["type"] == "targets" and not item.get("completion"):
			years = {**years, **item.get("years", {})}
			break
	return definitions.round_years({"years": years}, round_year)


def track(filing):
	"""The tracking rows of the year: each target against the filing's figures."""
	thresholds = round_thresholds(filing.monitoring_round)
	actual = {row.metric: row.value for row in filing.figures}
	rows = []
	targets = targets_of(filing.recognition_application)
	years = target_years(filing.recognition_application) if targets else {}
	for target in targets:
		tracked = tracking.track(
			target.baseline_value,
			target.target_value,
			years["baseline"],
			years["target"],
			filing.data_year,
			actual.get(target.metric),
			thresholds,
			target.metric,
		)
		stages = [target.stage_1, target.stage_2, target.stage_3]
		rows.append(
			{
				"direction": target.direction,
				"indicator": target.indicator,
				"metric": target.metric,
				"unit": target.unit,
				"baseline_year": years["baseline"],
				"baseline_value": target.baseline_value,
				"target_year": years["target"],
				"target_value": target.target_value,
				"stage_target": tracking.stage_target(stages, years["stages"], filing.data_year),
				"expected_value": tracked.expected,
				"actual_value": tracked.actual,
				"share_achieved": tracked.share,
				"tracking_status": tracked.status,
			}
		)
	filing.set("tracking", rows)
	filing.severe_targets = sum(1 for row in rows if row["tracking_status"] == tracking.SEVERELY_BEHIND)


def round_thresholds(monitoring_round: str) -> tracking.Thresholds:
	on_track, severe = frappe.db.get_value(
		"Monitoring Round", monitoring_round, ["on_track_threshold", "severe_threshold"]
	)
	return tracking.Thresholds(Decimal(str(on_track or 0)), Decimal(str(severe or 0)))


def monitored_value(cluster: str, year: int, metric: str):
	"""The figure of a monitored year as the monitoring filing holds it (the accepted one first),
	None when the year was not monitored."""
	filings = frappe.get_all(
		"Cluster Monitoring Filing",
		filters={"cluster": cluster, "data_year": year, "status": ("not in", ("草稿", "退回修改"))},
		fields=["name", "status"],
	)
	filings.sort(key=lambda f: f.status != "省级已接收")
	for filing in filings:
		value = frappe.db.get_value(
			"Monitoring Figure",
			{"parent": filing.name, "parenttype": "Cluster Monitoring Filing", "metric": metric},
			"value",
		)
		if value is not None:
			return value
	return None


class RoundOfAnotherProvinceError(frappe.ValidationError):
	field = "monitoring_round"


def check_round_is_the_clusters(filing):
	if frappe.db.get_value("Monitoring Round", filing.monitoring_round, "province") != filing.province:
		frappe.throw(
			_("{0} is not in the province of monitoring round {1}.").format(
				filing.cluster_name, filing.monitoring_round
			),
			RoundOfAnotherProvinceError,
			title=_("Monitoring Filing"),
		)
