from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class ClusterProject(ClusterRecord):
	year_spans = (("start_year", "end_year"),)
	key_field = "project_name"
