"""Recognition criteria (认定标准) applied to a cluster's figures: each criterion passes or fails.

A criterion names a metric (an annual indicator, several joined by "+", or cluster.<field>), a
comparison and a threshold, and whether it must hold in every data year or in the latest one.
Criteria sharing an alternative group pass together when any one of them passes.

The notation is read here only: the criteria, the cluster's picture and the cells of the forms
(where "a/b/c/d" prints several metrics side by side) all parse it with metric_fields and
metric_value.
"""

import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from cluster_registry.figures.decimals import round2, to_decimal

COMPARISONS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}
EVERY_YEAR = "每个数据年度"
CLUSTER_FIELD = "cluster."
SUM = "+"
SIDE_BY_SIDE = "/"


@dataclass(frozen=True)
class CriterionResult:
	description: str
	metric: str
	comparison: str
	threshold: object
	figures: dict  # year (or "cluster") -> figure
	passed: bool
	severity: str
	alternative_group: str = ""


def metric_fields(metric: str) -> list[str]:
	"""The fields a metric adds up: "a+b" → [a, b]; "cluster.<field>" names a field of the cluster."""
	return [part.strip() for part in metric.split(SUM)]


def annual_fields(metrics: Iterable[str]) -> set[str]:
	"""The annual indicator fields the metrics name (the cluster's own fields left out)."""
	return {field for metric in metrics for field in metric_fields(metric) if not on_cluster(field)}


def on_cluster(field: str) -> bool:
	return field.startswith(CLUSTER_FIELD)


def cell_metrics(indicator: str) -> list[str]:
	"""The metrics of one cell of a form: "a/b/c/d" prints four side by side, "a+b" one sum."""
	return [metric.strip() for metric in indicator.split(SIDE_BY_SIDE)]


def cell_fields(indicator: str) -> list[str]:
	"""Every field a cell of a form reads."""
	return [field for metric in cell_metrics(indicator) for field in metric_fields(metric)]


def metric_value(metric: str, values: Mapping, cluster: Mapping):
	"""The metric for one year's values: a sum of fields, or a field of the cluster; None when none
	of its fields holds a number."""
	total = None
	for part in metric_fields(metric):
		source = cluster if on_cluster(part) else values
		number = to_decimal(source.get(part.removeprefix(CLUSTER_FIELD)))
		if number is not None:
			total = number if total is None else total + number
	return total


def evaluate(
	criteria: list[Mapping], by_year: Mapping[int, Mapping], cluster: Mapping
) -> list[CriterionResult]:
	years = sorted(by_year)
	results = []
	for criterion in criteria:
		metric = criterion["metric"]
		chosen = years if criterion.get("applies_to") == EVERY_YEAR and not on_cluster(metric) else years[-1:]
		figures = {year: metric_value(metric, by_year[year], cluster) for year in chosen} if years else {}
		compare, threshold = COMPARISONS[criterion["comparison"]], to_decimal(criterion.get("threshold")) or 0
		passed = bool(figures) and all(v is not None and compare(v, threshold) for v in figures.values())
		results.append(
			CriterionResult(
				description=criterion["description"],
				metric=metric,
				comparison=criterion["comparison"],
				threshold=round2(threshold),
				figures={year: round2(v) if v is not None else None for year, v in figures.items()},
				passed=passed,
				severity=criterion.get("severity") or "error",
				alternative_group=criterion.get("alternative_group") or "",
			)
		)
	return settle_alternatives(results)


def settle_alternatives(results: list[CriterionResult]) -> list[CriterionResult]:
	"""Within an alternative group, every member passes when one does."""
	passing_groups = {r.alternative_group for r in results if r.alternative_group and r.passed}
	return [
		r if r.passed or r.alternative_group not in passing_groups else replace(r, passed=True)
		for r in results
	]
