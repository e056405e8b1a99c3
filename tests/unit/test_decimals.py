"""Two decimals, half up, as the forms say (保留小数点后2位, 四舍五入), without float traps."""

from decimal import Decimal

from cluster_registry.figures.decimals import (
	compound_growth,
	figure_text,
	growth,
	reduction,
	round2,
	to_decimal,
)


def test_half_up_where_float_rounding_goes_down():
	# round(2.345, 2) gives 2.35 by luck, round(2.675, 2) gives 2.67 in floats: both must go up.
	assert round2(2.345) == Decimal("2.35")
	assert round2(2.675) == Decimal("2.68")
	assert round2(1.005) == Decimal("1.01")
	assert round2("0.125") == Decimal("0.13")


def test_half_up_is_symmetric_for_negative_figures():
	assert round2(-2.345) == Decimal("-2.35")


def test_empty_and_wu_are_no_number():
	assert to_decimal(None) is None
	assert to_decimal("") is None
	assert to_decimal("无") is None
	assert round2(None) is None


def test_thousands_separators_are_read():
	assert to_decimal("1,234.5") == Decimal("1234.5")


def test_growth_needs_a_positive_base():
	assert round2(growth(55, 50)) == Decimal("10.00")
	assert growth(55, 0) is None
	assert round2(reduction(0.9, 1.0)) == Decimal("10.00")


def test_compound_growth_over_three_years():
	# 100 → 133.1 in three years is exactly 10% a year.
	assert round2(compound_growth(133.1, 100, 3)) == Decimal("10.00")
	# 40 → 52 over three years: (1.3)^(1/3) − 1 = 9.1393…%
	assert round2(compound_growth(52, 40, 3)) == Decimal("9.14")
	assert compound_growth(52, 0, 3) is None


def test_a_figure_prints_as_the_forms_print_it():
	"""数据有小数时，保留小数点后2位: decimals to two places half up, whole numbers whole, text as it is."""
	values = ("48.6", "2.345", "12", 1.26, 48.6, 2.675, 100.0, 118, Decimal("74.085"), Decimal("5"))
	assert [figure_text(v) for v in values] == [
		"48.60",
		"2.35",
		"12",
		"1.26",
		"48.60",
		"2.68",
		"100",
		"118",
		"74.09",
		"5",
	]


def test_what_is_no_figure_prints_as_it_stands():
	assert [figure_text(v) for v in (None, "", "无", "1/2/0/3", " 3.10 ", True, -2.345)] == [
		"",
		"",
		"无",
		"1/2/0/3",
		"3.10",
		"",
		"-2.35",
	]
