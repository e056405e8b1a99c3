from frappe.model.document import Document


class ClusterDataImport(Document):
	"""The record of one bulk import: who imported which file when, in which layout, with the
	counts of rows inserted, updated and unchanged, and the problems found. Written by
	cluster_registry.cluster_registry.bulk_import only."""
