"""One record per key, held by the database: a filing per cluster, round, kind and level, a library
or name-list entry per cluster, annual figures per cluster and year, an enterprise per credit code.

The controllers look for an existing record first, to answer with a message that names it; but two
requests that arrive together both look before either writes, so the unique index of the table is
what decides. The request that loses the race gets the same message as if it had come second.
"""

from contextlib import contextmanager

import frappe
from frappe.model.document import Document


def ensure_unique(doctype: str, fields: tuple[str, ...]):
	"""A unique index over fields (called from the DocType's `on_doctype_update`).

	Not `frappe.db.add_unique`: it looks for the constraint in every database of the server, so on
	a bench with several sites only the first one would get it."""
	name = "unique_" + "_".join(fields)
	if frappe.db.has_index(f"tab{doctype}", name):
		return
	frappe.db.commit()
	columns = ", ".join(f"`{field}`" for field in fields)
	frappe.db.sql_ddl(f"alter table `tab{doctype}` add unique `{name}` ({columns})")


class AlreadyRecordedError(frappe.DuplicateEntryError):
	"""A second record of one key (a filing per cluster, round, kind and level; annual figures per
	cluster and year; a library or name-list entry per cluster; an enterprise per credit code)."""


class UniqueRecord(Document):
	"""A record that exists once per key: `duplicate_of` finds the other record with the same key,
	`refuse_duplicate` throws the message that names it."""

	def check_duplicate(self):
		existing = self.duplicate_of()
		if existing:
			self.refuse_duplicate(existing)

	def duplicate_of(self) -> str | None:
		raise NotImplementedError

	def refuse_duplicate(self, existing: str):
		raise NotImplementedError

	def find_other(self, filters: dict) -> str | None:
		"""The other record matching filters."""
		if not self.is_new():
			filters = {**filters, "name": ("!=", self.name)}
		return frappe.db.get_value(self.doctype, filters, "name")

	def db_insert(self, *args, **kwargs):
		with duplicates_refused(self):
			return super().db_insert(*args, **kwargs)

	def db_update(self, *args, **kwargs):
		with duplicates_refused(self):
			return super().db_update(*args, **kwargs)


@contextmanager
def duplicates_refused(doc: UniqueRecord):
	"""Turns the database's duplicate-key error into the record's own message."""
	try:
		yield
	except (frappe.DuplicateEntryError, frappe.UniqueValidationError):
		# This request lost a race. Nothing of it is kept, and a new transaction sees the record that
		# won (this one's snapshot predates it; a locking read would deadlock with the other losers).
		frappe.db.rollback()
		existing = doc.duplicate_of()
		if not existing:
			raise
		frappe.clear_last_message()  # Frappe's own "… already exists" or "… must be unique"
		doc.refuse_duplicate(existing)


def seed_series(doctype: str, *values: dict):
	"""Make the naming-series rows of the records a `format:` autoname will give doctype's records
	(one row for each dict of the fields the autoname reads).

	Frappe creates the row on first use, and two records named together for the first time then
	deadlock (each has read the missing row for update, each inserts it): a row made beforehand
	lets them queue on it instead."""
	autoname = frappe.get_meta(doctype).autoname or ""
	if not autoname.startswith("format:") or "{#" not in autoname:
		return
	prefix = autoname.removeprefix("format:").split("{#")[0]
	series = frappe.qb.DocType("Series")
	rows = [(prefix.format(**fields), 0) for fields in values]
	if rows:
		frappe.qb.into(series).columns(series.name, series.current).insert(*rows).ignore().run()


def seed_fixed_series():
	"""after_migrate: the series rows of the app's autonames that read no field (CL-#####), so that
	the first records a site names at once queue on the row instead of deadlocking."""
	for doctype, autoname in frappe.get_all(
		"DocType", filters={"module": "Cluster Registry"}, fields=["name", "autoname"], as_list=True
	):
		if (autoname or "").startswith("format:") and "{" not in autoname.split("{#")[0]:
			seed_series(doctype, {})
