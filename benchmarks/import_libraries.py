"""Benchmark: importing an enterprise library with honours and cluster membership.

In one run, on one site, the same enterprises (each with two honours and its membership of one
cluster) are loaded three ways, and each is undone afterwards:
 (a) Frappe's Data Import (a CSV of Enterprise with its honours, then one of Cluster Enterprise),
 (b) the app's import of the 企业名录 layout: workbook read, every row checked, compared with the
     site, written (cluster_registry.cluster_registry.bulk_import),
 (c) frappe.db.bulk_insert of the same rows, prepared beforehand (the floor).
It prints rows per second, the ratios, the SQL queries (which must not grow with the rows) and the
peak Python memory of the app's import (which must not grow beyond the parsed rows).

	cd /opt/frappe-bench/sites && ../env/bin/python /path/to/benchmarks/import_libraries.py --site SITE
"""

import argparse
import csv
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

import frappe

sys.path.insert(0, str(Path(__file__).resolve().parent))
from recompute_figures import count_queries

COUNTY = "140121"  # 太原市清徐县
CLUSTER_NAME = "基准测试清徐县导入装备产业集群"
HONOURS = (("专精特新“小巨人”企业", 2023), ("国家高新技术企业", 2022))
SERIAL_BASE = {"data_import": 10_000_000, "app": 20_000_000, "bulk": 30_000_000}


def main():
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--sites-path", default=".")
	parser.add_argument("--rows", type=int, nargs="+", default=[500, 5000])
	parser.add_argument("--data-import-rows", type=int, default=500, help="rows for Frappe's Data Import")
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=args.sites_path)
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	try:
		cluster = demo_cluster()
		frappe.db.commit()
		results = {"data_import": measure_data_import(cluster, args.data_import_rows)}
		for rows in args.rows:
			results[f"app {rows}"] = measure_app(cluster, rows)
			results[f"bulk {rows}"] = measure_bulk(cluster, rows)
	finally:
		frappe.db.rollback()
		remove_cluster()
		frappe.destroy()
	report(results, args.rows)


# ---- the data -----------------------------------------------------------------------------------


def demo_cluster() -> frappe._dict:
	from cluster_registry.demo.catalogue import SUB_SECTORS
	from cluster_registry.demo.province import make_sub_sectors

	make_sub_sectors(range(2021, 2026))
	name = frappe.db.get_value("Industrial Cluster", {"cluster_name": CLUSTER_NAME})
	if not name:
		name = (
			frappe.get_doc(
				{
					"doctype": "Industrial Cluster",
					"cluster_name": CLUSTER_NAME,
					"county": COUNTY,
					"lead_industry": "智能装备",
					"sub_sector": SUB_SECTORS[0][0],
					"competent_authority": "清徐县工业和信息化局",
				}
			)
			.insert()
			.name
		)
	return frappe._dict(name=name, county=COUNTY)


def code(serial: int) -> str:
	from cluster_registry.rules.uscc import check_character

	body = f"91{COUNTY}{serial:09d}"[:17]
	return body + check_character(body)


def enterprises(way: str, rows: int) -> list[dict]:
	return [
		{
			"uscc": code(SERIAL_BASE[way] + n),
			"enterprise_name": f"基准测试{way}{n}号装备制造有限公司",
			"is_sme": 1,
			"is_above_designated_size": n % 2,
			"established_year": 2000 + n % 20,
			"main_products": "减速机、齿轮箱",
			"joined_year": 2015 + n % 10,
		}
		for n in range(rows)
	]


def cleanup(way: str):
	codes = [code(SERIAL_BASE[way] + n) for n in range(max(5000, 1))]
	frappe.db.rollback()
	for chunk in (codes[i : i + 1000] for i in range(0, len(codes), 1000)):
		frappe.db.delete("Cluster Enterprise", {"enterprise": ("in", chunk)})
		frappe.db.delete("Enterprise Honour", {"parent": ("in", chunk)})
		frappe.db.delete("Enterprise", {"name": ("in", chunk)})
	frappe.db.delete(
		"Cluster Data Import",
		{"cluster": frappe.db.get_value("Industrial Cluster", {"cluster_name": CLUSTER_NAME})},
	)
	frappe.db.commit()


