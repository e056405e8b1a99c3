"""The official forms as data: the seven shipped definitions against the seeds, the year arithmetic,
an eighth form dropped in as one file, and the problems a broken definition is refused for.

Expected values are copied by hand from the seeds in /work/shared/seeds (000 MIIT 复核, 001 Guangdong,
002 Shanxi notice with its attachments, 003 Ningxia, 004 competition)."""

import copy
import json
import os
from pathlib import Path

import pytest

from cluster_registry.forms import definitions, schema
from cluster_registry.forms.definitions import DefinitionError

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "forms"
INDICATOR_DOCTYPE = (
	REPO / "cluster_registry/cluster_registry/doctype/cluster_annual_indicator/cluster_annual_indicator.json"
)
INDICATOR_FIELDS = {field["fieldname"] for field in json.loads(INDICATOR_DOCTYPE.read_text())["fields"]}

SHIPPED = [
	"competition-2026",
	"guangdong-apply-2023",
	"miit-apply-2026",
	"miit-review-2026",
	"ningxia-apply-2026",
	"shanxi-apply-2026",
	"shanxi-review-2026",
]


def item(definition: dict, key: str) -> dict:
	[found] = [entry for _section, entry in definitions.items(definition) if entry["key"] == key]
	return found


def catalogue_title(definition: dict, number: int) -> str:
	[title] = [entry["title"] for entry in definition["catalogue"] if entry["no"] == number]
	return title


def rule_of(definition: dict, indicator: str) -> dict:
	[row] = [row for row in item(definition, "targets")["rows"] if row["indicator"] == indicator]
	return row["rule"]


# ---- the shipped definitions ----------------------------------------------------------------


@pytest.mark.parametrize("code", SHIPPED)
def test_each_shipped_form_loads_without_problems(code):
	definition = definitions.load(code)
	assert definition["code"] == code
	assert schema.problems(definition, INDICATOR_FIELDS) == []


def test_available_lists_the_seven_forms_by_code():
	listed = definitions.available()
	assert [summary["code"] for summary in listed] == SHIPPED
	[guangdong] = [summary for summary in listed if summary["code"] == "guangdong-apply-2023"]
	assert guangdong == {
		"code": "guangdong-apply-2023",
		"title": "中小企业特色产业集群申报表",
		"filing_kind": "申报",
		"level": "省级",
		"jurisdiction": "广东省",
		"round_year": 2023,
	}


def test_kinds_and_levels_of_the_seven():
	kinds = {
		summary["code"]: (summary["filing_kind"], summary["level"]) for summary in definitions.available()
	}
	assert kinds == {
		"competition-2026": ("竞赛", "省级"),
		"guangdong-apply-2023": ("申报", "省级"),
		"miit-apply-2026": ("申报", "国家级"),
		"miit-review-2026": ("复核", "国家级"),
		"ningxia-apply-2026": ("申报", "省级"),
		"shanxi-apply-2026": ("申报", "省级"),
		"shanxi-review-2026": ("复核", "省级"),
	}


def test_an_unknown_code_is_a_lookup_error():
	with pytest.raises(LookupError):
		definitions.load("hunan-apply-2026")


# ---- years -----------------------------------------------------------------------------------


def test_round_years_of_the_miit_form_in_2026():
	assert definitions.round_years(definitions.load("miit-apply-2026"), 2026) == {
		"data": [2023, 2024, 2025],
		"baseline": 2025,
		"target": 2028,
		"stages": [2026, 2027, 2028],
	}


def test_round_years_of_the_guangdong_2023_form():
	years = definitions.round_years(definitions.load("guangdong-apply-2023"), 2023)
	assert years["data"] == [2020, 2021, 2022]
	assert (years["baseline"], years["target"]) == (2022, 2025)
	assert years["stages"] == [2023, 2024, 2025]


def test_the_competition_uses_the_last_two_years():
	years = definitions.round_years(definitions.load("competition-2026"), 2026)
	assert years["data"] == [2024, 2025]
	assert years["stages"] == [2026, 2027, 2028]


def test_fill_years():
	assert definitions.fill_years("{y-1}年基准值", 2026) == "2025年基准值"
	assert definitions.fill_years("{y+2}年目标值", 2026) == "2028年目标值"
	assert definitions.fill_years("（1）{y}年度", 2023) == "（1）2023年度"
	assert definitions.fill_years("{y-3}年-{y-1}年", 2026) == "2023年-2025年"


