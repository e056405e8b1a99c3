"""The pre-submission rules on hand-built filings: each breaks one rule and is reported for it alone."""

from cluster_registry.rules.criteria import evaluate
from cluster_registry.rules.filing import Filing, form_findings
from cluster_registry.rules.narratives import counted_characters
from cluster_registry.rules.targets import target_findings

YEARS = {"data": [2023, 2024, 2025], "baseline": 2025, "target": 2028, "stages": [2026, 2027, 2028]}
DEFINITION = {
	"sections": [
		{
			"key": "basic",
			"title": "一、基本情况",
			"items": [
				{"type": "text", "key": "operator", "label": "集群运营管理机构", "required": True},
				{
					"type": "choice",
					"key": "accidents",
					"label": "近三年是否发生较大及以上安全…事故",
					"options": ["是", "否"],
					"required": True,
					"explain": ["是"],
				},
				{
					"type": "yearly",
					"key": "little_giants",
					"label": "专精特新“小巨人”企业数量",
					"indicator": "little_giant_count",
					"required": True,
					"needs_list": True,
				},
				{
					"type": "narrative",
					"key": "chain",
					"label": "集群产业链强链补链情况",
					"limit": 200,
					"required": True,
				},
				{
					"type": "checkboxes",
					"key": "chain_work",
					"label": "集群已开展的产业链强链补链工作",
					"evidence": True,
					"catalogue": 5,
					"options": [
						{"key": "map", "label": "绘制产业链图谱"},
						{"key": "risk", "label": "开展供应链风险评估"},
					],
				},
			],
		}
	]
}


def clean_answers() -> dict:
	answers = {
		("operator", None, None): "小店区产业园管委会",
		("accidents", None, None): "否",
		("chain", None, None): "无",
	}
	answers |= {("little_giants", None, year): "2" for year in YEARS["data"]}
	answers[("chain_work", "map", None)] = "1"
	return answers


def findings(answers, evidence=frozenset({("chain_work", "map")}), listed=None):
	filing = Filing(
		DEFINITION,
		YEARS,
		answers,
		set(evidence),
		set(),
		listed if listed is not None else {"little_giants": 2},
	)
	return [(f.field, f.rule) for f in form_findings(filing)]


def test_a_clean_filing_has_no_findings():
	assert findings(clean_answers()) == []


def test_an_empty_mandatory_cell():
	answers = clean_answers()
	answers[("operator", None, None)] = "  "
	assert findings(answers) == [("operator", "required")]


def test_an_empty_year_of_a_yearly_row():
	answers = clean_answers()
	del answers[("little_giants", None, 2024)]
	assert findings(answers) == [("little_giants:2024", "required")]


def test_characters_are_counted_without_whitespace():
	assert counted_characters("集群 产业\n链 ") == 5


def test_a_narrative_over_its_limit():
	answers = clean_answers()
	answers[("chain", None, None)] = "链" * 201
	assert findings(answers) == [("chain", "narrative_limit")]
	answers[("chain", None, None)] = "链 " * 200  # 200 characters and 200 spaces: within the limit
	assert findings(answers) == []


def test_a_ticked_item_without_evidence():
	answers = clean_answers()
	answers[("chain_work", "risk", None)] = "1"
	assert findings(answers) == [("chain_work:risk", "evidence_missing")]


def test_evidence_filed_under_the_catalogue_number_counts():
	answers = clean_answers()
	filing = Filing(DEFINITION, YEARS, answers, set(), {5}, {"little_giants": 2})
	assert form_findings(filing) == []


def test_a_figure_that_needs_a_list_without_one():
	assert findings(clean_answers(), listed={}) == [("little_giants", "list_missing")]


def test_a_yes_that_needs_an_explanation():
	answers = clean_answers()
	answers[("accidents", None, None)] = "是"
	assert findings(answers) == [("accidents", "explanation_missing")]


RULES = {
	"近三年集群产值年均增速": {"kind": "value_at_least", "value": 10},
	"研发经费投入": {"kind": "annual_growth_at_least", "value": 10},
	"有效发明专利数量": {"kind": "annual_growth_at_least", "value": 15},
	"优质中小企业数量": {"kind": "rising_each_stage"},
	"工业互联网普及率": {
		"kind": "not_below_industry_average",
		"average": "industrial_internet_penetration",
		"measure": "value",
	},
	"二氧化碳排放量": {
		"kind": "not_below_industry_average",
		"average": "co2_reduction_rate",
		"measure": "reduction",
	},
}
AVERAGES = {"industrial_internet_penetration": 35, "co2_reduction_rate": 4.2}


