"""The layouts a county or the province imports, as data: one definition per layout with its
headers (as printed), the kind of value under each, and the columns that identify an entry.

The four 库 are read from the competition form's definition (forms/definitions/competition-*.json,
seed 004), the same tables the Excel export writes, so an exported file re-imports as it is. The
enterprise library, the name lists and the honour list are defined here; the yearly figures are
one row per year with a column per typed indicator of the Cluster Annual Indicator.
"""

import re
import unicodedata
from dataclasses import dataclass

from cluster_registry.figures.honours import HONOUR_TYPES

PLACEHOLDER = re.compile(r"\{y[+-]\d+\}")
HONOUR_GROUP = "荣誉资质（填写认定年度）"


@dataclass(frozen=True)
class Column:
	key: str
	label: str  # as printed; {y-1} stands for any year, read from the header
	group: str | None = None
	kind: str = "text"  # a converter of imports.values, "seq" (ignored) or "derived" (ignored)
	required: bool = False

	def as_export(self) -> dict:
		column = {"key": self.key, "label": self.label}
		if self.group:
			column["group"] = self.group
		return column


@dataclass(frozen=True)
class Layout:
	key: str
	title: str
	sheet: str
	columns: tuple[Column, ...]
	match: tuple[str, ...]  # the columns that identify an entry within the cluster (or province)
	scope: str = "cluster"  # "cluster": imported into one cluster; "province": across the library

	@property
	def two_header_rows(self) -> bool:
		return any(column.group for column in self.columns)

	def column(self, key: str) -> Column:
		return next(column for column in self.columns if column.key == key)


def seq() -> Column:
	return Column("seq", "序号", kind="seq")


def contact(group: str = "企业联系人") -> tuple[Column, Column]:
	return Column("contact_name", "姓名", group), Column("contact_phone", "联系电话", group)


# ---- the four 库 (seed 004), from the form definition ----------------------------------------

LIBRARY_KINDS = {
	"seq": "seq",
	"main_business_revenue": "decimal",
	"total_investment": "decimal",
	"above_size": "yes_no",
	"domestic_brand": "yes_no",
	"international_brand": "yes_no",
	"construction_period": "period",
	"start_date": "date",
	"brand": "derived",  # the brand titles follow from the enterprise's honours
}
LIBRARY_REQUIRED = frozenset({"enterprise_name", "project_name"})
LIBRARY_MATCH = {
	"existing_enterprises": ("enterprise_name",),
	"prospective_enterprises": ("enterprise_name",),
	"projects_in_progress": ("project_name",),
	"projects_planned": ("project_name",),
}


def sheet_name(label: str) -> str:
	"""（一）现有企业库（共有…） -> 现有企业库."""
	return label.split("）", 1)[-1].split("（", 1)[0]


def library_layout(item: dict) -> Layout:
	"""The layout of one 库 table of a form definition (an item with source library:…)."""
	return Layout(
		item["key"],
		item["label"],
		sheet_name(item["label"]),
		tuple(
			Column(
				column["key"],
				column["label"],
				column.get("group"),
				LIBRARY_KINDS.get(column["key"], "text"),
				column["key"] in LIBRARY_REQUIRED,
			)
			for column in item["columns"]
		),
		LIBRARY_MATCH[item["key"]],
	)


# ---- the enterprise library with honours and membership -------------------------------------

ENTERPRISES = Layout(
	"enterprises",
	"集群企业名录（含荣誉资质）",
	"企业名录",
	(
		seq(),
		Column("uscc", "统一社会信用代码", kind="uscc", required=True),
		Column("enterprise_name", "企业名称（填写企业全称）", required=True),
		Column("park", "所在园区"),
		Column("is_sme", "是否为中小企业", kind="yes_no"),
		Column("is_above_designated_size", "是否为规上企业", kind="yes_no"),
		Column("listing_status", "上市情况", kind="select"),
		Column("established_year", "成立年份", kind="year"),
		Column("main_products", "主导产品（不超过3种）"),
		Column("profile", "企业概况"),
		Column("business_scope", "经营范围"),
		Column("lead_industry_related", "是否属于集群主导产业", kind="yes_no"),
		Column("joined_year", "加入集群年份", kind="year", required=True),
		Column("left_year", "退出集群年份", kind="year"),
		*contact(),
		*(Column(f"honour:{honour}", honour, HONOUR_GROUP, "year") for honour in HONOUR_TYPES),
	),
	("uscc",),
)

HONOUR_LIST = Layout(
	"honour_list",
	"企业荣誉认定名单",
	"荣誉名单",
	(
		seq(),
		Column("uscc", "统一社会信用代码", kind="uscc", required=True),
		Column("enterprise_name", "企业名称"),
		Column("honour_type", "荣誉名称", kind="select", required=True),
		Column("year_awarded", "认定年度", kind="year", required=True),
		Column("valid_until", "有效期至", kind="date"),
		Column("document_no", "认定文号"),
	),
	("uscc", "honour_type", "year_awarded"),
	scope="province",
)


