from cluster_registry.approval_states import ACTIONS, STATES
from cluster_registry.monitoring import states as monitoring

app_name = "cluster_registry"
app_title = "Cluster Registry"
app_publisher = "cluster_registry developers"
app_description = "SME characteristic industrial cluster filings (中小企业特色产业集群 申报 / 复核 / 竞赛)"
app_email = "cluster-registry@example.org"
app_license = "MIT"

after_install = "cluster_registry.install.after_install"
boot_session = "cluster_registry.boot.boot_session"
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
	{"dt": "Workflow", "filters": [["name", "in", [WORKFLOW, monitoring.WORKFLOW]]]},
	{"dt": "Workflow State", "filters": [["name", "in", list(dict.fromkeys(STATES + monitoring.STATES))]]},
	{
		"dt": "Workflow Action Master",
		"filters": [["name", "in", list(dict.fromkeys(ACTIONS + monitoring.ACTIONS))]],
	},
]

# Experts see only the filings and reviews assigned to them, with those filings' evidence and
# on-site statements (and so their files).
_experts = "cluster_registry.cluster_registry.doctype.expert_review.expert_review."
permission_query_conditions = {
	"Expert Review": _experts + "review_query_conditions",
	"Cluster Application": _experts + "application_query_conditions",
	"Cluster Evidence": _experts + "evidence_query_conditions",
	"Onsite Verification": _experts + "onsite_query_conditions",
}
has_permission = {
	"Expert Review": _experts + "has_review_permission",
	"Cluster Application": _experts + "has_application_permission",
	"Cluster Evidence": _experts + "has_filing_record_permission",
	"Onsite Verification": _experts + "has_filing_record_permission",
}

scheduler_events = {
	"daily": [
		"cluster_registry.cluster_registry.deadlines.send_deadline_reminders",
		"cluster_registry.cluster_registry.monitoring_steps.send_monitoring_reminders",
		"cluster_registry.cluster_registry.recognition.lapse_unreviewed",
	],
}

# Official outputs: the print formats' Jinja methods and the desk menu items (Word, Excel, PDF,
# bound filing).
jinja = {
	"methods": [
		"cluster_registry.cluster_registry.outputs.api.cluster_outputs_css",
		"cluster_registry.cluster_registry.outputs.api.cluster_application_html",
		"cluster_registry.cluster_registry.outputs.api.cluster_recommendation_html",
		"cluster_registry.cluster_registry.outputs.api.cluster_onsite_html",
		"cluster_registry.cluster_registry.monitoring_outputs.cluster_monitoring_html",
	]
}
doctype_js = {
	"Cluster Application": "public/js/outputs.js",
	"Recommendation List": "public/js/outputs.js",
	"Onsite Verification": "public/js/outputs.js",
	"Industrial Cluster": "public/js/bulk_import.js",
}
# The province applies official honour lists across the enterprise library from its list.
doctype_list_js = {"Enterprise": ["public/js/bulk_import.js", "public/js/enterprise_list.js"]}

# A change to a library or a name list refreshes the cluster's annual figures in the background.
_refresh = {
	"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
}
doc_events = {
	doctype: _refresh
	for doctype in (
		"Cluster Enterprise",
		"Cluster Patent",
		"Cluster Standard",
		"Innovation Platform",
		"Green Manufacturing Entry",
		"Public Service Platform",
		"Overseas Branch",
		"Industry Alliance",
	)
} | {
	"Enterprise": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_clusters_of_enterprise"
	}
}

# Every link set on a record of the app points at a record that exists and that the user may read.
doc_events["*"] = {"before_validate": "cluster_registry.cluster_registry.link_checks.check_links"}
