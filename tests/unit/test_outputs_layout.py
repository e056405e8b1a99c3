"""The official forms laid out from their definitions: rows, cells, merged cells, ☑/□, targets,
read back from the HTML and the Word file."""

import io
import re

import pytest

from cluster_registry.forms import definitions
from cluster_registry.renderers import form_html
from cluster_registry.renderers.blocks import Landscape, PrintedFiling, Table, placed, spans
from cluster_registry.renderers.layout import form_blocks

ANSWERS = {
	("cluster_name", None, None): "山西省太原市小店区装备产业集群",
	("authority_contact", None, None): "李明",
	("authority_phone", None, None): "0351-1234567",
	("industry_type", None, None): "第二产业",
	("accidents", None, None): "否",
	("total_output", None, 2023): "48.6",
	("total_output", None, 2024): "53.90",
	("total_output", None, 2025): "60.2",
	("chain_work", "chain_map", None): "1",
	("chain_work", "challenge_list", None): "0",
	("standards", "std_national_led", 2025): "3",
	("national_platforms", None, None): "2",
	("national_platforms", "names", None): "国家技术中心、国家实验室",
	("co2_per_output", None, 2024): "0.345",
}
TARGETS = [
	{
		"table_key": "targets",
		"direction": "创新",
		"indicator": "研发经费投入",
		"metric": "sme_rd_expense",
		"unit": "亿元",
		"baseline_value": 1.26,
		"target_value": 1.68,
		"stage_1": 1.39,
		"stage_2": 1.53,
		"stage_3": 1.68,
	},
	{
		"table_key": "targets",
		"direction": "开放合作",
		"indicator": "定性描述",
		"qualitative": "拓展“一带一路”市场",
	},
]


def filing(code="shanxi-apply-2026", answers=ANSWERS, targets=TARGETS, **values) -> PrintedFiling:
	return PrintedFiling(definitions.load(code), 2026, answers, targets, **values)


def tables(blocks) -> list[Table]:
	"""The tables among the blocks, those on landscape pages included."""
	found = []
	for block in blocks:
		if isinstance(block, Landscape):
			found += tables(block.blocks)
		elif isinstance(block, Table):
			found.append(block)
	return found


def row_of(blocks, label: str) -> list[str]:
	for table in tables(blocks):
		for row in table.rows:
			if any(cell.lines and cell.lines[0] == label for cell in row):
				texts = [cell.text for cell in row]
				return texts[texts.index(label) :]
	raise AssertionError(label)


def test_spans_share_the_columns_evenly():
	assert spans(9, 3) == [3, 3, 3]
	assert spans(4, 3) == [1, 1, 2]


def test_every_seed_form_lays_out_with_a_consistent_grid():
	for summary in definitions.available():
		for table in tables(form_blocks(PrintedFiling(definitions.load(summary["code"]), 2026, {}))):
			ends = {column + cell.colspan for _row, column, cell in placed(table)}
			assert max(ends) == len(table.widths), summary["code"]


def test_the_shanxi_form_row_for_row():
	blocks = form_blocks(filing())
	assert row_of(blocks, "年度") == ["年度", "2023年", "2024年", "2025年"]
	assert row_of(blocks, "集群总产值（亿元）") == ["集群总产值（亿元）", "48.60", "53.90", "60.20"]
	assert row_of(blocks, "联系人") == ["联系人", "李明", "联系方式", "0351-1234567"]
	assert row_of(blocks, "主导产业所属产业类型")[1] == "□第一产业　☑第二产业　□第三产业"
	accidents = row_of(
		blocks, "近三年是否发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件"
	)
	assert accidents[1] == "□是（需附情况说明）　☑否"
	chain = row_of(blocks, "集群已开展的产业链强链补链工作")[1].split("\n")
	assert chain[0] == "☑绘制产业链图谱，开展产业链培育" and chain[1].startswith("□形成产业链技术难点清单")
	assert chain[-1] == "（注：勾选需提供佐证材料）"
	assert (
		row_of(blocks, "国家制造业创新中心或国家级创新平台名称及数量")[1]
		== "数量：2个\n名称：国家技术中心、国家实验室"
	)
	rows = [row for table in tables(blocks) for row in table.rows]
	co2 = next(n for n, row in enumerate(rows) if row[0].text.startswith("近三年集群单位产值二氧化碳排放量"))
	assert rows[co2][0].rowspan == 4  # three years and the formula note
	assert [[c.text for c in row][-2:] for row in rows[co2 : co2 + 3]] == [
		["2023年", ""],
		["2024年", "0.35"],
		["2025年", ""],
	]
	titles = [block.text for block in blocks if getattr(block, "style", "") == "heading"]
	assert titles[0] == "一、基本情况" and titles[-1] == "九、真实性声明及推荐意见"


