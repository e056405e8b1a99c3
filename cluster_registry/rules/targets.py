"""The rules of the three-year targets table (发展目标), as the forms' 备注 state them.

MIIT and Shanxi 2026: output growth ≥ 10% a year, high-quality SMEs rising every year, R&D spend
growth ≥ 10% a year, valid invention patents ≥ 15% a year, industrial-internet penetration and the
reductions of CO2 and energy intensity not below the sub-sector's industry average. Guangdong and
Ningxia: "about 45% / 18% / 13.5%" (左右), a soft rule reported as a warning.
"""

import itertools
from collections.abc import Mapping

from cluster_registry.figures.decimals import compound_growth, reduction, round2, to_decimal
from cluster_registry.rules.findings import ERROR, WARNING, Finding


def target_findings(
	rows: list[Mapping], rules: Mapping[str, dict], periods: int, averages: Mapping | None
) -> list[Finding]:
	"""Findings for the target rows; `rules` maps an indicator name to its rule, `periods` is
	the number of years from baseline to target, `averages` the sub-sector's industry averages."""
	found: list[Finding] = []
	for row in rows:
		rule = rules.get(row["indicator"])
		if not rule:
			continue
		field = f"targets:{row['indicator']}"
		baseline, target = to_decimal(row.get("baseline_value")), to_decimal(row.get("target_value"))
		params = {"indicator": row["indicator"], "text": rule.get("text", "")}
		if target is None or (rule["kind"] != "value_at_least" and baseline is None):
			found.append(Finding(field, "target_missing", severity_of(rule), params))
			continue
		problem = _judge(rule, baseline, target, row, periods, averages or {})
		if problem is not None:
			# without an industry average on record the rule cannot be judged: a warning, not a refusal
			severity = WARNING if problem.get("no_average") else severity_of(rule)
			found.append(Finding(field, f"target_{rule['kind']}", severity, {**params, **problem}))
	return found


def _judge(rule: dict, baseline, target, row: Mapping, periods: int, averages: Mapping) -> dict | None:
	kind = rule["kind"]
	if kind == "value_at_least":
		return (
			None
			if target >= to_decimal(rule["value"])
			else {"figure": round2(target), "threshold": rule["value"]}
		)
	if kind == "annual_growth_at_least":
		rate = compound_growth(target, baseline, periods)
		if rate is not None and rate >= to_decimal(rule["value"]):
			return None
		return {"figure": round2(rate) if rate is not None else "—", "threshold": rule["value"]}
	if kind == "rising_each_stage":
		stages = [to_decimal(row.get(f"stage_{i}")) for i in (1, 2, 3)]
		path = [baseline, *[s for s in stages if s is not None]]
		if len(path) == 4 and all(later > earlier for earlier, later in itertools.pairwise(path)):
			return None
		return {"figure": "、".join(str(round2(v)) for v in path), "threshold": ""}
	measured = target if rule.get("measure", "value") == "value" else reduction(target, baseline)
	if kind == "not_below_industry_average":
		average = to_decimal(averages.get(rule["average"]))
		if average is None:
			return {
				"figure": round2(measured) if measured is not None else "—",
				"threshold": "—",
				"no_average": 1,
			}
		if measured is not None and measured >= average:
			return None
		return {"figure": round2(measured) if measured is not None else "—", "threshold": round2(average)}
	if kind == "about":
		if measured is not None and measured >= to_decimal(rule["value"]):
			return None
		return {"figure": round2(measured) if measured is not None else "—", "threshold": rule["value"]}
	return {"figure": "—", "threshold": "—", "unknown_rule": kind}


def severity_of(rule: dict) -> str:
	return rule.get("severity") or (WARNING if rule["kind"] == "about" else ERROR)
