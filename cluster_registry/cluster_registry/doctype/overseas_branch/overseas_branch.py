from cluster_registry.cluster_registry.cluster_record import ClusterRecord


class OverseasBranch(ClusterRecord):
	year_spans = (("established_year", "closed_year"),)
	key_field = "branch_name"
