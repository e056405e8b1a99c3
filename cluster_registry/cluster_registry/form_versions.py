"""The official form versions on this site: the definitions shipped with the app, and any a
province drops into the site's `cluster_forms` folder (sites/<site>/cluster_forms/*.json)."""

from pathlib import Path

import frappe
from frappe import _
from frappe.utils import escape_html

from cluster_registry.forms import definitions


def site_dirs() -> list[Path]:
	folder = Path(frappe.get_site_path("cluster_forms"))
	return [folder] if folder.is_dir() else []


class FormVersionError(frappe.ValidationError):
	"""A form version that does not exist or whose definition is not valid."""

	field = "form_version"


def load_form(code: str) -> dict:
	try:
		return definitions.load(code, site_dirs())
	except definitions.DefinitionError as error:
		frappe.throw(
			_("Form version {0} is not valid: {1}").format(escape_html(code), escape_html(str(error))),
			FormVersionError,
			title=_("Form Version"),
		)
	except (FileNotFoundError, KeyError, LookupError):
		frappe.throw(
			_("There is no form version {0}: choose one of {1}.").format(
				escape_html(code), "、".join(v["code"] for v in definitions.available(site_dirs()))
			),
			FormVersionError,
			title=_("Form Version"),
		)
