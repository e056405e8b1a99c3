from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key


class GreenManufacturingEntry(ClusterRecord):
	year_spans = ()
	key_field = "entry_name"


def on_doctype_update():
	add_unique_key("Green Manufacturing Entry")
