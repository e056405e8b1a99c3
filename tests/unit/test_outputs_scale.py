"""The official outputs at real size and exact to the seeds: the 四库 as compact lists with widths by
content, the Word tables written in one pass (linear time, read back cell by cell), the landscape
run of the 四库, row labels of labelled tables, the cover printing what was filed, safe file names."""

import io
import time

import docx
import pytest

from cluster_registry.forms import definitions
from cluster_registry.renderers import form_docx, form_html
from cluster_registry.renderers.blocks import (
	Cell,
	Landscape,
	PageBreak,
	Para,
	PrintedFiling,
	Table,
	page_reference,
)
from cluster_registry.renderers.docx_xml import table_xml
from cluster_registry.renderers.file_names import safe_file_name
from cluster_registry.renderers.layout import form_blocks
from cluster_registry.renderers.widths import column_widths, text_em

HEADERS = [
	"序号",
	"企业名称",
	"市州",
	"县（市）区",
	"所在园区",
	"企业概况",
	"主导产品",
	"是否为规上企业",
	"2025年主营业务收入（亿元）",
	"国际国内品牌企业",
	"姓名",
	"联系电话",
]


def member(number: int) -> dict:
	return {
		"enterprise_name": f"山西晋盛精密机械{number:05d}有限公司",
		"park": "太原小店经济开发区",
		"above_size": "否",
		"main_business_revenue": 3.25,
		"brand": "专精特新“小巨人”企业" if number % 9 == 0 else "",
	}


def competition(members: int, answers: dict | None = None, facts: dict | None = None) -> PrintedFiling:
	return PrintedFiling(
		definitions.load("competition-2026"),
		2026,
		answers or {},
		[],
		facts or {},
		{"existing_enterprises": [member(number) for number in range(members)]},
	)


def library(blocks) -> Table:
	for block in blocks:
		if isinstance(block, Landscape):
			return next(b for b in block.blocks if isinstance(b, Table) and len(b.widths) == 12)
	raise AssertionError("no 现有企业库")


def test_text_is_measured_in_em():
	assert text_em("太原市") == 3 and text_em("13912345678") == pytest.approx(6.05)


def test_columns_are_as_wide_as_their_entries():
	rows = [
		[
			"1",
			"山西晋盛精密机械00001有限公司",
			"",
			"",
			"太原小店经济开发区",
			"",
			"",
			"否",
			"3.25",
			"",
			"王工",
			"13912345678",
		]
	] * 50
	widths = column_widths(HEADERS, rows, 70)
	assert sum(widths) == pytest.approx(100)
	em = [width * 70 / 100 for width in widths]
	assert em[1] >= text_em(rows[0][1])  # the enterprise's name on one line
	assert em[11] >= text_em("13912345678")  # a telephone number never wraps
	assert em[0] < 4 and em[7] < em[1] / 3  # 序号 and 是否为规上企业 stay narrow


def test_a_crowded_line_gives_the_short_columns_what_they_need():
	rows = [
		[
			str(n),
			"山西晋盛精密机械00001有限公司",
			"太原市",
			"小店区",
			"太原小店经济开发区",
			"主营数控机床及精密零部件" * 3,
			"数控机床、轴承",
			"是",
			"12.34",
			"",
			"王工",
			"13912345678",
		]
		for n in range(30)
	]
	em = [width * 70 / 100 for width in column_widths(HEADERS, rows, 70)]
	assert sum(em) == pytest.approx(70)
	assert em[2] >= 3 and em[11] >= text_em("13912345678")
	assert em[5] < text_em(rows[0][5])  # the long profile is the one that wraps


def test_the_four_libraries_are_one_landscape_run_each_table_on_its_own_page():
	blocks = form_blocks(competition(3))
	runs = [block for block in blocks if isinstance(block, Landscape)]
	assert len(runs) == 1  # no portrait page between the 四库
	inside = runs[0].blocks
	assert isinstance(inside[0], Para) and inside[0].text == "六、集群“四库”"
	captions = [block.text for block in inside if isinstance(block, Para)]
	assert [text[:5] for text in captions[1:]] == ["（一）现有", "（二）拟引", "（三）在建", "（四）拟建"]
	assert sum(isinstance(block, PageBreak) for block in inside) == 3
	after = blocks[blocks.index(runs[0]) + 1]
	assert isinstance(after, Para) and after.text.startswith("七、")  # back on a portrait page


