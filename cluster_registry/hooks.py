from cluster_registry.approval_states import ACTIONS, STATES
from cluster_registry.cluster_registry.territory_checks import TERRITORY_DOCTYPES as _territory_doctypes

app_name = "cluster_registry"
app_title = "Cluster Registry"
app_publisher = "cluster_registry developers"
app_description = "SME characteristic industrial cluster filings (中小企业特色产业集群 申报 / 复核 / 竞赛)"
app_email = "cluster-registry@example.org"
app_license = "MIT"

after_install = "cluster_registry.install.after_install"
auth_hooks = ["cluster_registry.language.speak_the_api_users_language"]

# Roles and the approval workflow ship as fixtures, exported with
# `bench --site … export-fixtures --app cluster_registry`.
ROLES = [
	"Cluster County Officer",
	"Cluster City Officer",
	"Cluster Province Officer",
	"Cluster Expert",
	"Cluster Operator",
]
WORKFLOW = "集群申报审批"
fixtures = [
	{"dt": "Role", "filters": [["role_name", "in", ROLES]]},
	{"dt": "Workflow", "filters": [["name", "=", WORKFLOW]]},
	{"dt": "Workflow State", "filters": [["name", "in", list(STATES)]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(ACTIONS)]]},
]

# Experts see only the filings and reviews assigned to them, with those filings' evidence and
# on-site statements (and so their files); each level writes a filing only at its own step; the
# 待办 of workflow actions keeps to territory.
permission_query_conditions = {
	"Expert Review": "cluster_registry.cluster_registry.expert_access.review_query_conditions",
	"Cluster Application": "cluster_registry.cluster_registry.expert_access.application_query_conditions",
	"Cluster Evidence": "cluster_registry.cluster_registry.expert_access.evidence_query_conditions",
	"Onsite Verification": "cluster_registry.cluster_registry.expert_access.onsite_query_conditions",
	"Workflow Action": "cluster_registry.cluster_registry.workflow_actions.action_query_conditions",
}
has_permission = {
	"Expert Review": "cluster_registry.cluster_registry.expert_access.has_review_permission",
	"Cluster Application": [
		"cluster_registry.cluster_registry.expert_access.has_application_permission",
		"cluster_registry.cluster_registry.filing_rights.has_filing_permission",
	],
	"Cluster Evidence": "cluster_registry.cluster_registry.expert_access.has_filing_record_permission",
	"Onsite Verification": "cluster_registry.cluster_registry.expert_access.has_filing_record_permission",
	"Workflow Action": "cluster_registry.cluster_registry.workflow_actions.has_action_permission",
}

# Counts, group-by sidebars and link searches keep to territory (Frappe answers them outside it).
override_whitelisted_methods = {
	"frappe.client.get_count": "cluster_registry.cluster_registry.territory_queries.get_count",
	"frappe.desk.listview.get_group_by_count": (
		"cluster_registry.cluster_registry.territory_queries.get_group_by_count"
	),
	"frappe.desk.search.search_link": "cluster_registry.cluster_registry.territory_queries.search_link",
	"frappe.desk.search.search_widget": "cluster_registry.cluster_registry.territory_queries.search_widget",
}

scheduler_events = {
	"daily": ["cluster_registry.cluster_registry.deadlines.send_deadline_reminders"],
}

# Official outputs: the print formats' Jinja methods and the desk menu items (Word, Excel, PDF,
# bound filing).
jinja = {
	"methods": [
		"cluster_registry.cluster_registry.outputs.api.cluster_outputs_css",
		"cluster_registry.cluster_registry.outputs.api.cluster_application_html",
		"cluster_registry.cluster_registry.outputs.api.cluster_recommendation_html",
		"cluster_registry.cluster_registry.outputs.api.cluster_onsite_html",
	]
}
doctype_js = {
	"Cluster Application": "public/js/outputs.js",
	"Recommendation List": "public/js/outputs.js",
	"Onsite Verification": "public/js/outputs.js",
}

# A change to a library or a name list refreshes the cluster's annual figures in the background;
# a record stays in its writer's territory once the regions fetched from its links are refreshed.
_refresh = {
	"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
}
_refreshed = (
	"Cluster Enterprise",
	"Cluster Patent",
	"Cluster Standard",
	"Innovation Platform",
	"Green Manufacturing Entry",
	"Public Service Platform",
	"Overseas Branch",
	"Industry Alliance",
)
_recheck = {"validate": "cluster_registry.cluster_registry.territory_checks.recheck_territory"}
doc_events = {
	doctype: (_refresh if doctype in _refreshed else {}) | _recheck for doctype in _territory_doctypes
}
doc_events["Enterprise"] = doc_events["Enterprise"] | {
	"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_clusters_of_enterprise"
}