def test_no_printed_text_names_a_calendar_year():
	cutoff = definitions.load("miit-apply-2026")["instructions"][5]
	assert definitions.fill_years(cutoff, 2026) == "未注明填报年度的，请填写截止到2025年底的数据。"
	assert definitions.fill_years(cutoff, 2029) == "未注明填报年度的，请填写截止到2028年底的数据。"


# ---- Shanxi and MIIT 申报表 (seed 002 附件2, 附件3) --------------------------------------------


def test_shanxi_apply_row_of_the_county_share():
	row = item(definitions.load("shanxi-apply-2026"), "output_share_of_county")
	assert row["type"] == "yearly"
	assert row["label"] == "集群总产值占所在县级行政区划工业总产值比例（%）"
	assert row["indicator"] == "output_share_of_county"
	assert row["required"] is True


def test_shanxi_apply_chain_work_has_its_eight_options_and_needs_evidence():
	definition = definitions.load("shanxi-apply-2026")
	group = item(definition, "chain_work")
	assert group["label"] == "集群已开展的产业链强链补链工作"
	assert [option["label"] for option in group["options"]] == [
		"绘制产业链图谱，开展产业链培育",
		"形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制",
		"联合集群上下游企业，组建创新联合体，开展产业链联合攻关",
		"引入高等院校、科研院所，开展产业链关键环节产学研协同创新",
		"建有产业链上下游产供销一体化协同协作机制",
		"与产业链“链主”企业建立稳定合作配套关系",
		"与先进制造业集群、国家新型工业化产业示范基地建立稳定合作配套关系",
		"开展供应链风险评估工作，建立供应链风险防范机制",
	]
	assert group["evidence"] is True
	assert catalogue_title(definition, group["catalogue"]) == "集群已开展的产业链强链补链工作佐证材料"


def test_shanxi_apply_honour_counts_need_a_name_list():
	definition = definitions.load("shanxi-apply-2026")
	little_giants = item(definition, "little_giants")
	assert little_giants["label"] == (
		"主导产业相关的国家级专精特新“小巨人”企业数量（年度累计值）"
		"（注：需附名单，包含序号、企业名称、企业简介、经营范围、认定年度等信息）"
	)
	assert (little_giants["indicator"], little_giants["needs_list"]) == ("little_giant_count", True)
	assert "needs_list" not in item(definition, "innovative_smes")


def test_yes_no_declarations_and_their_explanations():
	definition = definitions.load("shanxi-apply-2026")
	accidents = item(definition, "accidents")
	assert accidents["options"] == ["是", "否"]
	assert accidents["explain"] == ["是"]
	assert item(definition, "energy_efficiency")["options"] == ["是", "否", "非高耗能行业，不适用"]
	assert item(definition, "water_efficiency")["options"] == ["是", "否", "非高用水行业，不适用"]
	industry_type = item(definition, "industry_type")
	assert industry_type["options"] == ["第一产业", "第二产业", "第三产业"]
	assert industry_type["source"] == "cluster.industry_type"
	assert "explain" not in item(definition, "prohibited_industry")


def test_shanxi_apply_standards_grid_and_innovation_platforms():
	definition = definitions.load("shanxi-apply-2026")
	grid = item(definition, "standards")
	assert grid["type"] == "standards"
	assert grid["needs_list"] is True
	platforms = [
		item(definition, key) for key in ("national_platforms", "provincial_platforms", "other_platforms")
	]
	assert [platform["label"] for platform in platforms] == [
		"国家制造业创新中心或国家级创新平台名称及数量",
		"省级制造业创新中心或省级创新平台名称及数量",
		"其他平台名称及数量",
	]
	assert [platform["list"]["filters"]["level"] for platform in platforms] == ["国家级", "省级", "其他"]
	assert {platform["group"] for platform in platforms} == {"创新平台建设情况（需提供清单及佐证材料）"}


def test_narrative_limits():
	definition = definitions.load("shanxi-apply-2026")
	assert item(definition, "chain_narrative")["limit"] == 200
	assert item(definition, "chain_narrative")["label"] == "集群产业链强链补链情况（200字以内）"
	plan = item(definition, "plan")
	assert plan["limit"] == 3000
	assert plan["guide"][:2] == [
		"一、集群基本情况简介",
		"包括集群主导产业在细分领域所处发展水平，行业地位，获得荣誉称号，以及相关政策制定与实施、优质市场主体培育、产业链供应链建设等方面近三年来发展情况。",
	]
	competition = definitions.load("competition-2026")
	assert item(competition, "self_assessment")["limit"] == 3000
	assert item(competition, "park_report")["limit"] == 2500


