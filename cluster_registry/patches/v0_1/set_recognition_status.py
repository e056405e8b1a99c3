import frappe

from cluster_registry.cluster_registry import recognition


def execute():
	"""Clusters recognised before the recognition lifecycle shipped get their status (有效 where
	none was entered) and their current recognition shown on the cluster."""
	for name in frappe.get_all(
		"Cluster Recognition", filters={"parenttype": "Industrial Cluster"}, pluck="parent", distinct=True
	):
		cluster = frappe.get_doc("Industrial Cluster", name)
		recognition.normalise(cluster)
		for row in cluster.recognitions:
			row.db_update()
		frappe.db.set_value("Industrial Cluster", name, recognition.current(cluster), update_modified=False)
