"""Computed figures of the cluster forms: plain Python, no Frappe import."""
