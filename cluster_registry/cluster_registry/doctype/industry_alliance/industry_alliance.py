from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class IndustryAlliance(ClusterRecord):
	year_spans = (("established_year", "dissolved_year"),)
	key_field = "alliance_name"


def on_doctype_update():
	add_unique_key("Industry Alliance")
