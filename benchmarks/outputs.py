"""Benchmark: the official outputs of a competition filing grow linearly with its cluster.

Builds once (and keeps) two demo clusters in the same run, one of 500 enterprises (the baseline)
and one of 5,000, each with a competition filing (竞赛, seed 004, the 四库), then produces for each:
Form (PDF), Form (Word), Four Libraries (Excel) and the bound filing. Each output is made in a
process of its own (forked), so its peak memory is its own. Prints seconds, pages, size and peak
resident memory of each, and the ratios 5,000 / 500.

Targets: every ratio ≤ 12 (near-linear), Word for 5,000 enterprises under a minute, Excel under
ten seconds, PDF pages about rows / 25.

	cd /opt/frappe-bench/sites && ../env/bin/python /path/to/benchmarks/outputs.py --site SITE
	    [--sizes 500 5000] [--outputs word excel pdf bound]
"""

import argparse
import io
import json
import os
import random
import resource
import time

import frappe

YEARS = range(2021, 2026)
ROUND_YEAR = 2026
COUNTIES = {500: "140521", 5000: "140522"}  # 晋城市沁水县, 阳城县 (no test uses them)
OUTPUTS = ("word", "excel", "pdf", "bound")


def main():
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--sites-path", default=".")
	parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
	parser.add_argument("--outputs", nargs="+", default=list(OUTPUTS), choices=OUTPUTS)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=args.sites_path)
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		filings = {size: competition_filing(size) for size in args.sizes}
		frappe.db.commit()
		produce("excel", filings[min(args.sizes)])  # warm the caches (meta, translations) once
		results = {
			size: {output: measured(output, name) for output in args.outputs}
			for size, name in filings.items()
		}
	finally:
		frappe.db.rollback()
		frappe.destroy()
	report(results, args.sizes)


def competition_filing(enterprises: int) -> str:
	"""The competition filing of a demo cluster of that many enterprises (built on first use)."""
	from cluster_registry.demo.catalogue import SUB_SECTORS
	from cluster_registry.demo.province import build_demo_cluster, make_sub_sectors

	county = COUNTIES.get(enterprises, "140524")
	cluster = frappe.db.get_value(
		"Industrial Cluster", {"county": county, "cluster_name": ("like", "%benchmark%")}
	) or frappe.db.get_value("Industrial Cluster", {"county": county})
	if not cluster or frappe.db.count("Cluster Enterprise", {"cluster": cluster}) != enterprises:
		make_sub_sectors(YEARS)
		cluster = build_demo_cluster(county, SUB_SECTORS[0], enterprises, YEARS, random.Random(enterprises))
	existing = frappe.db.get_value("Cluster Application", {"cluster": cluster, "filing_kind": "竞赛"})
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Cluster Application",
				"cluster": cluster,
				"declaration_round": competition_round(),
				"filing_kind": "竞赛",
				"level": "省级",
			}
		)
		.insert()
		.name
	)


def competition_round() -> str:
	existing = frappe.db.get_value("Declaration Round", {"round_title": "输出基准测试竞赛批次"})
	if existing:
		return existing
	province = frappe.db.get_value("Administrative Region", {"region_code": "140000"}) or "140000"
	return (
		frappe.get_doc(
			{
				"doctype": "Declaration Round",
				"round_title": "输出基准测试竞赛批次",
				"round_year": ROUND_YEAR,
				"issuing_authority": province,
				"notice_no": "基准测试",
				"openings": [{"filing_kind": "竞赛", "level": "省级", "form_version": "competition-2026"}],
			}
		)
		.insert()
		.name
	)


def measured(output: str, application: str) -> dict:
	"""Runs one output in a forked process; its seconds, pages, size and peak memory."""
	read_end, write_end = os.pipe()
	child = os.fork()
	if child == 0:
		os.close(read_end)
		result = {}
		try:
			started = time.perf_counter()
			content = produce(output, application)
			result = {
				"seconds": time.perf_counter() - started,
				"bytes": len(content),
				"pages": pages(output, content),
			}
		except Exception as error:
			result = {"error": repr(error)}
		result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
		os.write(write_end, json.dumps(result).encode())
		os._exit(0)
	os.close(write_end)
	with os.fdopen(read_end) as pipe:
		data = pipe.read()
	os.waitpid(child, 0)
	return json.loads(data)


def produce(output: str, application: str) -> bytes:
	from cluster_registry.cluster_registry.outputs import api, bundle, records
	from cluster_registry.renderers import form_docx
	from cluster_registry.renderers.layout import form_blocks

	frappe.connect()  # a connection of the child's own
	doc = frappe.get_doc("Cluster Application", application)
	if output == "word":
		return form_docx.blocks_docx(form_blocks(records.application_filing(doc)))
	if output == "excel":
		frappe.local.response = frappe._dict()
		api.libraries_excel(application)
		return frappe.local.response.filecontent
	if output == "pdf":
		return api.form_pdf_content(doc)
	url = bundle.build(application)
	content = frappe.get_doc("File", {"file_url": url}).get_content()
	frappe.db.commit()
	return content


def pages(output: str, content: bytes) -> int | None:
	if output in ("pdf", "bound"):
		from pypdf import PdfReader

		return len(PdfReader(io.BytesIO(content)).pages)
	return None


def report(results: dict, sizes: list[int]):
	print(f"{'output':8} {'members':>8} {'seconds':>9} {'pages':>6} {'MB':>8} {'peak MB':>8}")
	for size in sizes:
		for output, result in results[size].items():
			if "error" in result:
				print(f"{output:8} {size:>8} failed: {result['error']}")
				continue
			print(
				f"{output:8} {size:>8} {result['seconds']:>9.1f} {result['pages'] or '':>6} "
				f"{result['bytes'] / 1048576:>8.2f} {result['peak_mb']:>8.0f}"
			)
	if len(sizes) == 2:
		small, large = sorted(sizes)
		print(f"\nratios {large}/{small} (target ≤ 12):")
		for output in results[small]:
			a, b = results[small][output], results[large][output]
			if "error" in a or "error" in b:
				continue
			print(
				f"{output:8} time {b['seconds'] / a['seconds']:.1f}  size {b['bytes'] / a['bytes']:.1f}  "
				f"memory {b['peak_mb'] / a['peak_mb']:.1f}"
				+ (f"  pages {b['pages'] / a['pages']:.1f}" if a.get("pages") else "")
			)


if __name__ == "__main__":
	main()
