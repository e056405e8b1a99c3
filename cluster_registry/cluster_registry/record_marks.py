"""Likes, tags and follows keep to territory: Frappe v15.55 writes them on any record by name.

`toggle_like` and the tag endpoints write `_liked_by` / `_user_tags` (and a "Like" comment) on a
record without asking whether the user may see it, and `follow_document` lets anyone follow any
record for anyone, after which the daily digest mails its changes. hooks.py routes the whitelisted
methods here: each asks for read permission on the record first (a 403 otherwise), and a user
follows records for itself only.
"""

import frappe
from frappe.desk import like
from frappe.desk.doctype.tag import tag as tagging
from frappe.desk.form import document_follow

from cluster_registry.cluster_registry.filing_rights import is_system
from cluster_registry.cluster_registry.request_arguments import json_argument


def _readable(doctype: str, name: str, user: str | None = None):
	frappe.has_permission(doctype, "read", doc=name, user=user, throw=True)


@frappe.whitelist()
def toggle_like(doctype: str, name: str, add=False):
	_readable(doctype, name)
	like._toggle_like(doctype, name, add)


@frappe.whitelist()
def add_tag(tag: str, dt: str, dn: str, color=None):
	_readable(dt, dn)
	return tagging.add_tag(tag, dt, dn, color)


@frappe.whitelist()
def add_tags(tags, dt: str, docs, color=None):
	names = json_argument(docs, "docs", (list,))
	for name in names:
		_readable(dt, name)
	tagging.add_tags(json_argument(tags, "tags", (list,)), dt, names, color)


@frappe.whitelist()
def remove_tag(tag: str, dt: str, dn: str):
	_readable(dt, dn)
	tagging.remove_tag(tag, dt, dn)


@frappe.whitelist()
def follow_document(doctype: str, doc_name: str, user: str):
	if user != frappe.session.user and not is_system(frappe.session.user):
		raise frappe.PermissionError
	_readable(doctype, doc_name, user)
	return document_follow.follow_document(doctype, doc_name, user)
