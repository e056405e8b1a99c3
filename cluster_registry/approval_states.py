"""The states and actions of the approval workflow 集群申报审批 (plain data, shared by the workflow
fixtures in hooks.py and the rules of each step in cluster_registry/approval.py)."""

DRAFT, SUBMITTED, RETURNED = "草稿", "已提交市级", "退回修改"
ON_SITE, RECOMMENDED_BY_CITY = "市级现场核查", "市级已推荐"
EXPERT_REVIEW = "专家评审"
TO_MIIT = "已推荐工信部"

STATES = (
	DRAFT,
	SUBMITTED,
	RETURNED,
	ON_SITE,
	RECOMMENDED_BY_CITY,
	"省级形式审查",
	EXPERT_REVIEW,
	"省级认定",
	"省级未认定",
	TO_MIIT,
	"国家级认定",
	"国家级未认定",
	"复核通过",
	"复核未通过",
	"国家复核通过",
	"国家复核未通过",
)
ACTIONS = (
	"提交市级",
	"重新提交",
	"退回修改",
	"开始现场核查",
	"推荐",
	"受理",
	"提交专家评审",
	"认定",
	"不予认定",
	"复核通过",
	"复核不通过",
	"推荐至工信部",
	"报工信部复核",
	"工信部认定",
	"工信部未认定",
	"工信部复核通过",
	"工信部复核不通过",
)

EDITABLE = (DRAFT, RETURNED)
# The city checks a filing on site between its submission and its recommendation.
ONSITE_STATES = (SUBMITTED, ON_SITE)
AFTER_CITY = STATES[STATES.index(RECOMMENDED_BY_CITY) :]
AFTER_MIIT = (TO_MIIT, "国家级认定", "国家级未认定", "国家复核通过", "国家复核未通过")
