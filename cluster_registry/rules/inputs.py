"""Rules on typed figures that every form states or implies.

- amounts, counts and rates are not negative, except profits and growth rates;
- a percentage lies between 0 and 100, and shares of one whole add up to at most 100;
- a part is not larger than its whole (SME output within total output, ...);
- a year lies in a sensible range, and an end year is not before its start year.
Each rule returns the problems it finds as data; the caller words the message.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from cluster_registry.figures.decimals import HUNDRED, to_decimal

EARLIEST_YEAR = 1949  # the oldest year a record (founding, award, standard) may carry
EARLIEST_DATA_YEAR = 2000  # the oldest year of annual figures
PLANNING_YEARS = 10  # how far ahead a planned project may be dated
ROUNDING_SLACK = Decimal("0.01")

# (part, whole) of the annual indicators: the part can never exceed the whole.
INDICATOR_PARTS = (
	("sme_output", "total_output"),
	("lead_industry_output", "total_output"),
	("sme_revenue", "revenue"),
	("sme_rd_expense", "rd_expense"),
	("above_size_rd_expense", "rd_expense"),
	("sme_employees", "employees"),
	("rd_personnel", "employees"),
	("sme_rd_personnel", "sme_employees"),
	("sme_rd_personnel", "rd_personnel"),
	("cloud_smes", "sme_count"),
	("iip_smes", "sme_count"),
	("sme_count", "enterprise_count"),
	("above_size_count", "enterprise_count"),
	("quality_sme_count", "sme_count"),
)
DIGITAL_LEVEL_SHARES = (
	"digital_level_none_share",
	"digital_level_1_share",
	"digital_level_2_share",
	"digital_level_3_share",
	"digital_level_4_share",
)
SIGNED_INPUTS = frozenset({"profit"})
# A standard counts as led (主持) only for the first three drafting units.
LEADING_RANKS = 3
LED_RANK_TEXT = "A standard counts as led (主持) only when the enterprise is among the first three drafting units; at rank {0} it is joined (参与). Set {1} to 参与 or correct {2}."


@dataclass(frozen=True)
class Problem:
	rule: str
	field: str
	value: Decimal | int | None = None
	other_field: str | None = None
	other_value: Decimal | int | None = None
	bounds: tuple[int, int] | None = None


# The wording of each rule's message (English, translated by zh.csv): {0} the field, {1} its value,
# {2} the other field (or the lower bound), {3} the other value (or the upper bound, then {4} …).
PROBLEM_TEXTS = {
	"negative": "{0} cannot be negative (entered {1}): enter 0 or a positive figure.",
	"over_hundred": "{0} is a percentage and cannot exceed 100 (entered {1}).",
	"part_over_whole": "{0} ({1}) cannot be larger than {2} ({3}), of which it is a part: correct one of the two.",
	"shares_over_total": "The shares starting with {0} add up to {1}%, more than 100%: correct them so that they total 100% at most.",
	"year_range": "{0} must be a year from {1} to {2} (entered {3}).",
	"repeated_year": "{0} {1} appears more than once: keep one row per year.",
	"over_full_marks": "{0} ({1}) cannot exceed {2} ({3}).",
	"end_before_start": "{0} ({1}) cannot be earlier than {2} ({3}).",
}


def problem_args(problem: "Problem", name: str, other: str, quote) -> tuple:
	"""The values for PROBLEM_TEXTS[problem.rule], given the fields' labels and how to quote a value."""
	if problem.rule == "year_range":
		return (name, *problem.bounds, quote(problem.value))
	return (name, quote(problem.value), other, quote(problem.other_value))


def as_entered(value) -> str:
	"""A value quoted back in a message as the user entered it: 12.50 as 12.5, None as nothing (the
	message names what was typed; a form prints figures with figures.decimals.figure_text)."""
	if isinstance(value, Decimal):
		return format(value.normalize(), "f")
	return "" if value is None else str(value)


def negatives(values: Mapping, fields: Iterable[str]) -> list[Problem]:
	problems = []
	for field in fields:
		value = to_decimal(values.get(field))
		if value is not None and value < 0:
			problems.append(Problem("negative", field, value))
	return problems


def percentages_out_of_range(values: Mapping, fields: Iterable[str]) -> list[Problem]:
	problems = []
	for field in fields:
		value = to_decimal(values.get(field))
		if value is not None and value > HUNDRED:
			problems.append(Problem("over_hundred", field, value))
	return problems


def parts_over_wholes(values: Mapping, pairs: Iterable[tuple[str, str]]) -> list[Problem]:
	"""Parts larger than their whole; a whole that is empty or zero is not judged."""
	problems = []
	for part_field, whole_field in pairs:
		part, whole = to_decimal(values.get(part_field)), to_decimal(values.get(whole_field))
		if part is None or whole is None or whole <= 0:
			continue
		if part > whole + ROUNDING_SLACK:
			problems.append(Problem("part_over_whole", part_field, part, whole_field, whole))
	return problems


def shares_over_total(values: Mapping, fields: Iterable[str]) -> list[Problem]:
	fields = tuple(fields)
	total = sum((to_decimal(values.get(f)) or Decimal(0)) for f in fields)
	if total > HUNDRED + ROUNDING_SLACK:
		return [Problem("shares_over_total", fields[0], total)]
	return []


def year_out_of_range(field: str, year, earliest: int, latest: int) -> list[Problem]:
	"""A year outside [earliest, latest]; an empty year (None or 0) is not judged here."""
	if not year:
		return []
	if not earliest <= int(year) <= latest:
		return [Problem("year_range", field, int(year), bounds=(earliest, latest))]
	return []


def end_before_start(values: Mapping, pairs: Iterable[tuple[str, str]]) -> list[Problem]:
	"""(start, end) pairs of years or dates where the end comes first."""
	problems = []
	for start_field, end_field in pairs:
		start, end = values.get(start_field), values.get(end_field)
		if start and end and end < start:
			problems.append(Problem("end_before_start", end_field, end, start_field, start))
	return problems


def led_beyond_rank(role: str | None, rank: int | None) -> bool:
	"""A standard marked 主持 with a drafting rank after the leading ones."""
	return role == "主持" and bool(rank) and rank > LEADING_RANKS
