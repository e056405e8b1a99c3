from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class ProspectiveEnterprise(ClusterRecord):
	year_spans = ()
	key_field = "enterprise_name"


def on_doctype_update():
	add_unique_key("Prospective Enterprise")