def test_shanxi_patent_target_grows_fifteen_percent_a_year():
	assert rule_of(definitions.load("shanxi-apply-2026"), "有效发明专利数量") == {
		"kind": "annual_growth_at_least",
		"value": 15,
		"severity": "error",
		"text": "有效发明专利数年均增长不低于15%",
	}


def test_miit_apply_targets_table_and_its_rules():
	definition = definitions.load("miit-apply-2026")
	targets = item(definition, "targets")
	assert targets["completion"] is False
	assert [(row["direction"], row["indicator"]) for row in targets["rows"]] == [
		("主导产业", "近三年集群产值年均增速"),
		("主导产业", "优质中小企业数量"),
		("创新", "研发经费投入"),
		("创新", "有效发明专利数量"),
		("数字化", "工业互联网普及率"),
		("绿色化", "二氧化碳排放量"),
		("绿色化", "单位工业产值能耗"),
		("开放合作", "定性描述"),
		("治理和服务", "定性描述"),
	]
	assert rule_of(definition, "近三年集群产值年均增速")["kind"] == "value_at_least"
	assert rule_of(definition, "近三年集群产值年均增速")["value"] == 10
	assert rule_of(definition, "优质中小企业数量")["kind"] == "rising_each_stage"
	assert rule_of(definition, "工业互联网普及率")["average"] == "industrial_internet_penetration"
	assert rule_of(definition, "二氧化碳排放量")["measure"] == "reduction"
	note = definitions.fill_years(targets["rules_note"], 2026)
	assert note.startswith("（备注：基准值须符合中小企业特色产业集群认定标准，2028年目标值须符合以下要求：")
	assert item(definition, "stages")["label"] == "2.阶段性目标"


def test_miit_apply_opinion_is_the_provinces_and_shanxis_the_citys():
	assert item(definitions.load("miit-apply-2026"), "opinion")["label"] == "省级中小企业主管部门推荐意见"
	assert item(definitions.load("shanxi-apply-2026"), "opinion")["label"] == "市级中小企业主管部门推荐意见"
	declaration = item(definitions.load("miit-apply-2026"), "declaration")
	assert declaration["signatures"] == [
		"县级行政区划中小企业主管部门负责人（签字）：",
		"县级行政区划中小企业主管部门（公章）：",
		"年    月    日",
	]


def test_the_miit_apply_is_issued_by_the_ministry():
	definition = definitions.load("miit-apply-2026")
	assert (definition["title"], definition["issuer"]) == ("中小企业特色产业集群申报表", "工业和信息化部")
	assert definition["cover"][0]["hint"] == "（XX（省、市）XX（县、区）XX产业）"


# ---- catalogues (seed 002 附件7) ---------------------------------------------------------------


def test_catalogue_sizes_follow_the_seed():
	sizes = {code: len(definitions.load(code)["catalogue"]) for code in SHIPPED if "guangdong" not in code}
	assert sizes["shanxi-apply-2026"] == 20
	assert sizes["miit-apply-2026"] == 20
	assert sizes["shanxi-review-2026"] == 20
	assert sizes["miit-review-2026"] == 21


def test_catalogue_items_of_the_miit_review():
	definition = definitions.load("miit-review-2026")
	assert [entry["no"] for entry in definition["catalogue"]] == list(range(1, 22))
	assert catalogue_title(definition, 2) == "现场核查符合性说明"
	assert catalogue_title(definition, 4) == "被认定为国家中小企业特色产业集群（专业镇）佐证材料"
	assert catalogue_title(definition, 21) == "集群已提供的中小企业公共服务清单、合同等"
	assert [entry["kind"] for entry in definition["catalogue"][:3]] == ["form", "onsite", "evidence"]


def test_shanxi_apply_catalogue_names_the_city_inspection():
	definition = definitions.load("shanxi-apply-2026")
	assert catalogue_title(definition, 1) == "山西省中小企业特色产业集群申报表"
	assert catalogue_title(definition, 2) == "市工信局现场核查符合性说明"
	assert catalogue_title(definition, 13) == "集群碳排放监测机制"
	assert item(definition, "carbon_monitoring")["catalogue"] == 13


