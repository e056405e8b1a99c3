"""Print what a migration could change of the app on a site: its DocTypes, fields, permissions,
roles, tables and columns. `tests/run` compares the output of two migrations in a row."""

import hashlib
import os
import sys

import frappe


def fingerprint() -> list[str]:
	doctypes = frappe.get_all(
		"DocType", filters={"module": "Cluster Registry"}, pluck="name", order_by="name"
	)
	lines = []
	for name in doctypes:
		meta = frappe.db.get_value("DocType", name, ["modified", "autoname", "istable"], as_dict=True)
		fields = frappe.get_all("DocField", filters={"parent": name}, fields=["*"], order_by="idx")
		perms = frappe.get_all("DocPerm", filters={"parent": name}, fields=["*"], order_by="idx")
		columns = frappe.db.sql(f"show create table `tab{name}`")[0][1]
		body = repr((meta, [_stable(f) for f in fields], [_stable(p) for p in perms], columns))
		lines.append(f"{name} {hashlib.sha1(body.encode()).hexdigest()[:12]}")
	roles = frappe.get_all(
		"Role", filters={"name": ("like", "Cluster %")}, fields=["name", "modified"], order_by="name"
	)
	lines.append("roles " + ",".join(f"{r.name}@{r.modified}" for r in roles))
	lines.append("custom fields " + str(frappe.db.count("Custom Field", {"dt": ("in", doctypes)})))
	lines.append(f"{len(doctypes)} doctypes")
	return lines


def _stable(row: dict) -> tuple:
	return tuple(sorted((k, str(v)) for k, v in row.items() if k not in ("name", "creation")))


if __name__ == "__main__":
	bench, site = sys.argv[1], sys.argv[2]
	os.chdir(os.path.join(bench, "sites"))
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		print(";".join(fingerprint()))
	finally:
		frappe.destroy()
