"""The language the app speaks: Chinese, for the desk and for the REST API alike."""

import frappe
from frappe.translate import get_user_lang, set_default_language


def use_chinese_where_unset():
	"""On install: a site still on Frappe's default English switches to 简体中文.

	A site whose administrator chose another language keeps it.
	"""
	if (frappe.db.get_single_value("System Settings", "language") or "en") == "en":
		frappe.db.set_single_value("System Settings", "language", "zh")
		set_default_language("zh")


def speak_the_api_users_language():
	"""auth_hooks: answer a request authenticated by API key or token in its user's language.

	Frappe v15 sets the language of a request before it authenticates an API key, so such
	requests would get English messages whatever the user's or the site's language.
	"""
	if frappe.session.user and frappe.session.user != "Guest" and not frappe.form_dict.get("_lang"):
		frappe.local.lang = get_user_lang(frappe.session.user)
