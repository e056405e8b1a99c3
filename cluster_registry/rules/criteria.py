"""Recognition criteria (认定标准) applied to a cluster's figures: each criterion passes or fails.

A criterion names a metric (an annual indicator, several joined by "+", or cluster.<field>), a
comparison and a threshold, and whether it must hold in every data year or in the latest one.
Criteria sharing an alternative group pass together when any one of them passes.
"""

import operator
from collections.abc import Mapping
from dataclasses import dataclass, replace

from cluster_registry.figures.decimals import round2, to_decimal

COMPARISONS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}
EVERY_YEAR = "每个数据年度"


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


def metric_value(metric: str, values: Mapping, cluster: Mapping):
	"""The metric for one year's values: a sum of fields, or a field of the cluster."""
	total = None
	for part in (p.strip() for p in metric.split("+")):
		source = cluster if part.startswith("cluster.") else values
		number = to_decimal(source.get(part.removeprefix("cluster.")))
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
		on_cluster = metric.startswith("cluster.")
		chosen = years if criterion.get("applies_to") == EVERY_YEAR and not on_cluster else years[-1:]
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
