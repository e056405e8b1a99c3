from cluster_registry.approval_states import ACTIONS, STATES

app_name = "cluster_registry"
app_title = "Cluster Registry"
app_publisher = "cluster_registry developers"
app_description = "SME characteristic industrial cluster filings (中小企业特色产业集群 申报 / 复核 / 竞赛)"
app_email = "cluster-registry@example.org"
app_license = "MIT"

after_install = "cluster_registry.install.after_install"
# Officials land on their role's workspace and see only the app's (desk_home.py).
after_migrate = ["cluster_registry.cluster_registry.desk_home.settle_all_officials"]
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
# The desk's own scripts: the disc package button, the cluster's picture, the evidence upload.
app_include_js = [
	"/assets/cluster_registry/js/disc_package.js",
	"/assets/cluster_registry/js/cluster_picture.js",
	"/assets/cluster_registry/js/evidence_upload.js",
]
doctype_js = {
	"Cluster Application": "public/js/outputs.js",
	"Recommendation List": "public/js/outputs.js",
	"Onsite Verification": "public/js/outputs.js",
}

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
	"User": {"validate": "cluster_registry.cluster_registry.desk_home.settle_official"},
	"Enterprise": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_clusters_of_enterprise"
	},
}