def clean_targets():
	return [
		{"indicator": "近三年集群产值年均增速", "baseline_value": 12.5, "target_value": 11},
		# 1.31 → 1.75 over three years: 10.15% a year
		{"indicator": "研发经费投入", "baseline_value": 1.31, "target_value": 1.75},
		# 200 → 305 over three years: 15.1% a year
		{"indicator": "有效发明专利数量", "baseline_value": 200, "target_value": 305},
		{
			"indicator": "优质中小企业数量",
			"baseline_value": 40,
			"target_value": 55,
			"stage_1": 45,
			"stage_2": 50,
			"stage_3": 55,
		},
		{"indicator": "工业互联网普及率", "baseline_value": 30, "target_value": 36},
		# 0.50 → 0.47 t/万元 is a 6% reduction, above the 4.2% average
		{"indicator": "二氧化碳排放量", "baseline_value": 0.50, "target_value": 0.47},
	]


def target_rules(rows, averages=AVERAGES):
	return [(f.field, f.rule, f.severity) for f in target_findings(rows, RULES, 3, averages)]


def test_targets_that_meet_every_rule():
	assert target_rules(clean_targets()) == []


def test_rd_growth_below_ten_percent():
	rows = clean_targets()
	rows[1]["target_value"] = 1.70  # 9.08% a year
	assert target_rules(rows) == [("targets:研发经费投入", "target_annual_growth_at_least", "error")]


def test_patents_below_fifteen_percent():
	rows = clean_targets()
	rows[2]["target_value"] = 300  # 14.47% a year
	assert target_rules(rows) == [("targets:有效发明专利数量", "target_annual_growth_at_least", "error")]


def test_quality_smes_not_rising_at_every_stage():
	rows = clean_targets()
	rows[3]["stage_2"] = 45
	assert target_rules(rows) == [("targets:优质中小企业数量", "target_rising_each_stage", "error")]


def test_penetration_below_the_industry_average():
	rows = clean_targets()
	rows[4]["target_value"] = 34.9
	assert target_rules(rows) == [("targets:工业互联网普及率", "target_not_below_industry_average", "error")]


def test_co2_reduction_below_the_industry_average():
	rows = clean_targets()
	rows[5]["target_value"] = 0.49  # 2% reduction
	assert target_rules(rows) == [("targets:二氧化碳排放量", "target_not_below_industry_average", "error")]


def test_about_rules_warn():
	rules = {"工业互联网普及率": {"kind": "about", "value": 45, "measure": "value"}}
	rows = [{"indicator": "工业互联网普及率", "baseline_value": 30, "target_value": 40}]
	[finding] = target_findings(rows, rules, 3, {})
	assert (finding.rule, finding.severity) == ("target_about", "warning")


NATIONAL = [
	{
		"description": "集群产值不低于40亿元",
		"metric": "total_output",
		"comparison": ">=",
		"threshold": 40,
		"applies_to": "每个数据年度",
	},
	{
		"description": "占地面积一般不超过100平方公里",
		"metric": "cluster.area_km2",
		"comparison": "<=",
		"threshold": 100,
	},
	{
		"description": "至少1家单项冠军或小巨人",
		"metric": "national_champion_count+little_giant_count",
		"comparison": ">=",
		"threshold": 1,
		"alternative_group": "优质企业",
	},
	{
		"description": "专精特新、创新型、高新技术企业合计不少于10家",
		"metric": "specialized_sme_count+innovative_sme_count+high_tech_count",
		"comparison": ">=",
		"threshold": 10,
		"alternative_group": "优质企业",
	},
]


def test_criteria_pass_and_fail_with_figures():
	by_year = {
		2023: {
			"total_output": 38.5,
			"little_giant_count": 0,
			"specialized_sme_count": 4,
			"innovative_sme_count": 5,
			"high_tech_count": 3,
		},
		2024: {"total_output": 42.0, "little_giant_count": 0},
		2025: {
			"total_output": 45.1,
			"little_giant_count": 0,
			"specialized_sme_count": 4,
			"innovative_sme_count": 5,
			"high_tech_count": 3,
		},
	}
	results = evaluate(NATIONAL, by_year, {"area_km2": 35})
	assert [(r.description, r.passed) for r in results] == [
		("集群产值不低于40亿元", False),  # 2023: 38.5
		("占地面积一般不超过100平方公里", True),
		("至少1家单项冠军或小巨人", True),  # no little giant, but 12 of the others: the group passes
		("专精特新、创新型、高新技术企业合计不少于10家", True),
	]
	assert str(results[0].figures[2023]) == "38.50"


def test_without_an_industry_average_the_rule_is_a_warning():
	rows = clean_targets()
	[finding] = target_findings(rows[4:5], RULES, 3, {})
	assert (finding.rule, finding.severity) == ("target_not_below_industry_average", "warning")
