"""Computed figures of an annual record, checked against figures worked out by hand."""

from decimal import Decimal

from cluster_registry.figures.decimals import round2
from cluster_registry.figures.formulas import compute

RECORDS = {
	2022: {"total_output": 80, "lead_industry_output": 60, "valid_invention_patents": 100},
	2023: {
		"total_output": 90,
		"lead_industry_output": 66,
		"co2_emissions": 45000,
		"valid_invention_patents": 120,
	},
	2024: {"total_output": 100, "lead_industry_output": 72, "co2_emissions": 46000},
	2025: {
		"total_output": 120,
		"sme_output": 90,
		"lead_industry_output": 84.6,
		"county_industrial_output": 400,
		"co2_emissions": 48000,
		"energy_consumption": 30000,
		"sme_employees": 25000,
		"valid_invention_patents": 150,
		"sme_revenue": 110,
		"sme_rd_expense": 2.2,
		"sme_count": 200,
		"iip_smes": 90,
		"cloud_smes": 150,
	},
}


def rounded(year, records=RECORDS):
	result = compute(year, records)
	return {field: round2(value) for field, value in result.values.items()}, result.bases


def test_same_year_shares_and_intensities():
	values, _ = rounded(2025)
	assert values["sme_output_share"] == Decimal("75.00")  # 90 / 120
	assert values["lead_industry_share"] == Decimal("70.50")  # 84.6 / 120
	assert values["output_share_of_county"] == Decimal("30.00")  # 120 / 400
	assert values["rd_intensity"] == Decimal("2.00")  # 2.2 / 110
	assert values["iip_penetration"] == Decimal("45.00")  # 90 / 200
	assert values["cloud_sme_share"] == Decimal("75.00")  # 150 / 200
	assert values["patents_per_10k"] == Decimal("60.00")  # 150 / 25000 × 10000
	assert values["co2_per_output"] == Decimal("0.04")  # 48000 t / 1,200,000 万元
	assert values["energy_per_output"] == Decimal("0.03")  # 30000 tce / 1,200,000 万元 = 0.025, half up


def test_growth_against_the_previous_year():
	values, _ = rounded(2025)
	assert values["output_growth"] == Decimal("20.00")  # 120 / 100
	assert values["lead_industry_growth"] == Decimal("17.50")  # 84.6 / 72
	# 0.046 t/万元 in 2024 (46000 / 1,000,000) to 0.040 in 2025: down 13.04%
	assert values["co2_intensity_reduction"] == Decimal("13.04")


def test_window_from_the_base_year_when_on_record():
	values, bases = rounded(2025)
	# (84.6 / 60) ^ (1/3) − 1 = 12.13%
	assert values["lead_industry_cagr"] == Decimal("12.13")
	assert bases["lead_industry_cagr"].base_year == 2022
	assert bases["lead_industry_cagr"].periods == 3
	# (120 / 80) ^ (1/3) − 1 = 14.47%
	assert values["output_cagr"] == Decimal("14.47")


def test_window_from_its_first_year_when_the_base_year_is_missing():
	records = {year: record for year, record in RECORDS.items() if year != 2022}
	values, bases = rounded(2025, records)
	# from 2023 over two years: (84.6 / 66) ^ (1/2) − 1 = 13.22%
	assert values["lead_industry_cagr"] == Decimal("13.22")
	assert bases["lead_industry_cagr"].base_year == 2023
	assert bases["lead_industry_cagr"].periods == 2


def test_series_missing_in_the_base_year_falls_back_on_its_own():
	values, bases = rounded(2025)
	# CO2 intensity: 2022 has no emissions, 2023 has 0.050 (45000 / 900,000): 0.050 → 0.040 is 20%
	assert bases["co2_intensity_reduction_3y"].base_year == 2023
	assert values["co2_intensity_reduction_3y"] == Decimal("20.00")


def test_nothing_is_computed_without_inputs():
	values, bases = rounded(2022)
	assert values["output_growth"] is None
	assert values["sme_output_share"] is None
	assert "output_cagr" not in bases


def test_an_unreported_figure_has_no_growth():
	records = {2024: {"fdi": 500}, 2025: {"fdi": 0}}
	values, _ = rounded(2025, records)
	assert values["fdi_growth"] is None
