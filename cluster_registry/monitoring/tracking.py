"""Target tracking: a recognised cluster's targets (基准值 → 目标值) set against the figures of
each monitored year, with an early warning long before the 复核.

For a target with baseline B in the baseline year t0 and target value T in the target year tT:

- **Expected value** in year t (t0 < t ≤ tT), on the compound path from baseline to target:
  ``E(t) = B × (T / B) ^ ((t − t0) / (tT − t0))``. The path also runs downwards for a target that
  falls (an intensity, e.g. energy per output). When B ≤ 0 or T ≤ 0 there is no compound path:
  the path is then straight, ``E(t) = B + (T − B) × (t − t0) / (tT − t0)``. After the target year
  the target itself is expected (E(t) = T).
- **Direction**: higher is better, except for the metrics in LOWER_IS_BETTER (intensities, whose
  reduction the forms ask for).
- **Share achieved** (完成进度, in %): for a target that asks for progress (T better than B in the
  metric's direction) the part of the expected progress made, ``(A − B) / (E − B) × 100``; below
  zero when the figure moved the wrong way. For a target that asks to hold a level (T equal to B,
  or worse: a growth rate to be kept at least at 10 %) the level reached against the level
  expected, ``A / E × 100`` (``E / A × 100`` where lower is better); 100 when E (or A where lower
  is better) is not positive and A is at least as good as E, 0 otherwise.
- **Status**, on the share rounded to 2 decimals, with the round's thresholds (settings, not
  constants): share ≥ on-track → 达标; share ≥ severe → 滞后; below → 严重滞后. A share equal to a
  threshold takes the better status. Without an actual figure there is no status.

Expected values and shares are computed with 40-digit Decimals and rounded only at the end, two
decimals, half up (保留小数点后2位, 四舍五入).
"""

from dataclasses import dataclass
from decimal import Decimal, localcontext

from cluster_registry.figures.decimals import HUNDRED, round2, to_decimal

ON_TRACK, BEHIND, SEVERELY_BEHIND = "达标", "滞后", "严重滞后"
STATUSES = (ON_TRACK, BEHIND, SEVERELY_BEHIND)
# The forms ask for the reduction of these intensities (二氧化碳排放量, 单位工业产值能耗).
LOWER_IS_BETTER = frozenset({"co2_per_output", "energy_per_output"})


@dataclass(frozen=True)
class Thresholds:
	on_track: Decimal  # share achieved (%) from which a target is 达标
	severe: Decimal  # share achieved (%) below which a target is 严重滞后

	def __post_init__(self):
		if self.severe > self.on_track:
			raise ValueError("the severe threshold must not exceed the on-track threshold")


@dataclass(frozen=True)
class Tracked:
	expected: Decimal | None
	actual: Decimal | None
	share: Decimal | None
	status: str | None


def lower_is_better(metric: str | None) -> bool:
	return metric in LOWER_IS_BETTER


def expected_value(base, target, base_year: int, target_year: int, year: int) -> Decimal | None:
	"""The value expected in `year` on the path from base (base_year) to target (target_year)."""
	base, target = to_decimal(base), to_decimal(target)
	if base is None or target is None or target_year <= base_year or year <= base_year:
		return None
	if year >= target_year:
		return target
	with localcontext() as context:
		context.prec = 40
		elapsed = Decimal(year - base_year) / Decimal(target_year - base_year)
		if base <= 0 or target <= 0:
			return base + (target - base) * elapsed
		return base * (target / base) ** elapsed


def asks_for_progress(base: Decimal, target: Decimal, lower_better: bool) -> bool:
	return target < base if lower_better else target > base


def share_achieved(base, target, expected, actual, lower_better: bool = False) -> Decimal | None:
	"""The share achieved in % (unrounded); None without a figure."""
	base, target = to_decimal(base), to_decimal(target)
	expected, actual = to_decimal(expected), to_decimal(actual)
	if None in (base, target, expected, actual):
		return None
	with localcontext() as context:
		context.prec = 40
		if asks_for_progress(base, target, lower_better) and expected != base:
			return (actual - base) / (expected - base) * HUNDRED
		if lower_better:
			if actual <= 0:
				return HUNDRED if actual <= expected else Decimal(0)
			return expected / actual * HUNDRED
		if expected <= 0:
			return HUNDRED if actual >= expected else Decimal(0)
		return actual / expected * HUNDRED


def status(share, thresholds: Thresholds) -> str | None:
	"""达标 / 滞后 / 严重滞后 for a share (compared rounded to 2 decimals), None without one."""
	rounded = round2(share)
	if rounded is None:
		return None
	if rounded >= thresholds.on_track:
		return ON_TRACK
	if rounded >= thresholds.severe:
		return BEHIND
	return SEVERELY_BEHIND


def track(
	base,
	target,
	base_year: int,
	target_year: int,
	year: int,
	actual,
	thresholds: Thresholds,
	metric: str | None = None,
) -> Tracked:
	"""One target in one monitored year: expected, actual and share rounded to 2 decimals, and
	the status."""
	lower_better = lower_is_better(metric)
	expected = expected_value(base, target, base_year, target_year, year)
	share = share_achieved(base, target, expected, actual, lower_better)
	return Tracked(round2(expected), round2(actual), round2(share), status(share, thresholds))


def stage_target(stages: list, stage_years: list[int], year: int):
	"""The stage target (阶段目标) the filing set for `year`, if any."""
	for stage_year, value in zip(stage_years, stages, strict=False):
		if stage_year == year:
			return value
	return None
