"""Rules the official forms state, as plain Python: no Frappe import."""