# ---- 复核申报表 (seed 000, seed 002 附件5/6) ---------------------------------------------------


def test_miit_review_completion_table_has_the_achieved_column():
	definition = definitions.load("miit-review-2026")
	completed = item(definition, "targets_completed")
	assert completed["completion"] is True
	years = definitions.round_years({"years": {**definition["years"], **completed["years"]}}, 2026)
	assert (years["baseline"], years["target"]) == (2022, 2025)  # 2022年基准值, 2025年目标值/完成值
	new_targets = item(definition, "targets")
	assert new_targets["completion"] is False
	assert new_targets["years"] == {"baseline": -1, "target": 2}


def test_review_forms_ask_whether_the_operator_changed():
	definition = definitions.load("miit-review-2026")
	changed = item(definition, "operator_changed")
	assert (changed["label"], changed["explain"]) == ("是否发生变化", ["是"])
	keys = [entry["key"] for _section, entry in definitions.items(definition)]
	assert "lower_level_recognised" not in keys
	assert [section["title"] for section in definition["sections"]] == [
		"一、基本情况",
		"二、近三年目标完成情况",
		"三、真实性声明及推荐意见",
		"四、佐证材料",
	]
	assert item(definition, "opinion")["label"] == "省级中小企业主管部门复核意见"
	assert item(definitions.load("shanxi-review-2026"), "opinion")["label"] == "市级中小企业主管部门复核意见"


def test_review_evidence_list_years():
	note = item(definitions.load("miit-review-2026"), "evidence_calculations")["text"]
	assert definitions.fill_years(note, 2026) == (
		"2.2023年-2025年年度研发经费计算过程、二氧化碳排放强度计算过程和单位工业产值能耗计算过程；"
	)


# ---- Guangdong (seed 001) and Ningxia (seed 003) ----------------------------------------------


def test_guangdong_penetration_target_is_about_45_percent():
	assert rule_of(definitions.load("guangdong-apply-2023"), "工业互联网普及率") == {
		"kind": "about",
		"value": 45,
		"measure": "value",
		"severity": "warning",
		"text": "工业互联网普及率达到45%左右",
	}


def test_guangdong_reductions_are_about_18_and_13_5_percent():
	definition = definitions.load("guangdong-apply-2023")
	co2, energy = rule_of(definition, "二氧化碳排放量"), rule_of(definition, "单位工业产值能耗")
	assert (co2["kind"], co2["value"], co2["measure"], co2["severity"]) == (
		"about",
		18,
		"reduction",
		"warning",
	)
	assert (energy["value"], energy["text"]) == (13.5, "集群单位工业产值能耗下降达到13.5%左右")


def test_guangdong_declarations_are_worded_positively():
	definition = definitions.load("guangdong-apply-2023")
	assert item(definition, "no_accidents")["label"] == (
		"近三年未发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件"
	)
	assert item(definition, "energy_efficiency")["options"] == ["是", "否", "不涉及"]
	assert item(definition, "solid_waste_above_average")["options"] == ["是", "否", "非工业集群，不适用"]


def test_ningxia_rows():
	definition = definitions.load("ningxia-apply-2026")
	assert definition["title"] == "自治区中小企业特色产业集群申报表"
	assert item(definition, "specialized_smes")["label"] == "主导产业相关的自治区级专精特新中小企业数量"
	assert item(definition, "pct_applications")["label"] == "集群中小企业PCT国际专利申请量"
	assert rule_of(definition, "工业互联网普及率")["kind"] == "about"
	assert item(definition, "opinion")["label"] == "市级中小企业主管部门推荐意见"
	assert [section["title"] for section in definition["sections"]][-1] == "九、真实性声明及推荐意见"


# ---- competition (seed 004) ------------------------------------------------------------------


def test_competition_has_the_four_libraries():
	definition = definitions.load("competition-2026")
	sources = {
		key: item(definition, key)["source"]
		for key in (
			"existing_enterprises",
			"prospective_enterprises",
			"projects_in_progress",
			"projects_planned",
		)
	}
	assert sources == {
		"existing_enterprises": "library:Cluster Enterprise",
		"prospective_enterprises": "library:Prospective Enterprise",
		"projects_in_progress": "library:Cluster Project:在建",
		"projects_planned": "library:Cluster Project:拟建",
	}


