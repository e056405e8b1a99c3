from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class ClusterPatent(ClusterRecord):
	year_spans = (("grant_year", "lapsed_year"),)
	key_field = "patent_no"
