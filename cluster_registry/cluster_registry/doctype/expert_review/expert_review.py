import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html, now_datetime

from cluster_registry.cluster_registry.input_checks import check_figures, label, throw_problems
from cluster_registry.rules.inputs import Problem

NO_CONFLICT, CONFLICT = "无利益冲突", "存在利益冲突（回避）"
GROUPS = (
	"核心竞争力较强",
	"中小企业梯度培育成效显著",
	"产业链供应链协作高效",
	"协同创新能力较强",
	"数字化转型效果明显",
	"绿色化发展水平较高",
	"积极参与产业开放合作",
	"治理和服务能力较强",
)
REVIEW_STATE = "专家评审"


class ExpertReview(Document):
	def validate(self):
		self.check_expert()
		check_figures(self)
		self.check_scores()
		self.set_status()

	def check_expert(self):
		if "Cluster Expert" not in frappe.get_roles(self.expert):
			frappe.throw(
				_("{0} is not an expert (role Cluster Expert).").format(escape_html(self.expert)),
				title=_("Expert Review"),
			)
		other = frappe.db.exists(
			self.doctype, {"application": self.application, "expert": self.expert, "name": ("!=", self.name)}
		)
		if other:
			frappe.throw(
				_("{0} is already assigned to this filing ({1}).").format(escape_html(self.expert), other),
				title=_("Expert Review"),
			)

	def check_scores(self):
		if not any(row.score for row in self.scores):
			return
		if self.conflict_declaration != NO_CONFLICT:
			frappe.throw(
				_(
					"Declare {0} as “{1}” before scoring; an expert with a conflict of interest withdraws and does not score."
				).format(label(self.doctype, "conflict_declaration"), NO_CONFLICT),
				title=_("Conflict of Interest"),
			)
		status = frappe.db.get_value("Cluster Application", self.application, "status")
		if status != REVIEW_STATE:
			frappe.throw(
				_("The filing is scored while it is under expert review; it is {0}.").format(status),
				title=_("Expert Review"),
			)
		problems = [
			(row, Problem("over_full_marks", "score", row.score, "max_score", row.max_score))
			for row in self.scores
			if row.max_score and row.score > row.max_score
		]
		if problems:
			throw_problems(problems)

	def set_status(self):
		if self.conflict_declaration and not self.declared_on:
			self.declared_on = now_datetime()
		scored = {row.criterion_group for row in self.scores if row.score}
		self.total_score = sum(row.score or 0 for row in self.scores)
		if self.conflict_declaration == CONFLICT:
			self.review_status = "已回避"
		elif not self.conflict_declaration:
			self.review_status = "待声明"
		else:
			self.review_status = "已评分" if scored >= set(GROUPS) else "待评分"


@frappe.whitelist()
def assign_experts(application: str, experts: list[str] | str) -> list[str]:
	"""The province assigns experts to a filing: one Expert Review each, and a ToDo for the expert."""
	from frappe.desk.form.assign_to import add as assign

	frappe.only_for(("Cluster Province Officer", "System Manager"))
	frappe.get_doc("Cluster Application", application).check_permission("write")
	made = []
	for expert in frappe.parse_json(experts) if isinstance(experts, str) else experts:
		review = frappe.get_doc(
			{
				"doctype": "Expert Review",
				"application": application,
				"expert": expert,
				"scores": [{"criterion_group": group, "max_score": 12.5} for group in GROUPS],
			}
		).insert()
		assign(
			{
				"assign_to": [expert],
				"doctype": "Expert Review",
				"name": review.name,
				"description": _("Review the filing {0}").format(escape_html(review.cluster_name)),
			}
		)
		made.append(review.name)
	return made


@frappe.whitelist()
def expert_options(txt: str = "") -> list[dict]:
	"""Enabled users holding the expert role, for the province's assignment dialog."""
	frappe.only_for(("Cluster Province Officer", "System Manager"))
	holders = frappe.get_all(
		"Has Role", filters={"role": "Cluster Expert", "parenttype": "User"}, pluck="parent"
	)
	users = frappe.get_all(
		"User",
		filters={"name": ("in", holders or [""]), "enabled": 1},
		or_filters={"name": ("like", f"%{txt}%"), "full_name": ("like", f"%{txt}%")},
		fields=["name", "full_name"],
		limit=50,
	)
	return [{"value": user.name, "description": user.full_name} for user in users]


def review_query_conditions(user: str | None = None) -> str:
	"""An expert lists only the reviews assigned to it."""
	user = user or frappe.session.user
	if is_expert_only(user):
		return f"`tabExpert Review`.expert = {frappe.db.escape(user)}"
	return ""


def has_review_permission(doc, ptype: str, user: str | None = None) -> bool:
	user = user or frappe.session.user
	return not is_expert_only(user) or doc.expert == user


def assigned_filings_sql(user: str) -> str:
	"""The filings assigned to the expert and not declared in conflict, as a subquery."""
	return (
		"(select application from `tabExpert Review` "
		f"where expert = {frappe.db.escape(user)} and ifnull(conflict_declaration, '') != {frappe.db.escape(CONFLICT)})"
	)


def application_query_conditions(user: str | None = None) -> str:
	"""An expert sees only the filings assigned to it and not declared in conflict."""
	user = user or frappe.session.user
	return f"`tabCluster Application`.name in {assigned_filings_sql(user)}" if is_expert_only(user) else ""


def filing_record_query_conditions(doctype: str):
	"""The same for the records of a filing (evidence, on-site statement): only those of assigned filings."""

	def conditions(user: str | None = None) -> str:
		user = user or frappe.session.user
		return f"`tab{doctype}`.application in {assigned_filings_sql(user)}" if is_expert_only(user) else ""

	return conditions


evidence_query_conditions = filing_record_query_conditions("Cluster Evidence")
onsite_query_conditions = filing_record_query_conditions("Onsite Verification")


def is_assigned(application: str, user: str) -> bool:
	return bool(
		frappe.db.exists(
			"Expert Review",
			{"application": application, "expert": user, "conflict_declaration": ("!=", CONFLICT)},
		)
	)


def has_application_permission(doc, ptype: str, user: str | None = None) -> bool:
	user = user or frappe.session.user
	return not is_expert_only(user) or (ptype in ("read", "print") and is_assigned(doc.name, user))


def has_filing_record_permission(doc, ptype: str, user: str | None = None) -> bool:
	"""Evidence and on-site statements (and so their files) of an assigned filing only, read-only."""
	user = user or frappe.session.user
	return not is_expert_only(user) or (ptype in ("read", "print") and is_assigned(doc.application, user))


def is_expert_only(user: str) -> bool:
	roles = set(frappe.get_roles(user))
	return "Cluster Expert" in roles and not roles & {
		"System Manager",
		"Cluster Province Officer",
		"Cluster City Officer",
		"Cluster County Officer",
	}
