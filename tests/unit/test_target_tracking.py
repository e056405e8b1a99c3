"""Target tracking against hand-computed values: the compound path, the share achieved, the
statuses at the thresholds' edges and half-up rounding (cluster_registry/monitoring/tracking.py)."""

from decimal import Decimal

import pytest

from cluster_registry.monitoring.tracking import (
	BEHIND,
	ON_TRACK,
	SEVERELY_BEHIND,
	Thresholds,
	expected_value,
	stage_target,
	status,
	track,
)

THRESHOLDS = Thresholds(on_track=Decimal(90), severe=Decimal(60))
D = Decimal


def test_output_on_the_compound_path_from_100_to_133_1_in_three_years():
	# 133.1 / 100 = 1.331 = 1.1³: the path grows by 10 % a year, 110, 121, 133.1.
	assert [
		track(100, 133.1, 2025, 2028, year, None, THRESHOLDS).expected for year in (2026, 2027, 2028)
	] == [
		D("110.00"),
		D("121.00"),
		D("133.10"),
	]


def test_a_path_that_is_not_round_numbers():
	# 120 × (150/120)^(1/3) = 120 × 1.077217 = 129.27; 120 × 1.25^(2/3) = 120 × 1.160397 = 139.25
	assert track(120, 150, 2025, 2028, 2026, None, THRESHOLDS).expected == D("129.27")
	assert track(120, 150, 2025, 2028, 2027, None, THRESHOLDS).expected == D("139.25")


@pytest.mark.parametrize(
	("actual", "share", "expected_status"),
	[
		(115, D("150.00"), ON_TRACK),
		(110, D("100.00"), ON_TRACK),
		(109, D("90.00"), ON_TRACK),  # on the on-track threshold: the better status
		(108.99, D("89.90"), BEHIND),
		(106, D("60.00"), BEHIND),  # on the severe threshold: the better status
		(105.99, D("59.90"), SEVERELY_BEHIND),
		(100, D("0.00"), SEVERELY_BEHIND),
		(95, D("-50.00"), SEVERELY_BEHIND),  # went the wrong way
	],
)
def test_share_achieved_is_the_part_of_the_expected_progress_made(actual, share, expected_status):
	# expected in 2026: 110; share = (actual − 100) / (110 − 100) × 100
	tracked = track(100, 133.1, 2025, 2028, 2026, actual, THRESHOLDS)
	assert (tracked.actual, tracked.share, tracked.status) == (
		round(D(str(actual)), 2),
		share,
		expected_status,
	)


def test_a_falling_target_energy_intensity_from_0_50_to_0_40():
	# expected 2026 = 0.5 × 0.8^(1/3) = 0.5 × 0.928318 = 0.464159 → 0.46
	# share at 0.48 = (0.48 − 0.5) / (0.464159 − 0.5) = −0.02 / −0.035841 = 55.80 % → 严重滞后
	tracked = track(0.50, 0.40, 2025, 2028, 2026, 0.48, THRESHOLDS, metric="energy_per_output")
	assert (tracked.expected, tracked.share, tracked.status) == (D("0.46"), D("55.80"), SEVERELY_BEHIND)
	# 2027: 0.5 × 0.8^(2/3) = 0.5 × 0.861774 = 0.430887 → 0.43; at 0.42 it is ahead of the path:
	# (0.42 − 0.5) / (0.430887 − 0.5) = 115.75 %
	ahead = track(0.50, 0.40, 2025, 2028, 2027, 0.42, THRESHOLDS, metric="energy_per_output")
	assert (ahead.expected, ahead.share, ahead.status) == (D("0.43"), D("115.75"), ON_TRACK)


def test_a_rising_intensity_is_behind_however_large():
	tracked = track(0.50, 0.40, 2025, 2028, 2026, 0.55, THRESHOLDS, metric="co2_per_output")
	# (0.55 − 0.5) / (0.464159 − 0.5) = −139.50 %
	assert (tracked.share, tracked.status) == (D("-139.50"), SEVERELY_BEHIND)


def test_no_baseline_takes_the_straight_path():
	# 0 → 12 patents in 3 years: 4, 8, 12 a year; at 2.4 in the first year: 2.4 / 4 = 60 % → 滞后
	assert [track(0, 12, 2025, 2028, year, None, THRESHOLDS).expected for year in (2026, 2027)] == [
		D("4.00"),
		D("8.00"),
	]
	tracked = track(0, 12, 2025, 2028, 2026, 2.4, THRESHOLDS)
	assert (tracked.share, tracked.status) == (D("60.00"), BEHIND)


def test_a_rate_to_be_held_is_measured_against_the_level_expected():
	# growth rate 12.5 % at baseline, target "at least 10 %": no progress asked, the level is held.
	# expected 2026 = 12.5 × 0.8^(1/3) = 11.603972 → 11.60; at 5.8 %: 5.8 / 11.603972 = 49.98 %
	tracked = track(12.5, 10, 2025, 2028, 2026, 5.8, THRESHOLDS, metric="output_cagr")
	assert (tracked.expected, tracked.share, tracked.status) == (D("11.60"), D("49.98"), SEVERELY_BEHIND)
	assert track(12.5, 10, 2025, 2028, 2026, 14, THRESHOLDS, metric="output_cagr").status == ON_TRACK


def test_a_flat_target():
	# 50 → 50: expected 50 every year; 45 / 50 = 90 % → 达标, 29.99 / 50 = 59.98 % → 严重滞后
	assert track(50, 50, 2025, 2028, 2026, 45, THRESHOLDS).status == ON_TRACK
	assert track(50, 50, 2025, 2028, 2026, 29.99, THRESHOLDS).share == D("59.98")


def test_after_the_target_year_the_target_is_expected_and_before_it_nothing():
	assert expected_value(100, 133.1, 2025, 2028, 2029) == D("133.1")
	assert expected_value(100, 133.1, 2025, 2028, 2025) is None
	assert track(100, 133.1, 2025, 2028, 2025, 100, THRESHOLDS).status is None


def test_half_up_rounding_of_expected_values_and_shares():
	# straight path 0 → 0.05 over two years: 0.025 in the first → 0.03 (half up, not 0.02)
	assert track(0, 0.05, 2025, 2027, 2026, None, THRESHOLDS).expected == D("0.03")
	# target year reached: expected = 200, share = actual − 100
	assert track(100, 200, 2025, 2026, 2026, 189.995, THRESHOLDS).share == D("90.00")
	assert track(100, 200, 2025, 2026, 2026, 189.995, THRESHOLDS).status == ON_TRACK  # 89.995 → 90.00
	assert track(100, 200, 2025, 2026, 2026, 189.994, THRESHOLDS).status == BEHIND  # 89.994 → 89.99


def test_no_figure_no_status():
	tracked = track(100, 133.1, 2025, 2028, 2026, None, THRESHOLDS)
	assert (tracked.actual, tracked.share, tracked.status) == (None, None, None)
	assert status(None, THRESHOLDS) is None


def test_thresholds_are_settings_of_the_round():
	strict = Thresholds(on_track=D(100), severe=D(80))
	assert track(100, 133.1, 2025, 2028, 2026, 109, strict).status == BEHIND
	assert track(100, 133.1, 2025, 2028, 2026, 107.9, strict).status == SEVERELY_BEHIND
	with pytest.raises(ValueError):
		Thresholds(on_track=D(50), severe=D(60))


def test_stage_target_of_a_year():
	assert stage_target([110, 121, 133.1], [2026, 2027, 2028], 2027) == 121
	assert stage_target([110, 121, 133.1], [2026, 2027, 2028], 2029) is None
