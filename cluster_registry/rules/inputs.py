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


@dataclass(frozen=True)
class Problem:
	rule: str
	field: str
	value: Decimal | int | None = None
	other_field: str | None = None
	other_value: Decimal | int | None = None
	bounds: tuple[int, int] | None = None


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
