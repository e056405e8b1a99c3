from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class InnovationPlatform(ClusterRecord):
	year_spans = ()
	key_field = "platform_name"
