"""The REST API, as a provincial data platform or a county's own tool uses it, on a running server."""

import secrets

import builders as make
import frappe
import pytest
from rest_client import refused_by, server_message

from cluster_registry.cluster_registry.input_checks import label

RUN = secrets.token_hex(3)


@pytest.fixture(scope="module")
def cluster(api):
	sector = api.insert(
		"Cluster Sub-sector",
		{
			"sub_sector_name": f"新材料·接口{RUN}",
			"industry_type": "第二产业",
			"industry_averages": [{"year": 2025, "industrial_internet_penetration": 32.5}],
		},
	)
	assert sector.status_code == 200, server_message(sector)
	response = api.insert(
		"Industrial Cluster",
		{
			"cluster_name": f"山西省太原市小店区新材料产业集群{RUN}",
			"county": make.COUNTY,
			"lead_industry": "先进金属材料",
			"sub_sector": sector.json()["data"]["name"],
			"competent_authority": "太原市小店区工业和信息化局",
			"operator": "小店区新材料产业园管理委员会",
			"area_km2": 12.345,
			"parks": [{"park_name": "小店新材料产业园", "is_core": 1}],
			"recognitions": [{"level": "省级", "year": 2023, "document_no": "晋工信企业函〔2023〕12号"}],
		},
	)
	assert response.status_code == 200, server_message(response)
	return response.json()["data"]


def test_a_cluster_through_the_api(api, cluster):
	data = api.get("Industrial Cluster", cluster["name"]).json()["data"]
	assert (data["city"], data["province"]) == (make.CITY, make.PROVINCE)
	assert data["area_km2"] == 12.35  # two places, half up
	assert data["parks"][0]["park_name"] == "小店新材料产业园"


def test_held_out_figures_entered_through_the_api_are_stored_as_computed_by_hand(api, cluster):
	years = {
		2022: {
			"total_output": 38.00,
			"sme_output": 27.55,
			"lead_industry_output": 30.40,
			"sme_rd_expense": 0.80,
		},
		2023: {
			"total_output": 41.60,
			"sme_output": 30.10,
			"lead_industry_output": 33.50,
			"sme_rd_expense": 0.90,
		},
		2024: {
			"total_output": 45.90,
			"sme_output": 33.40,
			"lead_industry_output": 37.20,
			"sme_rd_expense": 1.00,
		},
		2025: {
			"total_output": 50.70,
			"sme_output": 36.90,
			"lead_industry_output": 41.30,
			"sme_rd_expense": 1.12,
			"sme_employees": 12800,
			"energy_consumption": 121680,
		},
	}
	for year in (2025, 2022, 2024, 2023):  # out of order, as data arrives
		response = api.insert(
			"Cluster Annual Indicator", {"cluster": cluster["name"], "year": year, **years[year]}
		)
		assert response.status_code == 200, server_message(response)
	[row] = api.list(
		"Cluster Annual Indicator", [["cluster", "=", cluster["name"]], ["year", "=", 2025]], ["name"]
	)
	data = api.get("Cluster Annual Indicator", row["name"]).json()["data"]
	expected = {
		"sme_output_share": 72.78,  # 36.90 / 50.70
		"lead_industry_share": 81.46,  # 41.30 / 50.70
		"lead_industry_growth": 11.02,  # 41.30 / 37.20 − 1
		"lead_industry_cagr": 10.75,  # (41.30 / 30.40)^(1/3) − 1 = 10.7538…
		"output_growth": 10.46,  # 50.70 / 45.90 − 1
		"sme_rd_growth": 12.00,  # 1.12 / 1.00 − 1
		"sme_rd_cagr": 11.87,  # (1.12 / 0.80)^(1/3) − 1
		"energy_per_output": 0.24,  # 121680 tce / 507,000 万元
	}
	assert {field: data[field] for field in expected} == expected
	assert data["figure_flags"] == []


@pytest.mark.parametrize(
	"doctype, values, title",
	[
		(
			"Cluster Patent",
			{
				"patent_no": "ZL202310123456.7",
				"title": "一种高强铝合金",
				"grant_year": 2023,
				"patent_type": "发明专利",
				"holder_name": "太原新材有限公司",
			},
			"title",
		),
		(
			"Cluster Standard",
			{
				"standard_no": "T/SXXC 002-2024",
				"standard_name": "高强铝合金型材",
				"category": "团体",
				"role": "主持",
				"drafting_rank": 2,
				"year": 2024,
			},
			"standard_name",
		),
		(
			"Innovation Platform",
			{
				"platform_name": "山西省先进金属材料重点实验室",
				"level": "省级",
				"platform_type": "重点实验室",
				"approval_year": 2021,
			},
			"platform_name",
		),
		(
			"Green Manufacturing Entry",
			{
				"entry_name": "太原新材绿色工厂",
				"category": "绿色工厂",
				"level": "国家级",
				"approval_year": 2022,
			},
			"entry_name",
		),
		(
			"Public Service Platform",
			{"platform_name": "小店区中小企业公共服务平台", "level": "省级", "approval_year": 2020},
			"platform_name",
		),
		(
			"Overseas Branch",
			{"branch_name": "太原新材（泰国）有限公司", "country": "泰国", "established_year": 2022},
			"branch_name",
		),
		(
			"Industry Alliance",
			{"alliance_name": "太原新材料产业联盟", "kind": "产业联盟", "established_year": 2019},
			"alliance_name",
		),
		(
			"Prospective Enterprise",
			{"enterprise_name": "某国际铝业集团", "country": "德国", "is_international_brand": 1},
			"enterprise_name",
		),
		(
			"Cluster Project",
			{
				"project_name": "高强铝合金产线技改",
				"status": "在建",
				"total_investment": 3.456,
				"builder": "太原新材有限公司",
				"start_year": 2025,
				"end_year": 2027,
			},
			"project_name",
		),
		(
			"Cluster Project",
			{
				"project_name": "再生铝项目",
				"status": "拟建",
				"total_investment": 8,
				"start_year": 2027,
				"end_year": 2029,
			},
			"project_name",
		),
	],
)
def test_each_list_created_and_read_through_the_api(api, cluster, doctype, values, title):
	response = api.insert(doctype, {"cluster": cluster["name"], **values})
	assert response.status_code == 200, server_message(response)
	data = api.get(doctype, response.json()["data"]["name"]).json()["data"]
	assert data[title] == values[title]
	assert data["county"] == make.COUNTY


