"""Where the rows of each layout go, and what importing them would change: the plan.

A plan is made in full before anything is written: the rows are checked by the rules of
cluster_registry.imports.checks (described from the DocTypes' own fields), then compared with what
the site holds, read in a few batched queries: each row is an insert, an update or unchanged. A
row naming an enterprise outside the user's territory reads as one that is not in the library,
so nothing of it is revealed. Writing a plan inserts new records in bulk and updates changed ones.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import frappe
from frappe.utils import now_datetime

from cluster_registry.cluster_registry.input_checks import DECIMAL_TYPES, NUMERIC_TYPES, is_year_field
from cluster_registry.cluster_registry.territory import permitted_regions
from cluster_registry.figures.decimals import round2
from cluster_registry.figures.formulas import SIGNED_FIELDS
from cluster_registry.imports import checks
from cluster_registry.imports.issues import Issue
from cluster_registry.imports.layouts import HONOUR_GROUP, Layout
from cluster_registry.imports.sheet import Parsed, Row
from cluster_registry.rules import inputs
from cluster_registry.rules.uscc import uscc_problem

DATA_LENGTH = 140
BATCH_ROWS = 1000  # rows of one INSERT
NOT_IN_LIBRARY = "No enterprise with credit code {0} is in your enterprise library: import it with the enterprise library layout first, or correct the code."
USCC_TEXTS = {
	"length": "{0} {1} has {2} characters; it must have 18. Copy it again from the business licence.",
	"characters": "{0} {1} contains characters that never appear in one ({2}): only digits and capital letters other than I, O, Z, S and V are used.",
	"check_digit": "{0} {1} is not a valid code: by GB 32100-2015 its last character would be {2}. Check every character against the business licence.",
}


@dataclass
class Change:
	doctype: str
	values: dict  # the record's fields (for an insert) or the changed fields (for an update)
	name: str | None = None  # None: insert
	children: list = field(default_factory=list)  # (child doctype, parentfield, values) to insert
	updates: list = field(default_factory=list)  # (child doctype, name, changed values)
	document: bool = False  # written as a document (its controller computes figures), not in bulk


@dataclass
class Plan:
	changes: list[Change] = field(default_factory=list)
	inserted: int = 0
	updated: int = 0
	unchanged: int = 0
	skipped: int = 0  # rows of an honour list whose enterprise is not in the library
	clusters: set = field(default_factory=set)

	def count_row(self, changes: list[Change]):
		"""One row written as several records: inserted when any is new, else updated or unchanged."""
		self.changes += changes
		if any(change.name is None for change in changes):
			self.inserted += 1
		elif changes:
			self.updated += 1
		else:
			self.unchanged += 1

	def count(self, change: Change | None, skipped: bool = False):
		if skipped:
			self.skipped += 1
		elif change is None:
			self.unchanged += 1
		else:
			self.changes.append(change)
			if change.name:
				self.updated += 1
			else:
				self.inserted += 1


# ---- rules from the DocTypes --------------------------------------------------------------------


def field_rules(doctype: str, fields: dict[str, str]) -> dict[str, checks.FieldRule]:
	"""column key -> FieldRule of the field it fills (fields: column key -> fieldname)."""
	meta = frappe.get_meta(doctype)
	rules = {}
	signed = SIGNED_FIELDS | inputs.SIGNED_INPUTS
	for key, fieldname in fields.items():
		df = meta.get_field(fieldname)
		if df is None:
			continue
		if df.fieldtype in NUMERIC_TYPES:
			if is_year_field(df):
				kind = "future_year" if fieldname in ("start_year", "end_year") else "year"
			elif fieldname in signed:
				kind = "signed"
			else:
				kind = "percent" if df.fieldtype == "Percent" else "amount"
			rules[key] = checks.FieldRule(kind)
		elif df.fieldtype == "Select":
			options = tuple(option for option in (df.options or "").split("\n") if option)
			rules[key] = checks.FieldRule("select", options=options)
		elif df.fieldtype in ("Data", "Link"):
			rules[key] = checks.FieldRule("text", max_length=df.length or DATA_LENGTH)
	return rules


def check_uscc(parsed: Parsed, row: Row, key: str) -> bool:
	code = row.values.get(key)
	if not code:
		return True
	problem = uscc_problem(code)
	if problem:
		label = parsed.layout.column(key).label
		parsed.add(
			parsed.cell_issue(row.number, key, USCC_TEXTS[problem.rule], (label, code, problem.detail))
		)
	return problem is None


def enterprises_in_reach(codes) -> dict[str, frappe._dict]:
	"""The enterprises among codes that the user may see (by their county), keyed by code."""
	codes = sorted({code for code in codes if code})
	if not codes:
		return {}
	regions = permitted_regions()
	found = {}
	for chunk in chunks(codes):
		for row in frappe.get_all(
			"Enterprise",
			filters={"name": ("in", chunk)},
			fields=["name", "enterprise_name", "region", "is_above_designated_size"],
		):
			if regions is None or not row.region or row.region in regions:
				found[row.name] = row
	return found


# ---- comparing ----------------------------------------------------------------------------------


def db_value(value):
	"""A converted cell as the database takes it."""
	if isinstance(value, Decimal):
		return float(round2(value))
	return value


def same(old, new, fieldtype: str) -> bool:
	if fieldtype == "Check":
		return int(old or 0) == int(new or 0)
	if old in (None, "") and new in (None, ""):
		return True
	if old in (None, "") or new in (None, ""):
		return fieldtype in NUMERIC_TYPES and not (old or new)
	if fieldtype in DECIMAL_TYPES or fieldtype == "Int":
		return round2(old) == round2(new)
	if fieldtype == "Date":
		return str(old)[:10] == str(new)[:10]
	return str(old) == str(new)


def differences(doctype: str, existing: dict, record: dict) -> dict:
	meta = frappe.get_meta(doctype)
	return {
		fieldname: value
		for fieldname, value in record.items()
		if meta.get_field(fieldname)
		and not same(existing.get(fieldname), value, meta.get_field(fieldname).fieldtype)
	}


def record_values(row: Row, fields: dict[str, str]) -> dict:
	"""fieldname -> database value of the row's filled columns (fields: column key -> fieldname)."""
	return {
		fieldname: db_value(row.values.get(key))
		for key, fieldname in fields.items()
		if row.values.get(key) is not None
	}


