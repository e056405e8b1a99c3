"""Every link a user sets on a record of the app points at a record that exists and that the user
may read.

Frappe 15 leaves a link unchecked when other fields fetch from it (it asks for the fetched values
and finds nothing to complain about when none come back), so a filing could name a cluster, a
round or an enterprise that does not exist. And a link to a record of another territory would
answer with that record's name or figures in the messages that follow. Both are refused here, with
one message that does not say which of the two it was: to someone who may not read a record, a
record of another county and a record that does not exist look the same.

Runs before the controller's own validation (doc_events `before_validate` of every DocType of the
module), on the record and its table rows, for the links that are new or changed.
"""

import frappe
from frappe import _
from frappe.utils import escape_html

from cluster_registry.cluster_registry.input_checks import label

MODULE = "Cluster Registry"
# The national list of regions is public reference data: a cluster names its neighbouring counties
# and a round its issuing province, whoever may read their records.
PUBLIC_DOCTYPES = frozenset({"Administrative Region"})


class LinkNotUsableError(frappe.LinkValidationError):
	"""A link to a record that does not exist or that the user may not read."""


def check_links(doc, method=None):
	if doc.meta.module != MODULE or doc.flags.ignore_links:
		return
	before = doc.get_doc_before_save()
	problems = []
	for record in (doc, *doc.get_all_children()):
		previous = previous_record(before, record)
		for df in record.meta.get_link_fields():
			value = record.get(df.fieldname)
			if not value or df.fetch_from or (previous and previous.get(df.fieldname) == value):
				continue
			if not usable(df.options, value, doc.flags.ignore_permissions):
				problems.append(describe(record, df.fieldname, value))
	if problems:
		frappe.throw("<br>".join(problems), LinkNotUsableError, title=_("Linked Records"))


def previous_record(before, record):
	"""The saved version of record (the document, or its row of the same name), if any."""
	if before is None:
		return None
	if not record.get("parentfield"):
		return before
	return next((row for row in before.get(record.parentfield) or [] if row.name == record.name), None)


def usable(doctype: str, name: str, ignore_permissions: bool = False) -> bool:
	if not frappe.db.exists(doctype, name):
		return False
	if ignore_permissions or doctype in PUBLIC_DOCTYPES or frappe.get_meta(doctype).module != MODULE:
		return True
	return frappe.has_permission(doctype, "read", doc=name)


def may_read(doctype: str, name: str) -> bool:
	"""Whether a message may name the record (its name, title or figures) to the current user."""
	return bool(name) and frappe.has_permission(doctype, "read", doc=name)


def describe(record, fieldname: str, value) -> str:
	text = _(
		"{0}: no {1} “{2}” was found among the records you may use. Choose one from the list, or ask the official in charge of it."
	).format(
		label(record.doctype, fieldname), _(record.meta.get_field(fieldname).options), escape_html(value)
	)
	if record.get("parentfield"):
		text = _("{0}, row {1}: {2}").format(label(record.parenttype, record.parentfield), record.idx, text)
	return text
