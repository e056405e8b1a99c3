"""A whitelisted method called without a required argument, or with one that should be JSON and is
not, answers 417 with a Chinese message naming the argument, not a server error (HTTP 500).

Frappe v15.55 calls the method with what the request sent and lets the TypeError of a missing
argument (or the JSONDecodeError of a malformed one) reach the user as a 500. `before_request`
(hooks.py) checks the arguments of every /api/method call that another check would not answer
first; the app's methods that take JSON read it with `json_argument`.
"""

import inspect
import json

import frappe
from frappe import _
from frappe.auth import validate_auth

METHOD_PATHS = ("/api/method/", "/api/v1/method/")
REQUIRED_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


class MissingArgumentError(frappe.ValidationError):
	pass


class MalformedArgumentError(frappe.ValidationError):
	pass


def refuse_missing_arguments():
	"""before_request: a called method's required arguments are all in the request."""
	method = called_method(frappe.request.path)
	if not method:
		return
	if frappe.get_request_header("Authorization"):
		validate_auth()  # as Frappe does next: the user (and its language) before any answer
		frappe.set_user_lang(frappe.session.user)
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


def called_method(path: str) -> str | None:
	for prefix in METHOD_PATHS:
		if path.startswith(prefix):
			return path[len(prefix) :].strip("/") or None
	return None


def whitelisted_function(method: str):
	overridden = frappe.get_hooks("override_whitelisted_methods", {}).get(method)
	try:
		function = frappe.get_attr(overridden[-1] if overridden else method)
	except Exception:
		return None  # Frappe answers an unknown method itself (404 / 403)
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