def remove_cluster():
	for way in SERIAL_BASE:
		cleanup(way)
	name = frappe.db.get_value("Industrial Cluster", {"cluster_name": CLUSTER_NAME})
	if name:
		frappe.delete_doc("Industrial Cluster", name, force=True)
		frappe.db.commit()


# ---- (a) Frappe's Data Import -------------------------------------------------------------------


def csv_file(doctype: str, header: list[str], rows: list[list]) -> str:
	output = io.StringIO()
	writer = csv.writer(output)
	writer.writerow(header)
	writer.writerows(rows)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"bench-{doctype}.csv",
			"content": output.getvalue(),
			"is_private": 1,
		}
	).insert()
	return file.file_url


def data_import(doctype: str, file_url: str):
	from frappe.core.doctype.data_import.importer import Importer

	record = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": "Insert New Records",
			"import_file": file_url,
		}
	).insert()
	Importer(doctype, data_import=record).import_data()
	return frappe.db.count("Data Import Log", {"data_import": record.name, "success": 1})


def measure_data_import(cluster, rows: int) -> dict:
	cleanup("data_import")
	data = enterprises("data_import", rows)
	enterprise_rows = []
	for row in data:
		for index, (honour, year) in enumerate(HONOURS):
			first = index == 0
			enterprise_rows.append(
				[
					row["uscc"] if first else "",
					row["enterprise_name"] if first else "",
					row["is_sme"] if first else "",
					row["is_above_designated_size"] if first else "",
					row["established_year"] if first else "",
					row["main_products"] if first else "",
					honour,
					year,
				]
			)
	header = [
		"uscc",
		"enterprise_name",
		"is_sme",
		"is_above_designated_size",
		"established_year",
		"main_products",
		"honours.honour_type",
		"honours.year_awarded",
	]
	header = header_labels("Enterprise", header)
	members = [[cluster.name, row["uscc"], row["joined_year"]] for row in data]
	member_header = header_labels("Cluster Enterprise", ["cluster", "enterprise", "joined_year"])
	files = (
		csv_file("Enterprise", header, enterprise_rows),
		csv_file("Cluster Enterprise", member_header, members),
	)
	frappe.db.commit()
	start = time.perf_counter()
	done = data_import("Enterprise", files[0])
	members_done = data_import("Cluster Enterprise", files[1])
	elapsed = time.perf_counter() - start
	result = {
		"rows": rows,
		"seconds": elapsed,
		"written": (done, members_done),
		"queries": None,
		"peak_kib": None,
	}
	cleanup("data_import")
	return result


def header_labels(doctype: str, fields: list[str]) -> list[str]:
	"""Data Import's own headers: the field's label, "Label (Table Label)" for a child field."""
	meta = frappe.get_meta(doctype)
	labels = []
	for field in fields:
		if "." in field:
			table, child = field.split(".")
			table_df = meta.get_field(table)
			labels.append(f"{frappe.get_meta(table_df.options).get_label(child)} ({table_df.label})")
		else:
			labels.append(meta.get_label(field))
	return labels


# ---- (b) the app's import -----------------------------------------------------------------------


def workbook(data: list[dict]) -> bytes:
	from openpyxl import Workbook

	from cluster_registry.imports.layouts import ENTERPRISES

	book = Workbook(write_only=True)
	sheet = book.create_sheet(ENTERPRISES.sheet)
	sheet.append([ENTERPRISES.title])
	sheet.append([column.group or column.label for column in ENTERPRISES.columns])
	sheet.append([column.label if column.group else None for column in ENTERPRISES.columns])
	honours = dict(HONOURS)
	for number, row in enumerate(data, 1):
		values = {
			"seq": number,
			"uscc": row["uscc"],
			"enterprise_name": row["enterprise_name"],
			"is_sme": "是",
			"is_above_designated_size": "是" if row["is_above_designated_size"] else "否",
			"established_year": row["established_year"],
			"main_products": row["main_products"],
			"joined_year": row["joined_year"],
		}
		sheet.append(
			[
				honours.get(column.label) if column.key.startswith("honour:") else values.get(column.key)
				for column in ENTERPRISES.columns
			]
		)
	output = io.BytesIO()
	book.save(output)
	return output.getvalue()


