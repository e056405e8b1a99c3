"""The app as installed on the site: regions, roles, language, its DocTypes."""

import frappe


def test_the_national_region_tree_is_loaded():
	assert frappe.db.count("Administrative Region") == 3212
	assert frappe.db.count("Administrative Region", {"region_level": "县"}) == 2849
	taiyuan = frappe.get_doc("Administrative Region", "140100")
	assert (taiyuan.region_name, taiyuan.parent_administrative_region) == ("太原市", "140000")
	shanxi = frappe.get_doc("Administrative Region", "140000")
	# 山西省: 11 prefecture-level cities and 117 county-level divisions beneath them
	assert frappe.db.count("Administrative Region", {"parent_administrative_region": "140000"}) == 11
	assert (
		frappe.db.count(
			"Administrative Region",
			{"lft": (">", shanxi.lft), "rgt": ("<", shanxi.rgt), "region_level": "县"},
		)
		== 117
	)


def test_loading_the_regions_again_adds_nothing():
	from cluster_registry.cluster_registry.regions import load_regions

	assert load_regions() == 0


def test_the_five_roles_exist_with_desk_access():
	roles = frappe.get_all("Role", filters={"name": ("like", "Cluster %")}, fields=["name", "desk_access"])
	assert {r.name for r in roles} == {
		"Cluster County Officer",
		"Cluster City Officer",
		"Cluster Province Officer",
		"Cluster Expert",
		"Cluster Operator",
	}
	assert all(r.desk_access for r in roles)


def test_a_chinese_user_sees_the_official_terms():
	frappe.local.lang = "zh"
	assert (
		frappe._("SME Output Share (%)", context="Cluster Annual Indicator")
		== "集群内中小企业产值占集群总产值比例（%）"
	)
	assert frappe._("Unified Social Credit Code", context="Enterprise") == "统一社会信用代码"
	assert frappe._("Cluster Annual Indicator") == "集群年度指标"
