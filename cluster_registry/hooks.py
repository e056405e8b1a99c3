app_name = "cluster_registry"
app_title = "Cluster Registry"
app_publisher = "cluster_registry developers"
app_description = "SME characteristic industrial cluster filings (中小企业特色产业集群 申报 / 复核 / 竞赛)"
app_email = "cluster-registry@example.org"
app_license = "MIT"

after_install = "cluster_registry.install.after_install"
auth_hooks = ["cluster_registry.language.speak_the_api_users_language"]

# Roles ship as fixtures (exported with `bench --site … export-fixtures --app cluster_registry`).
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
	}
]
