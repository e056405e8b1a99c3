from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class ClusterPatent(ClusterRecord):
	year_spans = (("grant_year", "lapsed_year"),)
	key_field = "patent_no"


def on_doctype_update():
	add_unique_key("Cluster Patent")
