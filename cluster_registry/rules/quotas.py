"""Recommendation quotas of a round (Shanxi 2026: at most 3 clusters a city, one per sub-sector;
the province's national recommendations within MIIT's quota). Over-quota filings are refused.

Quotas count clusters, not filings: a cluster filing at provincial and national level in the same
round takes one place.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
	cluster: str
	sub_sector: str | None


@dataclass(frozen=True)
class QuotaProblem:
	quota: str  # "per_city", "per_sub_sector" or "to_miit"
	limit: int
	taken: int
	sub_sector: str | None = None


def over_quota(
	places: Iterable[Place],
	per_city: int | None = None,
	per_sub_sector: int | None = None,
	total: int | None = None,
) -> list[QuotaProblem]:
	"""Problems of a set of recommended places against the round's limits (None or 0: no limit)."""
	places = set(places)
	clusters = {p.cluster for p in places}
	problems = []
	if per_city and len(clusters) > per_city:
		problems.append(QuotaProblem("per_city", per_city, len(clusters)))
	if total and len(clusters) > total:
		problems.append(QuotaProblem("to_miit", total, len(clusters)))
	if per_sub_sector:
		by_sector: dict = {}
		for place in places:
			by_sector.setdefault(place.sub_sector, set()).add(place.cluster)
		for sector, members in sorted(by_sector.items(), key=lambda item: str(item[0])):
			if len(members) > per_sub_sector:
				problems.append(QuotaProblem("per_sub_sector", per_sub_sector, len(members), sector))
	return problems
