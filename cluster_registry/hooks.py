app_name = "cluster_registry"
app_title = "Cluster Registry"
app_publisher = "cluster_registry developers"
app_description = "SME characteristic industrial cluster filings (中小企业特色产业集群 申报 / 复核 / 竞赛)"
app_email = "cluster-registry@example.org"
app_license = "MIT"

after_install = "cluster_registry.install.after_install"
boot_session = "cluster_registry.boot.boot_session"
# Officials land on their role's workspace and see only the app's (desk_home.py).
after_migrate = [
	"cluster_registry.cluster_registry.desk_home.settle_all_officials",
	"cluster_registry.cluster_registry.uniqueness.seed_fixed_series",
]
auth_hooks = ["cluster_registry.language.speak_the_api_users_language"]

# The roles and the two workflows (集群申报审批: approval_states.py; 年度监测审核: monitoring/states.py)
# ship as fixtures, exported with `bench --site … export-fixtures --app cluster_registry`.
# tests/unit/test_vocabulary.py checks these lists against those modules.
fixtures = [
	{
		"dt": "Role",
		"filters": [
			[
				"role_name",
				"in",
				[
					"Cluster County Officer",
					"Cluster City Officer",
					"Cluster Province Officer",
					"Cluster Expert",
					"Cluster Operator",
				],
			]
		],
	},
	{"dt": "Workflow", "filters": [["name", "in", ["集群申报审批", "年度监测审核"]]]},
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
					"已报省级",
					"省级已接收",
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
					"报送省级",
					"接收",
				],
			]
		],
	},
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
	# the files of the app's records are listed only to those who may read the record
	"File": "cluster_registry.cluster_registry.evidence_files.file_query_conditions",
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
	"File": "cluster_registry.cluster_registry.evidence_files.has_file_permission",
}

# Missing and malformed arguments of an API request answer 417, not a server error.
before_request = ["cluster_registry.cluster_registry.request_arguments.refuse_malformed_arguments"]

# Counts, group-by sidebars, link searches, likes, tags and follows keep to territory (Frappe
# answers them outside it).
override_whitelisted_methods = {
	"frappe.client.get_count": "cluster_registry.cluster_registry.territory_queries.get_count",
	"frappe.desk.listview.get_group_by_count": (
		"cluster_registry.cluster_registry.territory_queries.get_group_by_count"
	),
	"frappe.desk.search.search_link": "cluster_registry.cluster_registry.territory_queries.search_link",
	"frappe.desk.search.search_widget": "cluster_registry.cluster_registry.territory_queries.search_widget",
	"frappe.desk.like.toggle_like": "cluster_registry.cluster_registry.record_marks.toggle_like",
	"frappe.desk.doctype.tag.tag.add_tag": "cluster_registry.cluster_registry.record_marks.add_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "cluster_registry.cluster_registry.record_marks.add_tags",
	"frappe.desk.doctype.tag.tag.remove_tag": "cluster_registry.cluster_registry.record_marks.remove_tag",
	"frappe.desk.form.document_follow.follow_document": (
		"cluster_registry.cluster_registry.record_marks.follow_document"
	),
	# the print view's PDF of a large filing's official form is built in the background
	"frappe.utils.print_format.download_pdf": "cluster_registry.cluster_registry.outputs.print_pdf.download_pdf",
}

scheduler_events = {
	"daily": [
		"cluster_registry.cluster_registry.deadlines.send_deadline_reminders",
		"cluster_registry.cluster_registry.monitoring_steps.send_monitoring_reminders",
		"cluster_registry.cluster_registry.recognition.lapse_unreviewed",
	],
}

# Official outputs: the print formats' Jinja methods and the desk menu items (Word, Excel, PDF,
# bound filing); the bulk import on the cluster and, for the province, the honour lists.
jinja = {
	"methods": [
		"cluster_registry.cluster_registry.outputs.api.cluster_outputs_css",
		"cluster_registry.cluster_registry.outputs.api.cluster_application_html",
		"cluster_registry.cluster_registry.outputs.api.cluster_recommendation_html",
		"cluster_registry.cluster_registry.outputs.api.cluster_onsite_html",
		"cluster_registry.cluster_registry.monitoring_outputs.cluster_monitoring_html",
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
	"Industrial Cluster": "public/js/bulk_import.js",
	"Cluster Evidence": "public/js/evidence.js",
}
doctype_list_js = {"Enterprise": ["public/js/bulk_import.js", "public/js/enterprise_list.js"]}

doc_events = {
	# Every record of the app: its values as sent are judged against their columns before Frappe
	# casts them; its links point at records that exist and that the user may read; it stays in its
	# writer's territory once the regions fetched from its links are refreshed.
	"*": {
		"before_insert": "cluster_registry.cluster_registry.raw_input.check_naming_field",
		"before_validate": [
			"cluster_registry.cluster_registry.raw_input.check_raw_input",
			"cluster_registry.cluster_registry.link_checks.check_links",
		],
		"validate": "cluster_registry.cluster_registry.territory_checks.recheck_territory",
	},
	# The files of a frozen filing's evidence stay as submitted; an evidence upload is a PDF or image.
	"File": {
		"before_validate": "cluster_registry.cluster_registry.evidence_files.before_validate_file",
		"on_trash": "cluster_registry.cluster_registry.evidence_files.on_trash_file",
		"before_rename": "cluster_registry.cluster_registry.evidence_files.before_rename_file",
	},
	# A change to a library or a name list refreshes the cluster's annual figures in the background.
	"Cluster Enterprise": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Cluster Patent": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Cluster Standard": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Innovation Platform": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Green Manufacturing Entry": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Public Service Platform": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Overseas Branch": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Industry Alliance": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
		"on_trash": "cluster_registry.cluster_registry.figure_refresh.refresh_cluster",
	},
	"Enterprise": {
		"on_update": "cluster_registry.cluster_registry.figure_refresh.refresh_clusters_of_enterprise"
	},
	"User": {"validate": "cluster_registry.cluster_registry.desk_home.settle_official"},
}
