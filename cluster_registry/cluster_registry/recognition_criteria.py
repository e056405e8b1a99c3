"""The recognition-criteria editions shipped with the app (data/recognition_criteria.json)."""

import json
from pathlib import Path

import frappe

CRITERIA_FILE = Path(__file__).parents[1] / "data" / "recognition_criteria.json"


def load_recognition_criteria() -> int:
	"""Insert the shipped editions that the site does not have yet; returns how many."""
	editions = json.loads(CRITERIA_FILE.read_text(encoding="utf-8"))
	added = 0
	for edition in editions:
		if frappe.db.exists("Recognition Criteria", edition["edition_name"]):
			continue
		frappe.get_doc({"doctype": "Recognition Criteria", **edition}).insert(ignore_permissions=True)
		added += 1
	return added
