"""The words of a filing that the forms, the DocTypes' choices and the rules share: kinds of filing,
levels, the eight groups of the recognition standard, the expert's declaration and the city's
conclusion. Plain data: DocType Select options are checked against it (tests/unit/test_vocabulary.py)."""

APPLY, REVIEW, COMPETITION = "申报", "复核", "竞赛"
FILING_KINDS = (APPLY, REVIEW, COMPETITION)

PROVINCIAL, NATIONAL = "省级", "国家级"
FILING_LEVELS = (PROVINCIAL, NATIONAL)
# the level of an entry of a name list (platforms, green manufacturing): national, provincial, other
OTHER_LEVEL = "其他"
LIST_LEVELS = (NATIONAL, PROVINCIAL, OTHER_LEVEL)

# 认定标准: the eight groups of criteria (工信部 2022), scored by the experts
CRITERION_GROUPS = (
	"核心竞争力较强",
	"中小企业梯度培育成效显著",
	"产业链供应链协作高效",
	"协同创新能力较强",
	"数字化转型效果明显",
	"绿色化发展水平较高",
	"积极参与产业开放合作",
	"治理和服务能力较强",
)
# a criterion of the standard belongs to a group, or to the negative list (no accident, no violation)
NEGATIVE_LIST = "负面清单"
CRITERION_SECTIONS = (*CRITERION_GROUPS, NEGATIVE_LIST)

# an expert's declaration of interest, and the state of its review
NO_CONFLICT, CONFLICT = "无利益冲突", "存在利益冲突（回避）"
REVIEW_STATUSES = ("待声明", "待评分", "已评分", "已回避")

# the city's conclusion of its on-site check (现场核查符合性说明)
CONFORMS, DOES_NOT_CONFORM = "符合", "不符合"
ONSITE_CONCLUSIONS = (CONFORMS, DOES_NOT_CONFORM)
