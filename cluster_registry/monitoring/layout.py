"""The annual monitoring filing (年度监测表) and the province's monitoring summary laid out in
the official style of the other forms (blocks shared by the HTML/PDF and Word writers): title,
the cluster's facts, the year's figures, the targets tracked against the year, the narrative,
the declaration and the opinions of the city and the province."""

from cluster_registry.figures.decimals import figure_text
from cluster_registry.renderers.blocks import Block, Cell, Narrative, Para, Table

TITLE = "{year}年度中小企业特色产业集群监测表"
SUMMARY_TITLE = "{year}年度中小企业特色产业集群监测情况汇总表"
TRACKING_COLUMNS = (
	("indicator", "指标", 16),
	("unit", "单位", 9),
	("baseline", "基准值", 10),
	("target", "目标值", 10),
	("stage_target", "本年度阶段目标", 10),
	("expected_value", "本年度预期值", 10),
	("actual_value", "本年度实际值", 10),
	("share_achieved", "完成进度（%）", 10),
	("tracking_status", "状态", 8),
)
SUMMARY_COLUMNS = (
	{"key": "seq", "label": "序号"},
	{"key": "cluster_name", "label": "集群名称"},
	{"key": "city_name", "label": "所在市（州）"},
	{"key": "county_name", "label": "所在县（市、区）"},
	{"key": "recognition_level", "label": "认定级别"},
	{"key": "status", "label": "填报状态"},
	{"key": "total_output", "label": "集群总产值（亿元）"},
	{"key": "quality_sme_count", "label": "优质中小企业数量（个）"},
	{"key": "on_track", "label": "达标指标数"},
	{"key": "behind", "label": "滞后指标数"},
	{"key": "severe", "label": "严重滞后指标数"},
	{"key": "severe_targets", "label": "严重滞后指标"},
)


def filing_blocks(filing: dict) -> list[Block]:
	"""filing: data_year, cluster_name, region, recognition_level, recognition_application,
	figures [{figure_label, unit, value}], tracking [row dicts], progress_summary, filled_by,
	filler_phone, city_opinion, province_opinion, status."""
	facts = Table(
		[18, 32, 18, 32],
		[
			[Cell(["集群名称"], head=True), Cell([filing.get("cluster_name") or ""], colspan=3)],
			[
				Cell(["所属地区"], head=True),
				Cell([filing.get("region") or ""]),
				Cell(["认定级别"], head=True),
				Cell([filing.get("recognition_level") or ""]),
			],
			[
				Cell(["监测年度"], head=True),
				Cell([str(filing.get("data_year") or "")]),
				Cell(["填报状态"], head=True),
				Cell([filing.get("status") or ""]),
			],
		],
	)
	figures = Table(
		[8, 52, 20, 20],
		[
			[Cell([text], head=True, align="center") for text in ("序号", "指标", "单位", "数值")],
			*[
				[
					Cell([str(number)], align="center"),
					Cell([row.get("figure_label") or ""]),
					Cell([row.get("unit") or ""], align="center"),
					Cell([figure_text(row.get("value"))], align="right"),
				]
				for number, row in enumerate(filing.get("figures") or [], 1)
			],
		],
		header_rows=1,
	)
	tracking_rows = filing.get("tracking") or []
	tracking = Table(
		[width for _key, _label, width in TRACKING_COLUMNS],
		[
			[Cell([label], head=True, align="center") for _key, label, _width in TRACKING_COLUMNS],
			*[
				[
					Cell([tracking_cell(row, key)], align="" if key == "indicator" else "center")
					for key, _l, _w in TRACKING_COLUMNS
				]
				for row in tracking_rows
			],
		]
		if tracking_rows
		else [[Cell(["无（集群认定时未设定可量化目标）"], colspan=len(TRACKING_COLUMNS))]],
		header_rows=1 if tracking_rows else 0,
	)
	return [
		Para(TITLE.format(year=filing.get("data_year") or ""), "title"),
		Para("一、基本情况", "heading"),
		facts,
		Para("二、本年度主要指标", "heading"),
		figures,
		Para("三、发展目标完成情况", "heading"),
		Para(
			"预期值按基准值至目标值的复合增长路径计算；完成进度=（实际值－基准值）÷（预期值－基准值）×100%。",
			"note",
		),
		tracking,
		Para("四、本年度工作进展及存在问题", "heading"),
		Narrative((filing.get("progress_summary") or "无").splitlines() or ["无"]),
		Para("五、审核意见", "heading"),
		Table(
			[20, 80],
			[
				[Cell(["填报人及联系电话"], head=True), Cell([contact(filing)])],
				[
					Cell(["市级中小企业主管部门意见"], head=True),
					Cell([filing.get("city_opinion") or ""], signatures=["（盖章）", "年    月    日"]),
				],
				[
					Cell(["省级中小企业主管部门意见"], head=True),
					Cell([filing.get("province_opinion") or ""], signatures=["（盖章）", "年    月    日"]),
				],
			],
		),
	]


def tracking_cell(row: dict, key: str) -> str:
	"""A cell of the targets table: figures as the forms print them (保留小数点后2位)."""
	if key == "baseline":
		return f"{figure_text(row.get('baseline_value'))}（{row.get('baseline_year') or ''}年）"
	if key == "target":
		return f"{figure_text(row.get('target_value'))}（{row.get('target_year') or ''}年）"
	if key in ("indicator", "unit", "tracking_status"):
		return row.get(key) or ""
	return figure_text(row.get(key))


def contact(filing: dict) -> str:
	return " ".join(part for part in (filing.get("filled_by"), filing.get("filler_phone")) if part)


def summary_title(data_year: int) -> str:
	return SUMMARY_TITLE.format(year=data_year)
