"""The figures the forms compute from typed ones, as data, and their computation.

Three kinds, each named after the form's own wording:
- same-year ratios (shares, intensities, patents per 10,000 employees);
- year-on-year growth and reduction against the previous year's record;
- window figures over "近三年": compound average growth and total reduction, measured from the
  base year (the year before the three-year window) when it is on record, else from the first
  year of the window that is, and reported with the basis used.
Every result is unrounded; rounding to two places happens once, at the end (see reconcile).

A figure of 0 counts as not reported for growth: the database cannot tell an empty number from
zero, and a "−100%" drawn from an empty cell would mislead more than an empty result.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from cluster_registry.figures.decimals import HUNDRED, compound_growth, growth, ratio, reduction, to_decimal

WINDOW_YEARS = 3
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class Ratio:
	field: str
	part: str
	whole: str
	scale: Decimal = HUNDRED


@dataclass(frozen=True)
class YearOnYear:
	field: str
	source: str
	falls: bool = False  # a reduction rate: positive when the source fell


@dataclass(frozen=True)
class Window:
	field: str
	source: str
	falls: bool = False  # total reduction over the window instead of compound growth


# Output is in 亿元 and intensities are per 万元: 1 亿元 = 10,000 万元.
RATIOS = (
	Ratio("output_share_of_county", "total_output", "county_industrial_output"),
	Ratio("sme_output_share", "sme_output", "total_output"),
	Ratio("lead_industry_share", "lead_industry_output", "total_output"),
	Ratio("rd_intensity", "sme_rd_expense", "sme_revenue"),
	Ratio("above_size_rd_share", "above_size_rd_expense", "revenue"),
	Ratio("rd_personnel_share", "rd_personnel", "employees"),
	Ratio("sme_rd_personnel_share", "sme_rd_personnel", "sme_employees"),
	Ratio("cloud_sme_share", "cloud_smes", "sme_count"),
	Ratio("iip_penetration", "iip_smes", "sme_count"),
	Ratio("patents_per_10k", "valid_invention_patents", "sme_employees", TEN_THOUSAND),
	Ratio("co2_per_output", "co2_emissions", "total_output", 1 / TEN_THOUSAND),
	Ratio("energy_per_output", "energy_consumption", "total_output", 1 / TEN_THOUSAND),
)

YEAR_ON_YEAR = (
	YearOnYear("output_growth", "total_output"),
	YearOnYear("lead_industry_growth", "lead_industry_output"),
	YearOnYear("revenue_growth", "revenue"),
	YearOnYear("rd_expense_growth", "rd_expense"),
	YearOnYear("sme_rd_growth", "sme_rd_expense"),
	YearOnYear("fdi_growth", "fdi"),
	YearOnYear("lead_product_export_growth", "lead_product_exports"),
	YearOnYear("co2_intensity_reduction", "co2_per_output", falls=True),
	YearOnYear("energy_intensity_reduction", "energy_per_output", falls=True),
)

WINDOWS = (
	Window("output_cagr", "total_output"),
	Window("lead_industry_cagr", "lead_industry_output"),
	Window("sme_rd_cagr", "sme_rd_expense"),
	Window("patent_cagr", "valid_invention_patents"),
	Window("co2_intensity_reduction_3y", "co2_per_output", falls=True),
	Window("energy_intensity_reduction_3y", "energy_per_output", falls=True),
)

COMPUTED_FIELDS = tuple(f.field for f in (*RATIOS, *YEAR_ON_YEAR, *WINDOWS))
# Figures that may legitimately be below zero: growth and reduction rates.
SIGNED_FIELDS = frozenset(f.field for f in (*YEAR_ON_YEAR, *WINDOWS))


@dataclass(frozen=True)
class WindowBasis:
	base_year: int
	periods: int


@dataclass
class Computation:
	values: dict  # field -> unrounded Decimal, or None when the inputs do not allow it
	bases: dict  # window field -> WindowBasis actually used


def same_year_values(record: Mapping) -> dict:
	"""The record's own figures with its same-year ratios added (unrounded where computable)."""
	values = dict(record)
	for spec in RATIOS:
		share = ratio(record.get(spec.part), record.get(spec.whole))
		if share is not None:
			values[spec.field] = share * spec.scale
	return values


def compute(year: int, records: Mapping[int, Mapping]) -> Computation:
	"""Every computed figure of the record for `year`, given the cluster's records by year.

	`records` holds the year's own (incoming) values and the stored values of the other years.
	"""
	by_year = {y: same_year_values(r) for y, r in records.items()}
	current = by_year.get(year, {})
	values: dict = {}
	for spec in RATIOS:
		values[spec.field] = ratio(current.get(spec.part), current.get(spec.whole))
		if values[spec.field] is not None:
			values[spec.field] *= spec.scale

	previous = by_year.get(year - 1, {})
	for spec in YEAR_ON_YEAR:
		measure = reduction if spec.falls else growth
		values[spec.field] = measure(reported(current.get(spec.source)), previous.get(spec.source))

	bases = {}
	for spec in WINDOWS:
		basis = window_basis(year, spec.source, by_year)
		value = None
		if basis is not None:
			last = reported(current.get(spec.source))
			first = by_year[basis.base_year].get(spec.source)
			value = reduction(last, first) if spec.falls else compound_growth(last, first, basis.periods)
			bases[spec.field] = basis
		values[spec.field] = value
	return Computation(values=values, bases=bases)


def window_basis(year: int, source: str, by_year: Mapping[int, Mapping]) -> WindowBasis | None:
	"""The base of the three-year window ending in `year` for `source`.

	The base year (year − 3) when its value is on record and positive; otherwise the earliest
	year inside the window that has one. None when no earlier year has a value.
	"""
	if reported(by_year.get(year, {}).get(source)) is None:
		return None
	for base_year in range(year - WINDOW_YEARS, year):
		base = to_decimal(by_year.get(base_year, {}).get(source))
		if base is not None and base > 0:
			return WindowBasis(base_year=base_year, periods=year - base_year)
	return None


def reported(value) -> Decimal | None:
	"""The value as a Decimal, or None when it is missing or zero (not reported)."""
	number = to_decimal(value)
	return None if number is None or number == 0 else number
