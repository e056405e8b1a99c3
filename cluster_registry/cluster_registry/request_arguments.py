"""A request whose arguments are missing or malformed answers 417 with a Chinese message naming the
argument, not a server error (HTTP 500).

Frappe v15.55 calls a method with what the request sent and lets the TypeError of a missing
argument, or the JSONDecodeError, IndexError or SQL error of a malformed list argument (filters
that are not JSON or not conditions, fields that are not columns, a negative limit, an order or
group by an unknown column, a document body that is a list), reach the user as a 500.
`before_request` (hooks.py) checks them first, on the REST lists and documents and on every
/api/method call; the app's own methods that take JSON read it with `json_argument`.
"""

import inspect
import json
import re

import frappe
from frappe import _
from frappe.auth import validate_auth

METHOD_PATHS = ("/api/method/", "/api/v1/method/")
RESOURCE_PATHS = ("/api/resource/", "/api/v1/resource/")
# the methods behind the desk's and the REST API's lists, which take Frappe's list arguments
LIST_METHODS = (
	"frappe.client.get_list",
	"frappe.client.get_count",
	"frappe.desk.reportview.get",
	"frappe.desk.reportview.get_list",
	"frappe.desk.reportview.get_count",
	"frappe.desk.reportview.export_query",
)
# the methods that run a script report, whose filters are an object of the report's filter values
REPORT_METHODS = ("frappe.desk.query_report.run", "frappe.desk.query_report.background_enqueue_run")
CONDITION_ARGUMENTS = ("filters", "or_filters")
COUNT_ARGUMENTS = ("limit_start", "limit_page_length", "limit", "start", "page_length")
ORDER_ARGUMENTS = ("order_by", "group_by")
COLUMN = re.compile(r"^(?:`?tab(?P<table>[^`.]+)`?\.)?`?(?P<column>\w+)`?(?:\s+(?:asc|desc))?$", re.I)
FIELD = re.compile(
	r"^(?:(?:count|sum|avg|min|max)\((?:distinct\s+)?[\w`. *]+\)|[\w`. *]+)(?:\s+as\s+(?:\w+|`[^`]+`))?$",
	re.I,
)
REQUIRED_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


class MissingArgumentError(frappe.ValidationError):
	pass


class MalformedArgumentError(frappe.ValidationError):
	pass


def refuse_malformed_arguments():
	"""before_request: the arguments of a REST or method call are there and well formed."""
	path = frappe.request.path
	method, resource = called(path, METHOD_PATHS), called(path, RESOURCE_PATHS)
	if not (method or resource):
		return
	if frappe.get_request_header("Authorization"):
		validate_auth()  # as Frappe does next: the user (and its language) before any answer
		frappe.set_user_lang(frappe.session.user)
	if resource:
		check_resource_arguments(resource)
	else:
		check_required_arguments(method)
		if method in LIST_METHODS:
			check_list_arguments(frappe.form_dict.get("doctype"))
		elif method in REPORT_METHODS and frappe.form_dict.get("filters") not in (None, ""):
			check_report_filters(json_argument(frappe.form_dict.filters, "filters", (dict,)))


def check_resource_arguments(resource: str):
	doctype, _slash, name = resource.partition("/")
	if frappe.request.method == "GET" and not name:
		check_list_arguments(doctype)
	elif frappe.request.method in ("POST", "PUT") and "data" in frappe.form_dict:
		json_argument(frappe.form_dict.data, "data", (dict,))


def check_required_arguments(method: str):
	function = whitelisted_function(method)
	if not function or (frappe.session.user == "Guest" and function not in frappe.guest_methods):
		return  # Frappe refuses it before any argument matters
	missing = [
		name
		for name, parameter in inspect.signature(function).parameters.items()
		if parameter.kind in REQUIRED_KINDS
		and parameter.default is inspect.Parameter.empty
		and name not in frappe.form_dict
	]
	if missing:
		frappe.throw(
			_("Required argument {0} is missing: send it with the request").format(", ".join(missing)),
			MissingArgumentError,
			title=_("Missing argument"),
		)


