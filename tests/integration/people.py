"""Officials of a demo province for the approval and territory tests: users with their roles and
their User Permission on Administrative Region (committed, removed by `remove_people`)."""

import frappe

PEOPLE = {
	# user: (role, region the user may see)
	"xiaodian@county.test": ("Cluster County Officer", "140105"),  # 太原市小店区
	"yingze@county.test": ("Cluster County Officer", "140106"),  # 太原市迎泽区
	"taiyuan@city.test": ("Cluster City Officer", "140100"),  # 太原市
	"datong@city.test": ("Cluster City Officer", "140200"),  # 大同市
	"shanxi@province.test": ("Cluster Province Officer", "140000"),  # 山西省
	"expert.one@expert.test": ("Cluster Expert", None),
	"expert.two@expert.test": ("Cluster Expert", None),
	"operator@county.test": ("Cluster Operator", "140105"),
}
COUNTY, OTHER_COUNTY = "xiaodian@county.test", "yingze@county.test"
CITY, OTHER_CITY = "taiyuan@city.test", "datong@city.test"
PROVINCE = "shanxi@province.test"
EXPERT, OTHER_EXPERT = "expert.one@expert.test", "expert.two@expert.test"
OPERATOR = "operator@county.test"


def make_people():
	for email, (role, region) in PEOPLE.items():
		if frappe.db.exists("User", email):
			continue
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"language": "zh",
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		).insert(ignore_permissions=True)
		if region:
			frappe.get_doc(
				{
					"doctype": "User Permission",
					"user": user.name,
					"allow": "Administrative Region",
					"for_value": region,
					"apply_to_all_doctypes": 1,
				}
			).insert(ignore_permissions=True)
	frappe.db.commit()
	for email in PEOPLE:  # roles and regions cached by another process before this commit are stale
		frappe.clear_cache(user=email)


def remove_people():
	for email in PEOPLE:
		frappe.db.delete("User Permission", {"user": email})
		if frappe.db.exists("User", email):
			frappe.delete_doc("User", email, ignore_permissions=True, force=True)
	frappe.db.commit()


def api_keys() -> dict[str, str]:
	"""A fresh API key and secret for each official (committed): user → Authorization header."""
	keys = {}
	for user in PEOPLE:
		doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		doc.api_key, doc.api_secret = doc.api_key or frappe.generate_hash(length=15), secret
		doc.save(ignore_permissions=True)
		keys[user] = f"token {doc.api_key}:{secret}"
	frappe.db.commit()
	return keys
