"""Keeping a cluster's annual figures in step with its library and name lists.

A change to an enterprise of the library, to its honours, or to an entry of a name list queues one
background recomputation of the cluster's annual records (deduplicated per cluster, after commit),
so that loading thousands of rows costs one recomputation, not one per row.
"""

import frappe


def refresh_cluster(doc, method=None):
	"""doc_events of the library and name-list DocTypes."""
	if doc.get("cluster"):
		queue_refresh(doc.cluster)


def refresh_clusters_of_enterprise(doc, method=None):
	"""doc_events of Enterprise: its honours and size count in every cluster it belongs to."""
	for cluster in frappe.get_all(
		"Cluster Enterprise", filters={"enterprise": doc.name}, pluck="cluster", distinct=True
	):
		queue_refresh(cluster)


def queue_refresh(cluster: str):
	frappe.enqueue(
		"cluster_registry.cluster_registry.indicator_figures.recompute_cluster",
		cluster=cluster,
		queue="short",
		job_id=f"cluster-figures::{cluster}",
		deduplicate=True,
		enqueue_after_commit=True,
	)
