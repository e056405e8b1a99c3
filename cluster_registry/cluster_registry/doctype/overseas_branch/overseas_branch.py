from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class OverseasBranch(ClusterRecord):
	year_spans = (("established_year", "closed_year"),)
	key_field = "branch_name"


def on_doctype_update():
	add_unique_key("Overseas Branch")