# ---- writing ------------------------------------------------------------------------------------


def write(plan: Plan, progress=None):
	"""Update the changed records, then insert the new ones in bulk, a batch at a time;
	progress(done, total) counts the records written."""
	stamp, user = now_datetime(), frappe.session.user
	inserts: dict[str, list[dict]] = {}
	for change in plan.changes:
		if change.document:
			_save_document(change)
		elif change.name:
			if change.values:
				frappe.db.set_value(change.doctype, change.name, change.values, update_modified=True)
		else:
			change.values.setdefault("name", frappe.generate_hash(length=10))
			inserts.setdefault(change.doctype, []).append({**change.values, "docstatus": 0, "idx": 0})
		for child_doctype, parentfield, values in change.children:
			parent = change.name or change.values["name"]
			inserts.setdefault(child_doctype, []).append(
				{
					**values,
					"name": frappe.generate_hash(length=10),
					"parent": parent,
					"parenttype": change.doctype,
					"parentfield": parentfield,
					"idx": values.get("idx", 0),
				}
			)
		for child_doctype, child, values in change.updates:
			frappe.db.set_value(child_doctype, child, values, update_modified=False)
	total = sum(len(rows) for rows in inserts.values())
	done = 0
	for doctype, rows in inserts.items():
		for batch in chunks(rows, BATCH_ROWS):
			_bulk_insert(doctype, batch, stamp, user)
			done += len(batch)
			if progress:
				progress(done, total)


def _save_document(change: Change):
	doc = frappe.get_doc(change.doctype, change.name) if change.name else frappe.new_doc(change.doctype)
	doc.update(change.values)
	doc.save() if change.name else doc.insert()


def _bulk_insert(doctype: str, rows: list[dict], stamp, user: str):
	meta = frappe.get_meta(doctype)
	standard = {"creation": stamp, "modified": stamp, "owner": user, "modified_by": user}
	filled = set(standard).union(*rows)
	# the columns some row fills, and those the database needs a value for (numbers and checks)
	columns = [
		column
		for column in meta.get_valid_columns()
		if column in filled or (not column.startswith("_") and _default(meta, column) is not None)
	]
	defaults = {column: _default(meta, column) for column in columns} | {"docstatus": 0, "idx": 0}
	values = [
		tuple(standard.get(column, row.get(column, defaults[column])) for column in columns) for row in rows
	]
	frappe.db.bulk_insert(doctype, columns, values, chunk_size=BATCH_ROWS)


def _default(meta, fieldname):
	df = meta.get_field(fieldname)
	if df is None:
		return None
	if df.fieldtype in ("Check", "Int", "Float", "Currency", "Percent"):
		return 0
	return None


def chunks(items, size: int = 1000):
	items = list(items)
	for start in range(0, len(items), size):
		yield items[start : start + size]


def today_year() -> int:
	return datetime.date.today().year


def honour_columns(layout: Layout) -> list[tuple[str, str]]:
	"""(column key, honour) of the honour columns of the enterprise library."""
	return [(column.key, column.label) for column in layout.columns if column.group == HONOUR_GROUP]


def outside_issue(parsed: Parsed, row: Row, key: str, code: str) -> Issue:
	return parsed.cell_issue(row.number, key, NOT_IN_LIBRARY, (code,))
