from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class IndustryAlliance(ClusterRecord):
	year_spans = (("established_year", "dissolved_year"),)
	key_field = "alliance_name"