def measure_app(cluster, rows: int) -> dict:
	"""Timed and counted untraced; the peak memory from a second, traced run of the same file."""
	cleanup("app")
	content = workbook(enterprises("app", rows))
	with count_queries() as counted:
		start = time.perf_counter()
		app_import(cluster, content)
		elapsed = time.perf_counter() - start
	written = frappe.db.count("Cluster Enterprise", {"cluster": cluster.name})
	frappe.db.rollback()
	tracemalloc.start()
	app_import(cluster, content)
	peak = tracemalloc.get_traced_memory()[1]
	tracemalloc.stop()
	frappe.db.rollback()
	return {
		"rows": rows,
		"seconds": elapsed,
		"written": written,
		"queries": counted["queries"],
		"peak_kib": peak / 1024,
	}


def app_import(cluster, content: bytes):
	from cluster_registry.cluster_registry.bulk_import import planners, targets
	from cluster_registry.imports import sheet
	from cluster_registry.imports.layouts import ENTERPRISES

	parsed = sheet.read(content, ENTERPRISES)
	plan = planners.plan(parsed, cluster)
	assert not parsed.issues, parsed.issues[:3]
	targets.write(plan)


# ---- (c) bulk insert ----------------------------------------------------------------------------


def measure_bulk(cluster, rows: int) -> dict:
	cleanup("bulk")
	data = enterprises("bulk", rows)
	now, user = frappe.utils.now_datetime(), frappe.session.user
	common = {"creation": now, "modified": now, "owner": user, "modified_by": user, "docstatus": 0, "idx": 0}
	enterprise_fields = [
		"uscc",
		"enterprise_name",
		"is_sme",
		"is_above_designated_size",
		"established_year",
		"main_products",
	]
	enterprise_values = [
		(row["uscc"], *common.values(), *(row[f] for f in enterprise_fields), COUNTY) for row in data
	]
	honour_values = [
		(
			frappe.generate_hash(length=10),
			*common.values(),
			row["uscc"],
			"Enterprise",
			"honours",
			honour,
			year,
		)
		for row in data
		for honour, year in HONOURS
	]
	member_values = [
		(
			frappe.generate_hash(length=10),
			*common.values(),
			cluster.name,
			COUNTY,
			row["uscc"],
			row["enterprise_name"],
			row["joined_year"],
		)
		for row in data
	]
	base = ["name", *common]
	with count_queries() as counted:
		start = time.perf_counter()
		frappe.db.bulk_insert("Enterprise", [*base, *enterprise_fields, "region"], enterprise_values)
		frappe.db.bulk_insert(
			"Enterprise Honour",
			[*base, "parent", "parenttype", "parentfield", "honour_type", "year_awarded"],
			honour_values,
		)
		frappe.db.bulk_insert(
			"Cluster Enterprise",
			[*base, "cluster", "county", "enterprise", "enterprise_name", "joined_year"],
			member_values,
		)
		elapsed = time.perf_counter() - start
	frappe.db.rollback()
	return {
		"rows": rows,
		"seconds": elapsed,
		"written": rows,
		"queries": counted["queries"],
		"peak_kib": None,
	}


def report(results: dict, sizes: list[int]):
	print(f"{'way':<16}{'rows':>7}{'seconds':>10}{'rows/s':>10}{'queries':>9}{'peak KiB':>10}")
	for way, r in results.items():
		rate = r["rows"] / r["seconds"]
		r["rate"] = rate
		queries = "" if r["queries"] is None else r["queries"]
		peak = "" if r["peak_kib"] is None else f"{r['peak_kib']:.0f}"
		print(f"{way:<16}{r['rows']:>7}{r['seconds']:>10.2f}{rate:>10.0f}{queries!s:>9}{peak:>10}")
	for rows in sizes:
		app, bulk = results[f"app {rows}"], results[f"bulk {rows}"]
		print(
			f"{rows} rows: app / Data Import {app['rate'] / results['data_import']['rate']:.1f}x (aim ≥ 10), "
			f"bulk insert / app {bulk['rate'] / app['rate']:.1f}x (aim ≤ 3)"
		)
	if len(sizes) > 1:
		small, large = results[f"app {sizes[0]}"], results[f"app {sizes[-1]}"]
		print(
			f"app queries {small['queries']} ({sizes[0]} rows) vs {large['queries']} ({sizes[-1]} rows); "
			f"peak memory ratio {large['peak_kib'] / small['peak_kib']:.1f} for {sizes[-1] / sizes[0]:.0f}x the rows"
		)


if __name__ == "__main__":
	os.environ.setdefault("PYTHONHASHSEED", "0")
	main()
