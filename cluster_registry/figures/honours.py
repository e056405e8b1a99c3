"""Honours (荣誉资质) of enterprises and the indicator counts drawn from them.

The honour names are those of the official forms (seeds 000–004). The counts are cumulative by
year (年度累计值): an enterprise counts in year Y when it belongs to the cluster in Y, works in
the lead industry, was awarded the honour in Y or before, and the honour had not expired before
1 January of Y.
"""

NATIONAL_CHAMPION = "国家级制造业单项冠军"
PROVINCIAL_CHAMPION = "省级制造业单项冠军"
LITTLE_GIANT = "专精特新“小巨人”企业"
PROVINCIAL_LITTLE_GIANT = "省级专精特新“小巨人”企业"
SPECIALISED_SME = "省级专精特新中小企业"
INNOVATIVE_SME = "创新型中小企业"
HIGH_TECH = "国家高新技术企业"
CHAIN_LEADER = "链主企业"
INTEGRATION_CERTIFIED = "两化融合管理体系贯标"

# honour -> indicator field counting the enterprises that hold it
HONOUR_COUNTS: dict[str, str] = {
	NATIONAL_CHAMPION: "national_champion_count",
	PROVINCIAL_CHAMPION: "provincial_champion_count",
	LITTLE_GIANT: "little_giant_count",
	PROVINCIAL_LITTLE_GIANT: "provincial_little_giant_count",
	SPECIALISED_SME: "specialized_sme_count",
	INNOVATIVE_SME: "innovative_sme_count",
	HIGH_TECH: "high_tech_count",
	CHAIN_LEADER: "chain_leader_count",
	INTEGRATION_CERTIFIED: "integration_certified_count",
	"领航级智能工厂": "smart_factory_leading_count",
	"卓越级智能工厂": "smart_factory_excellent_count",
	"先进级智能工厂": "smart_factory_advanced_count",
	"基础级智能工厂": "smart_factory_basic_count",
	"国家级绿色工厂": "green_factory_national_count",
	"省级绿色工厂": "green_factory_provincial_count",
	"国家级绿色供应链管理企业": "green_supply_chain_national_count",
	"省级绿色供应链管理企业": "green_supply_chain_provincial_count",
}

# Rankings that make a 品牌企业 in the competition form's 现有企业库 (with the titles above).
BRAND_RANKINGS = ("世界500强", "中国企业500强", "中国民营企业500强", "全球行业50强")
BRAND_HONOURS = (
	*BRAND_RANKINGS,
	LITTLE_GIANT,
	PROVINCIAL_LITTLE_GIANT,
	NATIONAL_CHAMPION,
	PROVINCIAL_CHAMPION,
)
# every title an enterprise can hold in the library (the honour counts and the brand rankings)
HONOUR_TYPES = (*HONOUR_COUNTS, *BRAND_RANKINGS)

# 优质中小企业 (MIIT gradient cultivation): innovative SMEs, specialised SMEs and little giants,
# counted once per SME whatever number of these titles it holds.
QUALITY_SME_HONOURS = (INNOVATIVE_SME, SPECIALISED_SME, LITTLE_GIANT)
QUALITY_SME_FIELD = "quality_sme_count"

# Counts of the membership itself, by enterprise attribute.
MEMBERSHIP_FIELDS = ("enterprise_count", "sme_count", "above_size_count", "listed_count")
NOT_LISTED = ("", "未上市")

LIBRARY_FIELDS = (*MEMBERSHIP_FIELDS, QUALITY_SME_FIELD, *HONOUR_COUNTS.values())


def brand_titles(held: list[str]) -> str:
	"""The 品牌企业 column: every brand title the enterprise holds, in the form's order."""
	return "、".join(title for title in BRAND_HONOURS if title in held)
