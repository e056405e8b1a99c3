from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class PublicServicePlatform(ClusterRecord):
	year_spans = ()
	key_field = "platform_name"
