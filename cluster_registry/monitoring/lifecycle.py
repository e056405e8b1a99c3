"""The lifecycle of a recognition (认定): what each step of a filing means for the cluster's
recognition, and how long a recognition lasts.

- A 申报 (or 竞赛) filing recognises the cluster at its level when it reaches that level's
  recognition: 省级 at 省级认定, 国家级 at 国家级认定 (entered by the province for MIIT). A national
  filing passing the province on its way to MIIT recognises nothing yet.
- A 复核 filing puts the recognition of its level under review (复核中) when the county submits
  it; the final pass (复核通过 for 省级, 国家复核通过 for 国家级) renews it for three more years
  (复核通过); a fail at any level revokes it (撤销).
- A recognition whose 复核 round closed without a 复核 filing lapses (撤销).
"""

import datetime

from cluster_registry import filing_terms
from cluster_registry.filing_terms import NATIONAL, PROVINCIAL

RECOGNITION_YEARS = 3
VALID, UNDER_REVIEW, RENEWED, REVOKED = "有效", "复核中", "复核通过", "撤销"
LIFECYCLE_STATUSES = (VALID, UNDER_REVIEW, RENEWED, REVOKED)
IN_FORCE = (VALID, UNDER_REVIEW, RENEWED)

RECOGNISE, REVIEW, RENEW, REVOKE = "recognise", "review", "renew", "revoke"
RECOGNISED_AT = {PROVINCIAL: "省级认定", NATIONAL: "国家级认定"}
RENEWED_AT = {PROVINCIAL: "复核通过", NATIONAL: "国家复核通过"}
REVIEW_FAILED_AT = ("复核未通过", "国家复核未通过")


def event(filing_kind: str, level: str, old_state: str, new_state: str, editable: tuple) -> str | None:
	"""What a change of a filing's state does to the recognition of its level, if anything."""
	if old_state == new_state:
		return None
	if filing_kind != filing_terms.REVIEW:
		return RECOGNISE if RECOGNISED_AT.get(level) == new_state else None
	if new_state in REVIEW_FAILED_AT:
		return REVOKE
	if RENEWED_AT.get(level) == new_state:
		return RENEW
	if old_state in editable and new_state not in editable:
		return REVIEW
	return None


def valid_until(start: datetime.date, years: int = RECOGNITION_YEARS) -> datetime.date:
	"""The same day `years` later (28 February for a 29 February)."""
	try:
		return start.replace(year=start.year + years)
	except ValueError:
		return start.replace(year=start.year + years, day=28)