def test_competition_existing_enterprises_two_row_header():
	columns = item(definitions.load("competition-2026"), "existing_enterprises")["columns"]
	assert len(columns) == 12
	assert [(column.get("group"), column["label"]) for column in columns[:5]] == [
		(None, "序号"),
		(None, "企业名称（填写企业全称）"),
		("企业所在地", "市州"),
		("企业所在地", "县（市）区"),
		("企业所在地", "所在园区"),
	]
	assert [(column.get("group"), column["label"]) for column in columns[-2:]] == [
		("企业联系人", "姓名"),
		("企业联系人", "联系电话"),
	]
	assert definitions.fill_years(columns[8]["label"], 2026) == "2025年主营业务收入（亿元）"


def test_competition_project_libraries():
	definition = definitions.load("competition-2026")
	in_progress = [(c.get("group"), c["label"]) for c in item(definition, "projects_in_progress")["columns"]]
	assert in_progress[2:5] == [("建设地点", "市州"), ("建设地点", "县（市）区"), ("建设地点", "园区")]
	assert len(in_progress) == 13
	planned = [(c.get("group"), c["label"]) for c in item(definition, "projects_planned")["columns"]]
	assert planned[2] == (None, "建设地点")
	assert planned[-2:] == [("项目联系人", "姓名"), ("项目联系人", "联系电话")]
	prospective = [
		(c.get("group"), c["label"]) for c in item(definition, "prospective_enterprises")["columns"]
	]
	assert prospective[2:5] == [("所在地", "国别"), ("所在地", "省份"), ("所在地", "城市")]


def test_competition_indicator_rows_print_growth_and_evidence_page():
	definition = definitions.load("competition-2026")
	smart = item(definition, "smart_factories")
	assert smart["label"] == "领航级/卓越级/先进级/基础级智能工厂数量（个，需提供佐证）"
	assert smart["indicator"].split("/") == [
		"smart_factory_leading_count",
		"smart_factory_excellent_count",
		"smart_factory_advanced_count",
		"smart_factory_basic_count",
	]
	assert (smart["growth"], smart["evidence_page"]) == ("增幅（%）", "佐证页码")
	output = item(definition, "output")
	assert output["growth"] == "增幅（%）"
	assert "evidence_page" not in output  # 2.1 has no 佐证页码 column
	assert "growth" not in item(definition, "green_factories_national")  # 2.5 has no 增幅 column


def test_competition_tables():
	definition = definitions.load("competition-2026")
	top_revenue = item(definition, "top_revenue")
	assert (top_revenue["rows"], top_revenue["total_row"]) == (10, True)
	assert [
		(c.get("group"), definitions.fill_years(c["label"], 2026)) for c in top_revenue["columns"][1:3]
	] == [
		("营业收入（亿元）", "2024年"),
		("营业收入（亿元）", "2025年"),
	]
	park = item(definition, "park_indicators")
	assert [row["label"] for row in park["row_labels"]][:2] == [
		"园区生产总值（亿元）",
		"园区规上工业企业数（个）",
	]
	assert [(c.get("group"), c["label"]) for c in park["columns"][1:3]] == [
		("{y-2}年", "园区总额"),
		("{y-2}年", "其中：集群产业"),
	]
	economic = item(definition, "economic_targets")
	assert [definitions.fill_years(c["label"], 2026) for c in economic["columns"][2:]] == [
		"2026年发展目标",
		"2027年发展目标",
		"2028年发展目标",
	]


# ---- the order of items ----------------------------------------------------------------------


def test_items_come_in_form_order():
	definition = definitions.load("miit-apply-2026")
	pairs = list(definitions.items(definition))
	assert pairs[0][0]["title"] == "一、基本情况"
	assert pairs[0][1]["key"] == "cluster_name"
	assert [entry["key"] for _section, entry in pairs[-2:]] == ["declaration", "opinion"]
	assert len(pairs) == sum(len(section["items"]) for section in definition["sections"])


# ---- an eighth form, dropped in --------------------------------------------------------------