# ---- the name lists (keys are the DocType's fieldnames; holder_uscc links the enterprise) ----


def holder(label: str = "所属企业统一社会信用代码") -> Column:
	return Column("holder_uscc", label, kind="uscc")


def approval(word: str = "批准") -> tuple[Column, Column, Column]:
	"""The year, date and authority of an approval (批准) or recognition (认定)."""
	return (
		Column("approval_year", f"{word}年度", kind="year", required=True),
		Column("approval_date", f"{word}时间", kind="date"),
		Column("approving_authority", f"{word}单位"),
	)


def name_list(key: str, title: str, sheet: str, name: Column, *columns: Column) -> Layout:
	"""A name list: 序号, the entry's name or number (what identifies it in the cluster), its columns."""
	return Layout(key, title, sheet, (seq(), name, *columns), (name.key,))


NAME_LISTS = {
	"Cluster Patent": name_list(
		"patents",
		"集群专利清单",
		"专利清单",
		Column("patent_no", "专利号（品种权号、登记号）", kind="code", required=True),
		Column("title", "名称", required=True),
		Column("patent_type", "类型", kind="select", required=True),
		holder("权利人统一社会信用代码"),
		Column("holder_name", "权利人名称"),
		Column("grant_year", "授权年度", kind="year", required=True),
		Column("lapsed_year", "失效年度", kind="year"),
	),
	"Cluster Standard": name_list(
		"standards",
		"集群主导、参与制定标准清单",
		"标准清单",
		Column("standard_no", "标准号", kind="code", required=True),
		Column("standard_name", "标准名称", required=True),
		Column("category", "标准类别（国际/国家/行业/团体）", kind="select", required=True),
		Column("role", "主持或参与", kind="select", required=True),
		Column("drafting_rank", "起草单位排名", kind="int"),
		Column("year", "发布年度", kind="year", required=True),
		holder("起草企业统一社会信用代码"),
		Column("holder_name", "起草企业名称"),
	),
	"Innovation Platform": name_list(
		"innovation_platforms",
		"集群技术创新载体清单",
		"创新平台清单",
		Column("platform_name", "技术创新载体名称", required=True),
		Column("level", "级别", kind="select", required=True),
		Column("platform_type", "类型", kind="select", required=True),
		holder("依托企业统一社会信用代码"),
		*approval(),
	),
	"Green Manufacturing Entry": name_list(
		"green_entries",
		"集群绿色工厂、绿色供应链企业等名单",
		"绿色制造名单",
		Column("entry_name", "名称", required=True),
		Column("category", "类别", kind="select", required=True),
		Column("level", "级别", kind="select", required=True),
		holder("企业统一社会信用代码"),
		*approval(),
	),
	"Public Service Platform": name_list(
		"service_platforms",
		"集群公共服务平台清单",
		"公共服务平台清单",
		Column("platform_name", "名称", required=True),
		Column("level", "级别", kind="select", required=True),
		Column("services", "服务内容"),
		*approval("认定"),
	),
	"Overseas Branch": name_list(
		"overseas_branches",
		"集群企业境外分支机构清单",
		"境外分支机构清单",
		Column("branch_name", "机构名称", required=True),
		holder(),
		Column("country", "国家或地区", required=True),
		Column("established_year", "设立年份", kind="year", required=True),
		Column("closed_year", "撤销年份", kind="year"),
		Column("registration_no", "注册号"),
	),
	"Industry Alliance": name_list(
		"alliances",
		"集群产业联盟、行业协会清单",
		"产业联盟清单",
		Column("alliance_name", "名称", required=True),
		Column("kind", "类型", kind="select", required=True),
		Column("established_year", "成立年份", kind="year", required=True),
		Column("dissolved_year", "解散年份", kind="year"),
	),
}


def yearly_layout(indicators: list[tuple[str, str, str]]) -> Layout:
	"""The yearly figures: one row per year, a column per (fieldname, label, kind) indicator."""
	return Layout(
		"yearly_figures",
		"集群主要经济指标（每年一行）",
		"年度指标",
		(
			Column("year", "年度", kind="year", required=True),
			*(Column(field, label, kind=kind) for field, label, kind in indicators),
		),
		("year",),
	)


# ---- matching headers as typed ------------------------------------------------------------------


def normal_header(text) -> str:
	"""A header as compared: narrow characters, no spaces or line breaks, one kind of quote."""
	if text is None:
		return ""
	folded = unicodedata.normalize("NFKC", str(text))
	for quote in "“”„‟＂":
		folded = folded.replace(quote, '"')
	return "".join(folded.split())


def header_pattern(label: str) -> re.Pattern:
	"""A pattern of the label in which each {y±n} is any year, captured."""
	parts = PLACEHOLDER.split(normal_header(label))
	return re.compile(r"(\d{4})".join(re.escape(part) for part in parts))
