"""Every value sent for a record of the app (and its table rows) is judged against its column before
Frappe casts or stores it: a number that is not one (abc, 2026年, NaN, Infinity, 1e309), beyond
what the column holds, text longer than its column, an impossible date, a missing naming field or
a value a unique field already has, are refused with a Chinese message naming the field and what
to type, and nothing is saved; control characters pasted from Word or Excel are removed.

doc_events["*"] in hooks.py, limited to the app's DocTypes; driven by each DocType's meta."""

import frappe
from frappe import _
from frappe.utils import escape_html

from cluster_registry.cluster_registry.input_checks import label
from cluster_registry.rules import raw_values

MODULE = "Cluster Registry"
WHOLE_TYPES = ("Int", "Check")
DECIMAL_TYPES = ("Float", "Currency", "Percent")
DATE_TYPES = ("Date", "Datetime")
TEXT_BYTES = {"text": 65535, "mediumtext": 16777215, "longtext": 4294967295}
VARCHAR_TYPES = ("varchar", "char")


class RawValueError(frappe.ValidationError):
	"""A value of a type, length or form its field cannot hold, as a request sent it."""


class AlreadyUsedError(frappe.DuplicateEntryError):
	"""A unique field's value that another record holds."""


def is_app_doctype(doc) -> bool:
	return doc.meta.module == MODULE


def check_raw_input(doc, method=None):
	"""doc_events["*"].before_validate."""
	if not is_app_doctype(doc):
		return
	problems = []
	for record in (doc, *doc.get_all_children()):
		problems += [where(record, text) for text in record_problems(record)]
	if problems:
		frappe.throw("<br>".join(problems), RawValueError, title=_("Values to correct"))
	check_unique_fields(doc)


def record_problems(record) -> list[str]:
	found = []
	for df in record.meta.fields:
		if df.fieldtype in frappe.model.no_value_fields or df.fieldtype in frappe.model.table_fields:
			continue
		value = record.get(df.fieldname)
		if isinstance(value, str) and raw_values.CONTROL.search(value):
			value = raw_values.without_control_characters(value)
			record.set(df.fieldname, value)
		problem = value_problem(df, value)
		if problem:
			found.append(problem_message(record, df, value, problem))
	return found


def value_problem(df, value) -> str | None:
	column, size = column_type(df)
	if df.fieldtype == "Check":
		return None if value in (None, "", 0, 1, "0", "1", True, False) else "not_check"
	if df.fieldtype in WHOLE_TYPES or column in ("int", "bigint"):
		high = 2**63 - 1 if column == "bigint" else raw_values.INT_RANGE[1]
		return raw_values.whole_number_problem(value, -high - 1, high)
	if df.fieldtype in DECIMAL_TYPES or column == "decimal":
		digits, places = (int(part) for part in (size or "21,9").split(","))
		return raw_values.decimal_problem(value, digits, places)
	if df.fieldtype in DATE_TYPES:
		return raw_values.date_problem(value, with_time=df.fieldtype == "Datetime")
	if column in VARCHAR_TYPES:
		return raw_values.text_problem(value, max_chars=int(df.length or size or 140))
	if column in TEXT_BYTES:
		return raw_values.text_problem(value, max_bytes=TEXT_BYTES[column])
	return None


def column_type(df) -> tuple[str | None, str | None]:
	column, size = frappe.db.type_map.get(df.fieldtype, (None, None))
	return column, size


def problem_message(record, df, value, problem: str) -> str:
	name = label(record.doctype, df.fieldname)
	typed = escape_html(raw_values.quoted(value))
	if problem == "not_whole":
		return _("{0}: “{1}” is not a whole number: type digits only, such as 2025.").format(name, typed)
	if problem == "not_number":
		return _(
			"{0}: “{1}” is not a number: type digits, with a decimal point if needed, such as 12.5."
		).format(name, typed)
	if problem == "out_of_range":
		return _("{0}: “{1}” is larger than this field can hold: check the figure and its unit.").format(
			name, typed
		)
	if problem == "not_date":
		return _("{0}: “{1}” is not a date: type a real date as YYYY-MM-DD, such as 2026-02-28.").format(
			name, typed
		)
	if problem == "too_long":
		return _("{0} is too long ({1} characters): shorten it.").format(name, len(value))
	if problem == "not_check":
		return _("{0}: “{1}” is neither ticked nor unticked: send 1 or 0.").format(name, typed)
	return _("{0}: “{1}” is not text: type the text itself.").format(name, typed)


def where(record, text: str) -> str:
	if record.get("parentfield"):
		return _("{0}, row {1}: {2}").format(label(record.parenttype, record.parentfield), record.idx, text)
	return text


def check_unique_fields(doc):
	"""A unique field's value taken by another record, said in Chinese (Frappe's own message shows
	the English label); a field that names the record is left to its controller and to naming."""
	named_by = (doc.meta.autoname or "").removeprefix("field:")
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if not df.unique or df.fieldname == named_by or raw_values.is_empty(value):
			continue
		other = frappe.db.get_value(doc.doctype, {df.fieldname: value, "name": ("!=", doc.name or "")})
		if other:
			frappe.throw(
				_("{0} “{1}” is already used by another record: enter a different one.").format(
					label(doc.doctype, df.fieldname), escape_html(raw_values.quoted(value))
				),
				AlreadyUsedError,
				title=_("Duplicate"),
			)


def check_naming_field(doc, method=None):
	"""doc_events["*"].before_insert: a record named by one of its fields needs that field (Frappe
	says so with the English label)."""
	if not is_app_doctype(doc):
		return
	autoname = doc.meta.autoname or ""
	if autoname.startswith("field:"):
		fieldname = autoname.removeprefix("field:")
		if raw_values.is_empty(doc.get(fieldname)):
			frappe.throw(
				_("{0} is required: fill it in.").format(label(doc.doctype, fieldname)),
				frappe.MandatoryError,
				title=_("Values to correct"),
			)