def test_an_eighth_form_loads_from_an_extra_folder():
	yunnan = definitions.load("yunnan-apply-2026", [FIXTURES])
	assert yunnan["jurisdiction"] == "云南省"
	assert schema.problems(yunnan, INDICATOR_FIELDS) == []
	assert definitions.round_years(yunnan, 2026)["data"] == [2023, 2024, 2025]
	codes = [summary["code"] for summary in definitions.available(extra_dirs=[FIXTURES])]
	assert codes == sorted([*SHIPPED, "yunnan-apply-2026"])
	assert "yunnan-apply-2026" not in [summary["code"] for summary in definitions.available()]


def test_a_loaded_definition_is_the_callers_own_copy():
	first = definitions.load("yunnan-apply-2026", [FIXTURES])
	first["sections"].clear()
	assert definitions.load("yunnan-apply-2026", [FIXTURES])["sections"]


def test_an_edited_file_is_read_again(tmp_path):
	path = tmp_path / "yunnan-apply-2026.json"
	definition = json.loads((FIXTURES / "yunnan-apply-2026.json").read_text())
	path.write_text(json.dumps(definition, ensure_ascii=False))
	assert definitions.load("yunnan-apply-2026", [tmp_path])["title"] == "云南省中小企业特色产业集群申报表"
	definition["title"] = "云南省中小企业特色产业集群申报表（修订）"
	path.write_text(json.dumps(definition, ensure_ascii=False))
	stat = path.stat()
	os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
	assert (
		definitions.load("yunnan-apply-2026", [tmp_path])["title"]
		== "云南省中小企业特色产业集群申报表（修订）"
	)


def test_the_same_code_in_two_folders_is_refused(tmp_path):
	(tmp_path / "miit-apply-2026.json").write_text((FIXTURES / "yunnan-apply-2026.json").read_text())
	with pytest.raises(DefinitionError, match="defined twice"):
		definitions.available([tmp_path])


# ---- broken definitions ----------------------------------------------------------------------


def yunnan() -> dict:
	return copy.deepcopy(json.loads((FIXTURES / "yunnan-apply-2026.json").read_text()))


def test_a_broken_definition_has_each_problem_named():
	broken = yunnan()
	basic, industry, _plan = broken["sections"]
	basic["items"].append({"type": "text", "key": "total_output", "label": "集群总产值", "required": True})
	industry["items"].append({"type": "slider", "key": "mood", "label": "心情"})
	basic["items"][0]["label"] = "集群名称（{year}年）"
	broken["catalogue"].append({"no": 4, "title": "集群碳排放监测机制", "kind": "evidence"})
	industry["items"][1]["catalogue"] = 9
	found = schema.problems(broken)
	assert "duplicate item key 'total_output'" in found
	assert "item 'mood': unknown item type 'slider'" in found
	assert "definition.sections[0].items[0].label: placeholder {year} is not {y} or {y±n}" in found
	assert "catalogue numbers 1, 2, 4 are not 1..3 in order without gaps" in found
	assert "item 'chain_work': catalogue 9 is not a number of the catalogue" in found
	assert len(found) == 5


def test_rules_indicators_and_written_years_are_checked():
	broken = yunnan()
	industry, plan = broken["sections"][1], broken["sections"][2]
	industry["items"][0]["indicator"] = "gross_output"
	targets = plan["items"][1]
	targets["rows"][0]["rule"]["kind"] = "at_most"
	targets["label"] = "2028年目标"
	found = schema.problems(broken, INDICATOR_FIELDS)
	assert found == [
		"item 'total_output': indicator 'gross_output' is not a field of Cluster Annual Indicator",
		"item 'targets' row 1: unknown rule kind 'at_most'",
		"definition.sections[2].items[1].label: year '2028年' is written out; use {y±n}",
	]


def test_missing_keys_are_named():
	broken = yunnan()
	del broken["years"], broken["catalogue"]
	assert schema.problems(broken) == ["missing key 'years'", "missing key 'catalogue'"]


def test_a_broken_file_is_refused_with_its_problems(tmp_path):
	broken = yunnan()
	broken["code"] = "yunnan-apply-2027"
	broken["sections"][0]["items"][1]["explain"] = ["不适用"]
	(tmp_path / "yunnan-apply-2026.json").write_text(json.dumps(broken, ensure_ascii=False))
	with pytest.raises(DefinitionError) as refused:
		definitions.load("yunnan-apply-2026", [tmp_path])
	assert refused.value.problems == [
		"item 'accidents': explain names 不适用, not among the options",
		"code 'yunnan-apply-2027' differs from the file name 'yunnan-apply-2026.json'",
	]
