"""How the server says which rule refused a request (the one convention, as hrms does it).

- Each rule has its own exception class, declared in the module that owns the rule, e.g.
  `class QuotaExceededError(frappe.ValidationError): pass` in approval.py, and raised with
  `frappe.throw(message, QuotaExceededError, title=...)`. The message stays Chinese (through `_()`)
  and names the field and the fix; the class is what a caller or a test tells the rule by.
- The class derives from the Frappe error whose HTTP status fits: ValidationError (417) for a value
  the rule forbids, PermissionError (403) for a change the user's level or step may not make,
  DuplicateEntryError (409) for a second record of one key.
- Over HTTP, Frappe answers with the class name in `exc_type` of the JSON body.
- Where a rule is about one field, the class names it in `field` (a fieldname); where the field
  varies with the record (any figure of a form), `refuse()` puts it on the error raised (`field`,
  or `fields` when several are refused together).
"""

import frappe


def refuse(exc: type[Exception], message: str, *, title: str, **about):
	"""frappe.throw(message, exc, title=title), the error raised carrying `about` (field=…, fields=…)."""
	try:
		frappe.throw(message, exc, title=title)
	except exc as error:
		error.__dict__.update(about)
		raise
