from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class ClusterProject(ClusterRecord):
	year_spans = (("start_year", "end_year"),)
	key_field = "project_name"


def on_doctype_update():
	add_unique_key("Cluster Project")
