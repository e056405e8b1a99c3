import frappe

from cluster_registry.cluster_registry.regions import load_regions


def after_install():
	load_regions()
	use_chinese_where_unset()


def use_chinese_where_unset():
	"""The users read Chinese: a site still on Frappe's default English switches to 简体中文.

	A site whose administrator chose another language keeps it.
	"""
	if (frappe.db.get_single_value("System Settings", "language") or "en") == "en":
		frappe.db.set_single_value("System Settings", "language", "zh")
