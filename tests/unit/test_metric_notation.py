"""The "a+b" notation of metrics and form cells, read in one place (rules/criteria.py)."""

from decimal import Decimal

from cluster_registry.rules.criteria import (
	annual_fields,
	cell_fields,
	cell_metrics,
	metric_fields,
	metric_value,
)

YEAR = {"national_champion_count": 2, "little_giant_count": 5, "total_output": 48.6, "sme_output": None}


def test_a_metric_names_the_fields_it_adds_up():
	assert metric_fields("national_champion_count + little_giant_count") == [
		"national_champion_count",
		"little_giant_count",
	]
	assert metric_fields("cluster.park_count") == ["cluster.park_count"]
	assert metric_fields("total_output+") == ["total_output", ""]  # left for the checks to refuse


def test_the_annual_fields_leave_the_clusters_own_out():
	assert annual_fields(["a+b", "cluster.c", "b+d"]) == {"a", "b", "d"}


def test_a_form_cell_prints_metrics_side_by_side():
	assert cell_metrics("a/b+c/d") == ["a", "b+c", "d"]
	assert cell_fields("a/b+c/d") == ["a", "b", "c", "d"]


def test_the_value_of_a_metric_is_the_sum_of_what_is_on_record():
	assert metric_value("national_champion_count+little_giant_count", YEAR, {}) == 7
	assert metric_value("total_output+sme_output", YEAR, {}) == Decimal("48.6")  # a missing part adds nothing
	assert metric_value("sme_output", YEAR, {}) is None  # nothing on record is no figure, not 0
	assert metric_value("cluster.park_count", YEAR, {"park_count": 3}) == 3
