"""The city's papers around the filings, laid out as seed 002 prints them: the 推荐汇总表 (附件1)
and the 复核情况汇总表 (附件4) of a Recommendation List, and the 现场核查符合性说明 (附件8
template) of an Onsite Verification."""

from dataclasses import dataclass

from cluster_registry import filing_terms
from cluster_registry.renderers.blocks import Block, Cell, Para, Table, shown


@dataclass(frozen=True)
class SummaryTable:
	title: str  # {year}: the round year, or the year of the recognition under review
	years_back: int  # recognition year = round year - years_back
	columns: tuple[tuple[str, str, float], ...]  # (key, label, relative width)


# Seed 002 附件1: 2026 年度国家级、省级中小企业特色产业集群推荐汇总表.
RECOMMENDATION = SummaryTable(
	"{year}年度国家级、省级中小企业特色产业集群推荐汇总表",
	0,
	(
		("seq", "序号", 4),
		("cluster_name", "集群名称", 13),
		("operator", "集群运营管理机构", 12),
		("city_name", "所在市（州）", 8),
		("county_name", "所在县（市、区）", 8),
		("lead_industry", "主导产业", 9),
		("established_year", "集群成立时间", 7),
		("summary", "集群简介（300字以内）", 39),
	),
)
# Seed 002 附件4: 2023 年度国家级、省级中小企业特色产业集群复核情况汇总表 (in the 2026 round).
REVIEW = SummaryTable(
	"{year}年度国家级、省级中小企业特色产业集群复核情况汇总表",
	3,
	(
		("seq", "序号", 4),
		("cluster_name", "集群名称", 13),
		("city_name", "所在市（州）", 8),
		("county_name", "所在县（市、区）", 8),
		("lead_industry", "主导产业", 9),
		("summary", "集群简介（300字以内）", 34),
		("review_opinion", "复核意见", 15),
		("remarks", "备注", 9),
	),
)
# Seed 002 附件1: the guidance the template prints under 集群简介 (the year: the round's last data year).
SUMMARY_GUIDANCE = (
	"（集群主导产业发展情况，行业地位，荣誉称号等。{year}年，集群总产值，中小企业数量，专精特新中小企业数量，"
	"专精特新“小巨人”企业数量，国家级制造业单项冠军企业数量。近三年集群中小企业主持制定国际、国家、行业标准数量，"
	"中小企业有效发明专利数量，万人发明专利拥有量等。）"
)
AUTHORITY_LINE = "市级中小企业主管部门：（盖章）"
CONTACT_LINE = "联系人及联系方式："
ONSITE_TITLE = "现场核查符合性说明"
# Seed 002 附件8: each sentence of the template, as stated when its check is ticked and as
# stated when it is not.
ONSITE_STATEMENTS = (
	("materials_genuine", "的申报材料真实有效，符合申报要求", "的申报材料经核查不符合申报要求"),
	(
		"not_prohibited",
		"集群主导产业不属于国家规定的禁止、限制和淘汰类产业",
		"集群主导产业属于国家规定的禁止、限制和淘汰类产业",
	),
	(
		"no_major_accident",
		"集群内企业近三年未发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件",
		"集群内企业近三年发生过较大及以上安全、质量、环境污染等事故，或重大及以上网络安全事件和数据安全事件",
	),
	(
		"no_tax_violation",
		"不存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
		"存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
	),
)


def summary_table(filing_kind: str) -> SummaryTable:
	return REVIEW if filing_kind == filing_terms.REVIEW else RECOMMENDATION


def summary_title(filing_kind: str, round_year: int) -> str:
	table = summary_table(filing_kind)
	return table.title.format(year=round_year - table.years_back)


def column_guidance(filing_kind: str, round_year: int) -> dict[str, str]:
	"""column key -> the template's guidance printed in that column's header."""
	if filing_kind == filing_terms.REVIEW:
		return {}
	return {"summary": SUMMARY_GUIDANCE.format(year=round_year - 1)}


def heading_lines(authority: str, contact: str) -> list[str]:
	"""The two lines under the title: the city's seal and its contact."""
	return [f"{AUTHORITY_LINE}{authority}", f"{CONTACT_LINE}{contact}"]


def summary_rows(rows: list[dict]) -> list[dict]:
	"""The rows numbered 1, 2, … in the 序号 column."""
	return [{**row, "seq": number} for number, row in enumerate(rows, 1)]


def summary_blocks(
	filing_kind: str, round_year: int, authority: str, contact: str, rows: list[dict]
) -> list[Block]:
	table = summary_table(filing_kind)
	guidance = column_guidance(filing_kind, round_year)
	header = [
		Cell([label], head=True, align="center", notes=[guidance[key]] if key in guidance else [])
		for key, label, _width in table.columns
	]
	body = [
		[
			Cell([shown(row.get(key))], align="center" if key == "seq" else "")
			for key, _label, _width in table.columns
		]
		for row in summary_rows(rows)
	] or [[Cell([""]) for _column in table.columns]]
	return [
		Para(summary_title(filing_kind, round_year), "heading-center"),
		*(Para(line, "note") for line in heading_lines(authority, contact)),
		Table([width for _key, _label, width in table.columns], [header, *body], header_rows=1),
	]


def onsite_blocks(
	place: str, checks: dict, remarks: str = "", authority: str = "", date: str = ""
) -> list[Block]:
	"""The statement of the template, sentence by sentence as the city checked it; with nothing
	checked yet (no verification on record) it prints as the blank template."""
	place = place or "××县（市、区）"
	sentences = [(held if checks.get(key, True) else not_held) for key, held, not_held in ONSITE_STATEMENTS]
	statement = f"经现场核查，{place}{sentences[0]}。" + "；".join(sentences[1:]) + "。"
	blocks: list[Block] = [Para(ONSITE_TITLE, "heading-center"), Para(statement, "body")]
	if remarks:
		blocks += [Para(line, "body") for line in remarks.splitlines()]
	blocks += [
		Para("（市级中小企业主管部门盖章）", "signature"),
		Para(authority, "signature"),
		Para(date or "年    月    日", "signature"),
	]
	return blocks
