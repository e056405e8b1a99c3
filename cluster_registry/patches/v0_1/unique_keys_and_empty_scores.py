import frappe
from frappe.modules import load_doctype_module

# The DocTypes whose `on_doctype_update` adds a unique index, or lets a score be empty.
DOCTYPES = (
	"Cluster Application",
	"Cluster Annual Indicator",
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
	"Expert Review Score",
)


def execute():
	"""Sites installed before the database held the unique keys get them; a group left unscored in an
	unfinished review (stored as 0 then, and read as unscored) becomes empty, as unscored is now."""
	for doctype in DOCTYPES:
		load_doctype_module(doctype, "Cluster Registry").on_doctype_update()
	score, review = frappe.qb.DocType("Expert Review Score"), frappe.qb.DocType("Expert Review")
	unfinished = frappe.qb.from_(review).select(review.name).where(review.review_status != "已评分")
	frappe.qb.update(score).set(score.score, None).where(
		(score.score == 0) & score.parent.isin(unfinished)
	).run()
