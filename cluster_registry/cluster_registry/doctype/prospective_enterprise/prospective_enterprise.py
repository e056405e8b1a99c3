from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class ProspectiveEnterprise(ClusterRecord):
	year_spans = ()
	key_field = "enterprise_name"
