"""The 年度监测表 laid out for print and Word (monitoring/layout.py): its sections in order, the
targets table with two decimals, and an honest line when no target was set."""

from cluster_registry.monitoring.layout import filing_blocks
from cluster_registry.renderers.blocks import Para, Table

FILING = {
	"data_year": 2026,
	"cluster_name": "山西省太原市小店区装备产业集群",
	"region": "山西省太原市小店区",
	"recognition_level": "省级",
	"status": "已提交市级",
	"figures": [{"figure_label": "有效发明专利数量", "unit": "个", "value": 118}],
	"tracking": [
		{
			"indicator": "研发经费投入",
			"unit": "亿元",
			"baseline_value": 1.25,
			"baseline_year": 2025,
			"target_value": 2.16,
			"target_year": 2028,
			"stage_target": 1.5,
			"expected_value": 1.5,
			"actual_value": 1.31,
			"share_achieved": 24,
			"tracking_status": "严重滞后",
		}
	],
	"progress_summary": "新建研发中心一个。",
}


def texts(table: Table) -> list[list[str]]:
	return [[cell.text for cell in row] for row in table.rows]


def test_the_filing_prints_its_sections_in_order():
	blocks = filing_blocks(FILING)
	headings = [b.text for b in blocks if isinstance(b, Para) and b.style in ("title", "heading")]
	assert headings == [
		"2026年度中小企业特色产业集群监测表",
		"一、基本情况",
		"二、本年度主要指标",
		"三、发展目标完成情况",
		"四、本年度工作进展及存在问题",
		"五、审核意见",
	]


def test_the_targets_table_prints_figures_as_the_forms_do():
	"""数据有小数时，保留小数点后2位: 1.5 as 1.50, the whole 24 (% achieved) as 24."""
	tables = [b for b in filing_blocks(FILING) if isinstance(b, Table)]
	figures, tracking = texts(tables[1]), texts(tables[2])
	assert figures[1] == ["1", "有效发明专利数量", "个", "118"]
	assert tracking[1] == [
		"研发经费投入",
		"亿元",
		"1.25（2025年）",
		"2.16（2028年）",
		"1.50",
		"1.50",
		"1.31",
		"24",
		"严重滞后",
	]


def test_no_targets_says_so():
	tables = [b for b in filing_blocks({**FILING, "tracking": []}) if isinstance(b, Table)]
	assert texts(tables[2]) == [["无（集群认定时未设定可量化目标）"]]
