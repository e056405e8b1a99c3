"""Indicator counts drawn from the name lists the forms demand as evidence (需提供清单).

Each count names its list (a DocType), the year from which an entry counts, the year from which
it no longer does (a lapsed patent, a closed branch), and the values its columns must hold.
A count is cumulative (年度累计值) unless it counts only the entries of the year itself (当年新增).
"""

from dataclasses import dataclass, field

from cluster_registry.filing_terms import NATIONAL, OTHER_LEVEL, PROVINCIAL


@dataclass(frozen=True)
class ListCount:
	field: str
	doctype: str
	since: str
	until: str | None = None
	where: tuple = field(default=())
	this_year_only: bool = False


def _standards():
	categories = {"国际": "international", "国家": "national", "行业": "industry", "团体": "group"}
	roles = {"主持": "led", "参与": "joined"}
	return tuple(
		ListCount(f"std_{c_key}_{r_key}", "Cluster Standard", "year", where=(("category", c), ("role", r)))
		for c, c_key in categories.items()
		for r, r_key in roles.items()
	)


LEVELS = {NATIONAL: "national", PROVINCIAL: "provincial", OTHER_LEVEL: "other"}


def _by_level(name: str, doctype: str, since: str, levels=LEVELS, extra: tuple = ()):
	"""One count per level; `name` is the field name with {} where the level goes."""
	return tuple(
		ListCount(name.format(key), doctype, since, where=(("level", level), *extra))
		for level, key in levels.items()
	)


LIST_COUNTS = (
	*_standards(),
	ListCount("new_standards", "Cluster Standard", "year", this_year_only=True),
	ListCount("valid_invention_patents", "Cluster Patent", "grant_year", until="lapsed_year"),
	ListCount(
		"new_invention_patents",
		"Cluster Patent",
		"grant_year",
		where=(("patent_type", "发明专利"),),
		this_year_only=True,
	),
	*_by_level("{}_platform_count", "Innovation Platform", "approval_year"),
	*_by_level(
		"{}_design_center_count",
		"Innovation Platform",
		"approval_year",
		levels={NATIONAL: "national", PROVINCIAL: "provincial"},
		extra=(("platform_type", "工业设计中心"),),
	),
	*_by_level("green_{}_count", "Green Manufacturing Entry", "approval_year"),
	*_by_level("{}_service_platform_count", "Public Service Platform", "approval_year"),
	ListCount("overseas_branch_count", "Overseas Branch", "established_year", until="closed_year"),
	ListCount("alliance_count", "Industry Alliance", "established_year", until="dissolved_year"),
)

LIST_FIELDS = tuple(c.field for c in LIST_COUNTS)
NAME_LISTS = tuple(dict.fromkeys(c.doctype for c in LIST_COUNTS))
