"""Whitelisted methods that outside tools and the desk call by name."""

import frappe

from cluster_registry.cluster_registry import application_check
from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.forms import definitions


@frappe.whitelist()
def check_application(name: str) -> list[dict]:
	"""The pre-submission check (体检) of a Cluster Application: findings with field, rule,
	severity ("error" or "warning") and a Chinese message saying how to fix it."""
	application = frappe.get_doc("Cluster Application", name)
	application.check_permission("read")
	return application_check.check(application)


@frappe.whitelist()
def application_criteria(name: str) -> list[dict]:
	"""Every recognition criterion of the application's round, passed or not, with its figures."""
	application = frappe.get_doc("Cluster Application", name)
	application.check_permission("read")
	return application_check.criteria_table(application)


@frappe.whitelist()
def application_form(name: str) -> dict:
	"""The form definition of the application with its years filled in, for the desk's form view."""
	application = frappe.get_doc("Cluster Application", name)
	application.check_permission("read")
	definition = load_form(application.form_version)
	return {
		"definition": definition,
		"years": definitions.round_years(definition, application.round_year),
		"round_year": application.round_year,
	}
