"""A record stays in the territory of the user who writes it. Frappe checks the write permission
before it refreshes the fields fetched from a link (the county of a cluster, of a filing), and on
the values the request sent: a county could move its record into another county by changing
`cluster` or `application`, or overwrite another county's record by sending its own county with it.
This check runs after the fetch, on the record as it will be stored and as it was stored."""

import frappe
from frappe import _

# the DocTypes whose territory comes from a link (cluster, application, region)
TERRITORY_DOCTYPES = (
	"Industrial Cluster",
	"Cluster Annual Indicator",
	"Enterprise",
	"Cluster Enterprise",
	"Prospective Enterprise",
	"Cluster Project",
	"Cluster Patent",
	"Cluster Standard",
	"Innovation Platform",
	"Green Manufacturing Entry",
	"Public Service Platform",
	"Overseas Branch",
	"Industry Alliance",
	"Cluster Application",
	"Cluster Evidence",
	"Onsite Verification",
	"Expert Review",
	"Recommendation List",
)


class OutsideTerritoryError(frappe.PermissionError):
	"""A record that would belong, or belonged, to a territory or filing the user may not edit."""


def recheck_territory(doc, method=None):
	"""doc_events["*"]["validate"]: the app's DocTypes whose territory comes from a link."""
	if doc.doctype not in TERRITORY_DOCTYPES:
		return
	if doc.flags.ignore_permissions or frappe.session.user == "Administrator":
		return
	before = doc.get_doc_before_save()
	ptype = "write" if before else "create"
	if not frappe.has_permission(doc.doctype, ptype, doc=doc) or (
		before and not frappe.has_permission(doc.doctype, "write", doc=before)
	):
		frappe.throw(
			_(
				"This record would belong to a territory or filing you may not edit: choose a cluster or filing of your own territory."
			),
			OutsideTerritoryError,
			title=_("Not Permitted"),
		)
