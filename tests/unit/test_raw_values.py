"""Values as users send them, judged against their columns before anything is stored."""

import datetime
from decimal import Decimal

import pytest

from cluster_registry.rules.raw_values import (
	date_problem,
	decimal_problem,
	quoted,
	text_problem,
	whole_number_problem,
	without_control_characters,
)


@pytest.mark.parametrize("value", [2025, "2025", " 2025 ", -3, 2025.0, None, "", 2**31 - 1])
def test_whole_numbers(value):
	assert whole_number_problem(value) is None


@pytest.mark.parametrize(
	"value", ["abc", "2026年", "2026.5", 2026.5, float("nan"), float("inf"), "1e3", [2025], {"a": 1}]
)
def test_not_whole_numbers(value):
	assert whole_number_problem(value) == "not_whole"


def test_whole_numbers_beyond_the_column():
	assert whole_number_problem(2**31) == "out_of_range"
	assert whole_number_problem(str(-(2**31) - 1)) == "out_of_range"
	assert whole_number_problem(3000, 1949, 2999) == "out_of_range"


@pytest.mark.parametrize("value", [12.5, "12.5", "-0.25", 0, ".5", Decimal("999999999999.99"), None, ""])
def test_decimal_numbers(value):
	assert decimal_problem(value) is None


@pytest.mark.parametrize(
	"value",
	["abc", "NaN", "nan", "Infinity", "-Infinity", "1e309", float("nan"), float("inf"), "12,5", "1.2.3", [1]],
)
def test_not_numbers(value):
	assert decimal_problem(value) == "not_number"


def test_numbers_beyond_a_decimal_column():
	assert decimal_problem(10**12) == "out_of_range"  # decimal(21,9) holds 12 integer digits
	assert decimal_problem("1" * 13) == "out_of_range"
	assert decimal_problem(1e308) == "out_of_range"
	assert decimal_problem(999999999999) is None


@pytest.mark.parametrize("value", ["2026-02-28", "2024-02-29", datetime.date(2026, 1, 1), None, ""])
def test_dates(value):
	assert date_problem(value) is None


@pytest.mark.parametrize("value", ["2026-02-30", "2025-02-29", "2026-13-01", "2026/01/01", "abc", 20260101])
def test_impossible_dates(value):
	assert date_problem(value) == "not_date"


def test_datetimes():
	assert date_problem("2026-05-01 10:30:00", with_time=True) is None
	assert date_problem("2026-05-01 25:00:00", with_time=True) == "not_date"


def test_text_length_in_characters_and_bytes():
	assert text_problem("集" * 140, max_chars=140) is None
	assert text_problem("集" * 141, max_chars=140) == "too_long"
	assert text_problem("集" * 21845, max_bytes=65535) is None  # 3 bytes each in UTF-8
	assert text_problem("a" * 100_000, max_bytes=65535) == "too_long"
	assert text_problem(["a"], max_chars=140) == "not_text"


def test_control_characters_from_word_are_removed_but_lines_and_tabs_kept():
	assert without_control_characters("第一行\x0b第二行\x01\t制表\r\n") == "第一行第二行\t制表\r\n"


def test_values_are_quoted_short_and_on_one_line():
	assert quoted("a" * 100).endswith("…") and len(quoted("a" * 100)) == 41
	assert quoted(float("nan")) == "nan"
	assert quoted("x\ny") == "x y"
