from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class InnovationPlatform(ClusterRecord):
	year_spans = ()
	key_field = "platform_name"


def on_doctype_update():
	add_unique_key("Innovation Platform")
