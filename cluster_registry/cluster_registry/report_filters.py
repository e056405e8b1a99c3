"""The Script Reports' filters as a user may send them: a bad one (year=abc, a list where a name
goes) gives an empty report with a message saying what to choose, never an error (a report that
raises would also leave Frappe's prepared-report switch flipped for everyone)."""

import frappe
from frappe import _
from frappe.utils import escape_html

from cluster_registry.rules import raw_values

EARLIEST, LATEST = 1949, 2999


def as_dict(filters) -> frappe._dict:
	return frappe._dict(filters if isinstance(filters, dict) else {})


def year(filters: dict, key: str, label: str, default: int | None) -> tuple[int | None, str | None]:
	"""(the year, None) or (None, the message saying what to choose)."""
	value = filters.get(key)
	if raw_values.is_empty(value):
		return default, None
	if raw_values.whole_number_problem(value, EARLIEST, LATEST):
		return None, _("{0}: “{1}” is not a year: choose a year such as 2025.").format(
			_(label), escape_html(raw_values.quoted(value))
		)
	return int(float(value)), None


def name(filters: dict, key: str, label: str) -> tuple[str | None, str | None]:
	"""(the record name, None) or (None, the message) for a Link filter."""
	value = filters.get(key)
	if value is None or (isinstance(value, str) and len(value) <= 140):
		return value, None
	return None, _("{0}: choose one record from the list.").format(_(label))


def names(filters: dict, labels: dict[str, str]) -> tuple[dict[str, str], str | None]:
	"""({key: record name} of the Link filters given, None) or ({}, the message of the first bad one)."""
	chosen = {}
	for key, label in labels.items():
		value, problem = name(filters, key, label)
		if problem:
			return {}, problem
		if value:
			chosen[key] = value
	return chosen, None
