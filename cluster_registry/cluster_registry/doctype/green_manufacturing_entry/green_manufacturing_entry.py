from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class GreenManufacturingEntry(ClusterRecord):
	year_spans = ()
	key_field = "entry_name"