def test_the_standards_table_has_three_cells_a_year():
	blocks = form_blocks(filing())
	standards = next(t for t in tables(blocks) if any("类别" in c.text for row in t.rows for c in row))
	header = next(row for row in standards.rows if any(c.text == "类别" for c in row))
	assert [c.text for c in header][1:] == ["类别", "主持数量", "参与数量"] * 3
	national = next(row for row in standards.rows if row[0].text == "国家")
	assert [c.text for c in national] == ["国家", "", "", "国家", "", "", "国家", "3", ""]


def test_targets_and_stages():
	blocks = form_blocks(filing())
	targets = next(t for t in tables(blocks) if t.rows[0][0].text == "方向")
	assert [c.text for c in targets.rows[0]] == ["方向", "指标", "2025年基准值", "2028年目标值"]
	assert [c.text for c in targets.rows[1]] == ["创新", "研发经费投入（亿元）", "1.26", "1.68"]
	open_row = next(row for row in targets.rows if row[0].text == "开放合作")
	assert [c.text for c in open_row] == ["开放合作", "定性描述", "拓展“一带一路”市场"] and open_row[
		2
	].colspan == 2
	assert any(row[0].text == "其他" for row in targets.rows)  # a direction the form leaves open
	stages = next(t for t in tables(blocks) if len(t.rows[0]) > 2 and t.rows[0][2].text.startswith("（1）"))
	assert [c.text for c in stages.rows[0]] == [
		"方向",
		"指标",
		"（1）2026年度",
		"（2）2027年度",
		"（3）2028年度",
	]
	assert [c.text for c in stages.rows[1]][2:] == ["1.39", "1.53", "1.68"]


def test_a_review_prints_the_achieved_column():
	rows = [{**TARGETS[0], "table_key": "targets_completed", "completion_value": 1.71}]
	blocks = form_blocks(filing("miit-review-2026", targets=rows))
	completed = next(t for t in tables(blocks) if len(t.rows[0]) == 5)
	assert [c.text for c in completed.rows[0]] == [
		"方向",
		"指标",
		"2022年基准值",
		"2025年目标值",
		"2025年完成值",
	]
	assert [c.text for c in completed.rows[1]] == ["创新", "研发经费投入（亿元）", "1.26", "1.68", "1.71"]


def test_the_competition_form_fills_its_evidence_pages_and_growth():
	answers = {("output", None, 2024): "53.90", ("output", None, 2025): "60.20"}
	blocks = form_blocks(filing("competition-2026", answers, [], evidence_pages={3: (15, 16), 9: (20, 22)}))
	assert row_of(blocks, "近2年情况\n指标名称")[1:] == ["2024年", "2025年", "增幅（%）"]
	assert row_of(blocks, "集群产值（亿元）")[1:] == ["53.90", "60.20", "11.69"]
	assert row_of(blocks, "与主导产业相关的国家级单项冠军数量（个，需提供佐证）")[-1] == "P15-16页"
	captions = [block.text for block in blocks if getattr(block, "style", "") == "subheading"]
	assert any("并注明见佐证P20-22页）" in text for text in captions)
	libraries = next(t for t in tables(blocks) if t.rows[0][0].text == "序号" and len(t.widths) == 12)
	# the compact header: the column's name, its long guidance in brackets printed small below it
	assert [c.text for c in libraries.rows[0]][:3] == ["序号", "企业名称\n（填写企业全称）", "企业所在地"]
	assert libraries.rows[0][1].lines == ["企业名称"] and libraries.rows[0][1].notes == ["（填写企业全称）"]
	assert libraries.rows[0][2].colspan == 3 and libraries.header_rows == 2
	assert [c.text for c in libraries.rows[1]] == ["市州", "县（市）区", "所在园区", "姓名", "联系电话"]


