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
	{
		"dt": "Workflow State",
		"filters": [
			[
				"name",
				"in",
				[
					"草稿",
					"已提交市级",
					"退回修改",
					"市级现场核查",
					"市级已推荐",
					"省级形式审查",
					"专家评审",
					"省级认定",
					"省级未认定",
					"已推荐工信部",
					"国家级认定",
					"国家级未认定",
					"复核通过",
					"复核未通过",
					"国家复核通过",
					"国家复核未通过",
				],
			]
		],
	},
	{
		"dt": "Workflow Action Master",
		"filters": [
			[
				"name",
				"in",
				[
					"提交市级",
					"重新提交",
					"退回修改",
					"开始现场核查",
					"推荐",
					"受理",
					"提交专家评审",
					"认定",
					"不予认定",
					"复核通过",
					"复核不通过",
					"推荐至工信部",
					"报工信部复核",
					"工信部认定",
					"工信部未认定",
					"工信部复核通过",
					"工信部复核不通过",
				],
			]
		],
	},
]

# Experts see only the filings and reviews assigned to them.
permission_query_conditions = {
	"Expert Review": "cluster_registry.cluster_registry.doctype.expert_review.expert_review.review_query_conditions",
	"Cluster Application": "cluster_registry.cluster_registry.doctype.expert_review.expert_review.application_query_conditions",
}
has_permission = {
	"Expert Review": "cluster_registry.cluster_registry.doctype.expert_review.expert_review.has_review_permission",
	"Cluster Application": "cluster_registry.cluster_registry.doctype.expert_review.expert_review.has_application_permission",
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