def test_an_enterprise_and_its_library_entry_through_the_api(api, cluster):
	code = make.uscc(secrets.randbelow(10_000_000))
	response = api.insert(
		"Enterprise",
		{
			"uscc": code.lower(),
			"enterprise_name": f"太原新材有限公司{RUN}",
			"region": make.COUNTY,
			"honours": [{"honour_type": "专精特新“小巨人”企业", "year_awarded": 2024}],
		},
	)
	assert response.status_code == 200, server_message(response)
	assert response.json()["data"]["name"] == code  # named by its normalised credit code
	member = api.insert(
		"Cluster Enterprise",
		{
			"cluster": cluster["name"],
			"enterprise": code,
			"joined_year": 2020,
			"annual_figures": [{"year": 2025, "revenue": 12.5}],
		},
	)
	assert member.status_code == 200, server_message(member)
	assert member.json()["data"]["brand_honours"] == "专精特新“小巨人”企业"
	assert api.get("Enterprise", code).json()["data"]["honours"][0]["year_awarded"] == 2024


def test_a_region_read_through_the_api(api):
	data = api.get("Administrative Region", make.COUNTY).json()["data"]
	assert (data["region_name"], data["region_level"], data["parent_administrative_region"]) == (
		"小店区",
		"县",
		"140100",
	)


@pytest.mark.parametrize(
	"values, rule, field",
	[
		({"year": 2021, "total_output": 30, "sme_output": 31}, "PartOverWholeError", "sme_output"),
		({"year": 2021, "total_output": -30}, "NegativeFigureError", "total_output"),
		({"year": 1899, "total_output": 30}, "YearOutOfRangeError", "year"),
		(
			{"year": 2021, "total_output": 30, "water_reuse_rate": 130},
			"PercentOverHundredError",
			"water_reuse_rate",
		),
	],
)
def test_bad_figures_are_refused_through_the_api_and_nothing_is_saved(api, cluster, values, rule, field):
	response = api.insert("Cluster Annual Indicator", {"cluster": cluster["name"], **values})
	assert (response.status_code, refused_by(response)) == (417, rule)
	assert label("Cluster Annual Indicator", field) in server_message(response)  # the field, by its label
	assert (
		api.list(
			"Cluster Annual Indicator", [["cluster", "=", cluster["name"]], ["year", "=", values["year"]]]
		)
		== []
	)


def test_a_wrong_credit_code_is_refused_through_the_api(api):
	response = api.insert("Enterprise", {"uscc": "91140105MA0XXXXX1A", "enterprise_name": "错误代码企业"})
	assert (response.status_code, refused_by(response)) == (417, "CreditCodeError")
	assert label("Enterprise", "uscc") in server_message(response)
	assert api.list("Enterprise", [["enterprise_name", "=", "错误代码企业"]]) == []


def test_a_filing_created_and_checked_through_the_api(api, cluster):
	round_response = api.insert(
		"Declaration Round",
		{
			"round_title": f"接口测试批次{RUN}",
			"round_year": 2026,
			"issuing_authority": make.PROVINCE,
			"openings": [{"filing_kind": "申报", "level": "省级", "form_version": "shanxi-apply-2026"}],
		},
	)
	assert round_response.status_code == 200, server_message(round_response)
	response = api.insert(
		"Cluster Application",
		{
			"cluster": cluster["name"],
			"declaration_round": round_response.json()["data"]["name"],
			"filing_kind": "申报",
			"level": "省级",
		},
	)
	assert response.status_code == 200, server_message(response)
	data = response.json()["data"]
	assert data["form_version"] == "shanxi-apply-2026"
	findings = api.call("cluster_registry.api.check_application", name=data["name"]).json()["message"]
	assert findings and all(set(f) == {"field", "rule", "severity", "message"} for f in findings)
	assert all(f["severity"] in ("error", "warning") for f in findings)
	# the new filing has no narratives yet: each is reported, in Chinese, with the fix
	narrative = next(f for f in findings if f["field"] == "chain_narrative")
	assert (narrative["rule"], narrative["severity"]) == ("required", "error")
	assert "未填写" in narrative["message"] and "无" in narrative["message"]
