"""After recognition: target tracking and the recognition lifecycle as plain logic (no frappe)."""