def test_the_library_is_a_compact_table_with_widths_by_content():
	table = library(form_blocks(competition(40)))
	assert table.compact and table.header_rows == 2
	assert len(table.rows) == 2 + 40
	assert table.widths[1] > 2 * table.widths[0]  # 企业名称 wider than 序号
	brand = table.rows[0][7]  # 国际国内品牌企业: the name, its guidance small below it
	assert brand.lines == ["国际国内品牌企业"] and brand.notes[0].startswith("（获评世界500强")
	html = form_html.blocks_html([table])
	assert 'class="cr-table cr-library"' in html and "cr-cell-note" in html


def test_labelled_rows_keep_their_labels():
	answers = {("park_indicators", "gdp.park_total_previous", None): "12.5"}
	answers[("economic_targets", "revenue.last_year", None)] = "88"
	blocks = form_blocks(competition(0, answers))
	park = next(
		t
		for b in blocks
		if isinstance(b, Table)
		for t in [b]
		if t.rows[0][0].text == "指标名称" and len(t.widths) == 6
	)
	assert [cell.text for cell in park.rows[2]][:2] == ["园区生产总值（亿元）", "12.50"]
	assert all(row[0].text for row in park.rows[2:])
	targets = next(
		t
		for b in blocks
		if isinstance(b, Table)
		for t in [b]
		if len(t.widths) == 5 and t.rows[0][0].text == "指标名称"
	)
	assert [cell.text for cell in targets.rows[1]][:2] == ["集群营业收入（亿元）", "88"]


def test_the_cover_prints_what_was_filed():
	facts = {"cluster_name": "记录中的名称", "promotion_org": ""}
	answers = {
		("promotion_org", None, None): "太原装备产业促进会",
		("cluster_name", None, None): "申报的名称",
	}
	cover = [
		block.text for block in form_blocks(competition(0, answers, facts))[:6] if isinstance(block, Para)
	]
	assert "集群名称：申报的名称" in cover and "集群促进组织：太原装备产业促进会" in cover


def test_page_references_become_links_the_renderer_numbers():
	html = form_html.blocks_html([Para(f"见P{page_reference('cr-part-3')}页")])
	assert '<a class="cr-pageref" href="#cr-part-3"></a>' in html


def test_a_word_table_is_written_in_one_pass_with_merged_cells():
	table = Table(
		[10, 30, 30, 30],
		[
			[
				Cell(["序号"], rowspan=2, head=True),
				Cell(["企业所在地"], colspan=2, head=True),
				Cell(["姓名"], rowspan=2, head=True),
			],
			[Cell(["市州"], head=True), Cell(["县区"], head=True)],
			[Cell(["1"]), Cell(["太原\x0b市"]), Cell(["小店区"]), Cell(["王工"])],
			[Cell([""]), Cell([""]), Cell([""]), Cell([""])],
		],
		header_rows=2,
	)
	document = docx.Document()
	document.element.body._insert_tbl(docx.oxml.parse_xml(table_xml(table, 9000, 10.5)))
	read = docx.Document(io.BytesIO(_saved(document))).tables[0]
	assert [cell.text for cell in read.rows[0].cells] == ["序号", "企业所在地", "企业所在地", "姓名"]
	assert [cell.text for cell in read.rows[1].cells] == ["序号", "市州", "县区", "姓名"]
	assert [cell.text for cell in read.rows[2].cells] == ["1", "太原市", "小店区", "王工"]  # \x0b dropped
	assert "w:tblHeader" in read.rows[1]._tr.xml and "w:cantSplit" in read.rows[2]._tr.xml
	assert 'w:hRule="atLeast"' in read.rows[3]._tr.xml  # an empty row keeps its height


def _saved(document) -> bytes:
	output = io.BytesIO()
	document.save(output)
	return output.getvalue()


def test_the_competition_form_in_word_takes_linear_time():
	timings = {}
	for members in (200, 2000):
		started = time.perf_counter()
		content = form_docx.blocks_docx(form_blocks(competition(members)))
		timings[members] = time.perf_counter() - started
	assert timings[2000] / timings[200] < 15  # ten times the rows, about ten times the time
	assert timings[2000] < 20
	document = docx.Document(io.BytesIO(content))
	rows = next(t for t in document.tables if len(t.columns) == 12).rows
	assert len(rows) == 2 + 2000 and rows[-1].cells[1].text == "山西晋盛精密机械01999有限公司"
	orientations = [section.orientation for section in document.sections]
	assert [int(o) for o in orientations] == [0, 1, 0]  # portrait, the 四库 landscape, portrait again