def test_tables_filled_from_the_app_and_a_total_row():
	top = {"top_revenue": [{"enterprise_name": "甲", "revenue_previous": 1.5, "revenue_last": 2.25}]}
	answers = {("top_rd", "1.enterprise_name", None): "乙", ("top_rd", "1.rd_last", None): "120"}
	blocks = form_blocks(filing("competition-2026", answers, [], tables=top))
	revenue = next(t for t in tables(blocks) if t.rows[0][0].text == "企业名称" and len(t.widths) == 5)
	assert [c.text for c in revenue.rows[2]] == ["甲", "1.50", "2.25", "", ""]
	assert len(revenue.rows) == 2 + 10 + 1  # two header rows, ten printed rows, 合计
	assert [c.text for c in revenue.rows[-1]][:3] == ["合计", "1.50", "2.25"]
	rd = next(t for t in tables(blocks) if t.rows[0][0].text == "企业名称" and len(t.widths) == 4)
	assert [c.text for c in rd.rows[2]] == ["乙", "", "120", ""]


def test_the_html_repeats_headers_and_escapes_answers():
	html = form_html.render(
		definitions.load("shanxi-apply-2026"), 2026, {**ANSWERS, ("chain_narrative", None, None): "<b>链</b>"}
	)
	assert '<thead><tr><td class="cr-label">年度</td>' in html
	assert "&lt;b&gt;链&lt;/b&gt;" in html and "<b>链" not in html
	assert re.search(r'<td class="cr-label" rowspan="3">创新平台建设情况', html)


def test_the_word_file_merges_cells_as_the_layout_does():
	import docx

	from cluster_registry.renderers import form_docx

	content = form_docx.render(definitions.load("shanxi-apply-2026"), 2026, ANSWERS, TARGETS)
	document = docx.Document(io.BytesIO(content))
	industry = next(t for t in document.tables if t.rows[0].cells[0].text == "年度")
	total = next(row for row in industry.rows if row.cells[0].text == "集群总产值（亿元）")
	assert [cell.text for cell in total.cells] == ["集群总产值（亿元）", "48.60", "53.90", "60.20"]
	platforms = [
		row
		for table in document.tables
		for row in table.rows
		if row.cells[0].text.startswith("创新平台建设情况")
	]
	assert len(platforms) == 3 and platforms[0].cells[0]._tc is platforms[2].cells[0]._tc  # merged down
	targets = next(t for t in document.tables if t.rows[0].cells[0].text == "方向")
	assert [cell.text for cell in targets.rows[1].cells] == ["创新", "研发经费投入（亿元）", "1.26", "1.68"]


def test_the_four_libraries_print_on_landscape_pages():
	definition = definitions.load("competition-2026")
	blocks = form_blocks(PrintedFiling(definition, 2026, {}))
	wide = [block for block in blocks if isinstance(block, Landscape)]
	# 现有企业库 (12 columns) and 在建项目库 (13) are wider than a portrait page holds
	captions = [b.text for block in wide for b in block.blocks if hasattr(b, "text")]
	assert any(text.startswith("（一）现有企业库") for text in captions)
	assert any(text.startswith("（三）在建项目库") for text in captions)
	assert all(len(t.widths) > 9 for block in wide for t in tables(block.blocks))


def test_the_enterprise_library_caption_counts_its_enterprises():
	definition = definitions.load("competition-2026")
	figures = {
		"enterprise_count": 486,
		"listed_count": 3,
		"national_champion_count": 2,
		"little_giant_count": 7,
		"above_size_count": 150,
		"high_tech_count": 41,
	}
	blocks = form_blocks(PrintedFiling(definition, 2026, {}, facts={"figures": figures}))
	caption = next(
		b.text
		for block in blocks
		if isinstance(block, Landscape)
		for b in block.blocks
		if getattr(b, "text", "").startswith("（一）现有企业库")
	)
	assert caption == (
		"（一）现有企业库（共有企业486个，其中，上市企业3个，制造业单项冠军2个，专精特新“小巨人”7个，"
		"规上工业企业150个，高新技术企业41个）"
	)