def called(path: str, prefixes: tuple[str, ...]) -> str | None:
	for prefix in prefixes:
		if path.startswith(prefix):
			return path[len(prefix) :].strip("/") or None
	return None


def check_list_arguments(doctype: str | None):
	"""Frappe's list arguments: conditions, fields, counts and columns to order or group by."""
	arguments = frappe.form_dict
	for name in CONDITION_ARGUMENTS:
		if arguments.get(name) not in (None, ""):
			check_conditions(json_argument(arguments[name], name), name)
	if arguments.get("fields") not in (None, ""):
		fields = json_argument(arguments.fields, "fields", (list, str))
		if not all(isinstance(field, str) and FIELD.match(field.strip()) for field in listed(fields)):
			malformed("fields")
	for name in COUNT_ARGUMENTS:
		value = arguments.get(name)
		if value not in (None, "") and not re.fullmatch(r"\d{1,9}", str(value)):
			malformed(name)
	for name in ORDER_ARGUMENTS:
		if arguments.get(name) and not known_columns(doctype, str(arguments[name])):
			malformed(name)


def listed(fields) -> list:
	return [fields] if isinstance(fields, str) else fields


def check_conditions(conditions, name: str):
	"""[[field, op, value], [doctype, field, op, value, …], …] or {field: value | [op, value]}."""
	if isinstance(conditions, dict):
		for value in conditions.values():
			if isinstance(value, list) and (len(value) < 2 or not isinstance(value[0], str)):
				malformed(name)
		return
	for row in conditions:
		if isinstance(row, dict):
			check_conditions(row, name)
			continue
		if not isinstance(row, list | tuple) or not 2 <= len(row) <= 5:
			malformed(name)
		named = row[:3] if len(row) >= 4 else row[: len(row) - 1]
		if not all(isinstance(part, str) for part in named):
			malformed(name)


def check_report_filters(filters: dict):
	"""A report's filter values are texts, numbers or lists of them (a multi-select filter)."""
	for name, value in filters.items():
		values = value if isinstance(value, list) else [value]
		if not all(item is None or isinstance(item, str | int | float) for item in values):
			malformed(name)


def known_columns(doctype: str | None, text: str) -> bool:
	for part in text.split(","):
		found = COLUMN.match(part.strip())
		if not found:
			return False
		table = found["table"] or doctype
		if not table or not frappe.db.table_exists(table) or not frappe.db.has_column(table, found["column"]):
			return False
	return True


def malformed(name: str):
	frappe.throw(
		_("Argument {0} is malformed: send it as the list of the desk does").format(name),
		MalformedArgumentError,
		title=_("Malformed argument"),
	)


def whitelisted_function(method: str):
	"""The function a method path calls; None where Frappe answers the call itself (its handler's
	own commands such as upload_file, an app that is not installed, a name that is not there)."""
	overridden = frappe.get_hooks("override_whitelisted_methods", {}).get(method)
	path = overridden[-1] if overridden else method
	if "." not in path or path.split(".", 1)[0] not in frappe.get_installed_apps():
		return None
	try:
		function = frappe.get_attr(path)
	except (ImportError, AttributeError):
		return None
	return function if function in frappe.whitelisted else None


def json_argument(value, name: str, kinds: tuple[type, ...] = (list, dict)):
	"""An argument sent as JSON text (or already parsed) of one of `kinds`, parsed; a 417 naming
	it otherwise."""
	try:
		parsed = json.loads(value) if isinstance(value, str) else value
	except ValueError:
		parsed = None
	if not isinstance(parsed, kinds):
		frappe.throw(
			_("Argument {0} must be JSON, for example {1}").format(name, '["…"]'),
			MalformedArgumentError,
			title=_("Malformed argument"),
		)
	return parsed