def test_file_names_are_valid_everywhere():
	assert safe_file_name("CA-0001-（先进制造业/中小企业特色产业）集群申报材料.pdf") == (
		"CA-0001-（先进制造业／中小企业特色产业）集群申报材料.pdf"
	)
	assert safe_file_name('a\\b:c*d?"e<f>g|h\x01.docx') == "a＼b：c＊d？＂e＜f＞g｜h.docx"
	assert len(safe_file_name("集" * 300 + ".pdf").encode()) <= 180


def test_a_note_on_evidence_prints_after_the_options():
	blocks = form_blocks(PrintedFiling(definitions.load("shanxi-apply-2026"), 2026, {}))
	row = next(
		[cell.text for cell in row]
		for block in blocks
		if isinstance(block, Table)
		for row in block.rows
		if row[0].text.startswith("是否建立集群碳排放监测机制")
	)
	assert row[0] == "是否建立集群碳排放监测机制"
	assert row[-1] == "□是　□否（如涉及，需提供佐证材料）"


def test_the_shanxi_name_hint_reads_as_the_seed():
	cover = [line for line in definitions.load("shanxi-apply-2026")["cover"] if line["label"] == "集群名称"]
	assert cover[0]["hint"] == "（XX（省、市）XX（县、区）XX产业）"


def printed_texts(code: str) -> list[str]:
	"""Every paragraph and table caption of the form, in print order, one line each."""
	texts = []
	for block in form_blocks(PrintedFiling(definitions.load(code), 2026, {})):
		if isinstance(block, Para):
			texts.append(block.text)
		elif isinstance(block, Table):
			texts.append(f"[table {block.rows[0][0].text}]")
		elif hasattr(block, "lines"):
			texts += [f"[box] {line}" for line in block.lines]
	return texts


def ordered(texts: list[str], wanted: list[str]) -> list[int]:
	return [next(n for n, text in enumerate(texts) if text.startswith(want)) for want in wanted]


@pytest.mark.parametrize("code", ["miit-apply-2026", "shanxi-apply-2026"])
def test_the_application_plan_follows_the_seed_order(code):
	texts = printed_texts(code)
	positions = ordered(
		texts,
		[
			"[box] （二）发展目标",
			"1.三年总体目标",
			"（集群须围绕",
			"[table 方向]",
			"2.阶段性目标",
			"（三）重点任务",
			"（四）保障措施",
			"九、真实性声明",
		],
	)
	assert positions == sorted(positions)
	assert not any(text.endswith("（三）重点任务") for text in texts if text.startswith("[box]"))


@pytest.mark.parametrize(
	("code", "approach"), [("miit-review-2026", "总体思路"), ("shanxi-review-2026", "（一）总体思路")]
)
def test_the_review_plan_follows_the_completion_table(code, approach):
	texts = printed_texts(code)
	positions = ordered(
		texts,
		[
			"三、发展成效",
			"（集群2023年围绕",
			"[table 方向]",
			"四、未来三年中小企业特色产业集群发展规划",
			approach,
			"（集群须围绕",
			"2.阶段性目标",
		],
	)
	assert positions == sorted(positions)
	tasks = ordered(texts, ["2.阶段性目标", "重点任务" if code.startswith("miit") else "（三）重点任务"])
	assert tasks == sorted(tasks)


def test_room_left_over_goes_to_long_header_guidance():
	rows = [
		[str(n), "山西晋盛精密机械00001有限公司", "太原市", "小店区", "小店经济开发区"] + [""] * 7
		for n in range(30)
	]
	notes = (
		[""] * 9
		+ ["（获评世界500强、国内500强、民营企业500强、全球行业50强中任意一项或多项都认定为品牌企业）"]
		+ [""] * 2
	)
	em = [width * 70 / 100 for width in column_widths(HEADERS, rows, 70, notes)]
	assert em[9] > 6 and em[9] > em[7] + 2  # 品牌 gets room for its guidance, 是否为规上企业 does not
	assert em[1] >= text_em(rows[0][1])
