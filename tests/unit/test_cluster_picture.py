"""The series of a cluster's picture: figures by year beside the thresholds of its level."""

from cluster_registry.figures.picture import picture_series

ROWS = [
	{"year": 2025, "total_output": 60.2, "sme_output_share": 74.09, "little_giant_count": 1},
	{"year": 2023, "total_output": 48.6, "sme_output_share": 74.9, "national_champion_count": 1},
	{"year": 2024, "total_output": 53.9},
]
CRITERIA = [
	{"metric": "total_output", "comparison": ">=", "threshold": 40, "description": "总产值不低于40亿元"},
	{"metric": "cluster.area_km2", "comparison": "<=", "threshold": 100, "description": "面积"},
	{"metric": "iip_penetration", "comparison": ">=", "threshold": 10, "description": "普及率不低于10%"},
]


def by_metric(series):
	return {s["metric"]: s for s in series}


def test_years_in_order_with_gaps_kept():
	output = by_metric(picture_series(ROWS, CRITERIA))["total_output"]
	assert output["years"] == [2023, 2024, 2025]
	assert output["values"] == [48.6, 53.9, 60.2]
	assert (output["comparison"], output["threshold"]) == (">=", 40)
	share = by_metric(picture_series(ROWS, CRITERIA))["sme_output_share"]
	assert share["values"] == [74.9, None, 74.09]
	assert share["threshold"] is None


def test_honour_counts_add_up_and_other_criteria_get_a_series():
	series = by_metric(picture_series(ROWS, CRITERIA))
	assert series["national_champion_count+little_giant_count"]["values"] == [1.0, None, 1.0]
	assert series["iip_penetration"]["label"] == "普及率不低于10%"
	assert series["iip_penetration"]["values"] == [None, None, None]
	assert "cluster.area_km2" not in series
