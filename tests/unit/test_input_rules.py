from decimal import Decimal

from cluster_registry.rules.inputs import (
	INDICATOR_PARTS,
	end_before_start,
	negatives,
	parts_over_wholes,
	percentages_out_of_range,
	shares_over_total,
	year_out_of_range,
)


def test_negative_amounts_are_found():
	[problem] = negatives({"total_output": -1.5, "tax": 2}, ["total_output", "tax"])
	assert (problem.rule, problem.field, problem.value) == ("negative", "total_output", Decimal("-1.5"))


def test_sme_output_above_total_output():
	[problem] = parts_over_wholes({"sme_output": 130, "total_output": 120}, INDICATOR_PARTS)
	assert (problem.field, problem.other_field) == ("sme_output", "total_output")


def test_a_part_equal_to_its_whole_is_fine():
	assert parts_over_wholes({"sme_output": 120, "total_output": 120}, INDICATOR_PARTS) == []


def test_a_missing_whole_is_not_judged():
	assert parts_over_wholes({"sme_output": 130, "total_output": 0}, INDICATOR_PARTS) == []


def test_percentages_over_hundred():
	[problem] = percentages_out_of_range({"water_reuse_rate": 100.5}, ["water_reuse_rate"])
	assert problem.rule == "over_hundred"


def test_shares_of_one_whole_over_hundred():
	fields = ["a", "b", "c"]
	[problem] = shares_over_total({"a": 50, "b": 40, "c": 20}, fields)
	assert problem.value == Decimal(110)
	assert shares_over_total({"a": 50, "b": 40, "c": 10}, fields) == []


def test_years_out_of_range():
	[problem] = year_out_of_range("year", 1899, 2000, 2026)
	assert problem.bounds == (2000, 2026)
	assert year_out_of_range("year", 2025, 2000, 2026) == []
	assert year_out_of_range("year", 0, 2000, 2026) == []


def test_end_before_start():
	[problem] = end_before_start({"grant_year": 2020, "lapsed_year": 2018}, [("grant_year", "lapsed_year")])
	assert (problem.field, problem.other_field) == ("lapsed_year", "grant_year")
	assert end_before_start({"grant_year": 2020, "lapsed_year": 0}, [("grant_year", "lapsed_year")]) == []
