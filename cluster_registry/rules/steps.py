"""Who may write what on a filing, step by step (the Workflow 集群申报审批 and the Shanxi 2026
notice): the county writes the filing while it is a draft or returned; the city owns the filing
while it checks it (已提交市级, 市级现场核查); the province from the city's recommendation on.
The step's own fields (the reasons for a return, the higher level's opinion) are written only by
the level whose step it is. Nothing in or after 已提交市级 is deleted; a draft only by its county.
"""

from cluster_registry.approval_states import DRAFT, EDITABLE, ON_SITE, STATES, SUBMITTED

COUNTY, OPERATOR, CITY, PROVINCE, EXPERT = "county", "operator", "city", "province", "expert"
LEVEL_OF_ROLE = {
	"Cluster County Officer": COUNTY,
	"Cluster Operator": OPERATOR,
	"Cluster City Officer": CITY,
	"Cluster Province Officer": PROVINCE,
	"Cluster Expert": EXPERT,
}
CITY_STEPS = (SUBMITTED, ON_SITE)
# the fields each higher level writes at its own step (permlevel 1 on the Cluster Application)
STEP_FIELDS = ("return_reason", "higher_level_opinion")
# who writes the content of a filing (the county, and the operator who prepares its data)
CONTENT_WRITERS = frozenset({COUNTY, OPERATOR})


def levels(roles) -> frozenset[str]:
	"""The levels of the chain a user acts at, from its roles."""
	return frozenset(LEVEL_OF_ROLE[role] for role in roles if role in LEVEL_OF_ROLE)


def step_owner(state: str | None) -> str:
	"""The level whose step the filing is at."""
	if not state or state in EDITABLE:
		return COUNTY
	if state in CITY_STEPS:
		return CITY
	if state not in STATES:
		raise ValueError(f"not a state of the chain: {state}")
	return PROVINCE


def may_write_content(user_levels, state: str | None) -> bool:
	return step_owner(state) == COUNTY and bool(CONTENT_WRITERS & set(user_levels))


def may_write_step_fields(user_levels, state: str | None) -> bool:
	owner = step_owner(state)
	return owner in (CITY, PROVINCE) and owner in user_levels


def may_delete(user_levels, state: str | None) -> bool:
	return (state or DRAFT) == DRAFT and COUNTY in user_levels


def may_verify_on_site(user_levels, state: str | None) -> bool:
	"""The 现场核查符合性说明 is the city's statement, made while the filing is at the city's step."""
	return CITY in user_levels and state in CITY_STEPS
