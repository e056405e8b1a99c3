"""Benchmark: recomputing a cluster's figures does not grow with the size of its library.

Builds once (and keeps) two demo clusters with five years of figures, one with 5,000 enterprises
and one with 500 (the baseline, measured in the same run), recomputes every annual record of each
several times, and prints the best time, the SQL queries of one recomputation, the peak Python
memory, and the ratios large / baseline. The aim: time ratio ≤ 2 and the same number of queries.

	cd /opt/frappe-bench/sites && ../env/bin/python /path/to/benchmarks/recompute_figures.py --site SITE
"""

import argparse
import os
import random
import time
import tracemalloc

import frappe

LARGE, BASELINE = 5000, 500
YEARS = range(2021, 2026)
COUNTIES = {LARGE: "140121", BASELINE: "140122"}  # 太原市清徐县, 阳曲县


def main():
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--sites-path", default=".")
	parser.add_argument("--runs", type=int, default=5)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=args.sites_path)
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		clusters = {size: demo_cluster(size) for size in (BASELINE, LARGE)}
		frappe.db.commit()
		results = {size: measure(name, args.runs) for size, name in clusters.items()}
	finally:
		frappe.db.rollback()
		frappe.destroy()
	report(results)


def demo_cluster(enterprises: int) -> str:
	from cluster_registry.demo.catalogue import SUB_SECTORS
	from cluster_registry.demo.province import build_demo_cluster, make_sub_sectors

	make_sub_sectors(YEARS)
	return build_demo_cluster(
		COUNTIES[enterprises], SUB_SECTORS[0], enterprises, YEARS, random.Random(enterprises)
	)


def measure(cluster: str, runs: int) -> dict:
	from cluster_registry.cluster_registry.indicator_figures import recompute_cluster

	members = frappe.db.count("Cluster Enterprise", {"cluster": cluster})
	recompute_cluster(cluster)  # warm the caches (meta, translations)
	frappe.db.rollback()
	best, queries, peak = float("inf"), 0, 0
	for _ in range(runs):
		with count_queries() as counted:
			tracemalloc.start()
			start = time.perf_counter()
			records = recompute_cluster(cluster)
			elapsed = time.perf_counter() - start
			peak = max(peak, tracemalloc.get_traced_memory()[1])
			tracemalloc.stop()
		frappe.db.rollback()
		best, queries = min(best, elapsed), counted["queries"]
	return {
		"cluster": cluster,
		"enterprises": members,
		"records": records,
		"seconds": best,
		"queries": queries,
		"peak_kib": peak / 1024,
	}


class count_queries:
	"""Count the SQL statements sent through frappe.db.sql while the block runs."""

	def __enter__(self):
		self.counted = {"queries": 0}
		self.original = frappe.db.sql

		def counting_sql(*args, **kwargs):
			self.counted["queries"] += 1
			return self.original(*args, **kwargs)

		frappe.db.sql = counting_sql
		return self.counted

	def __exit__(self, *exc):
		frappe.db.sql = self.original


def report(results: dict):
	print(f"{'cluster':<12}{'enterprises':>12}{'records':>9}{'best s':>10}{'queries':>9}{'peak KiB':>10}")
	for size in (BASELINE, LARGE):
		r = results[size]
		print(
			f"{r['cluster']:<12}{r['enterprises']:>12}{r['records']:>9}{r['seconds']:>10.3f}{r['queries']:>9}{r['peak_kib']:>10.0f}"
		)
	large, base = results[LARGE], results[BASELINE]
	time_ratio = large["seconds"] / base["seconds"]
	print(f"time ratio {LARGE}/{BASELINE}: {time_ratio:.2f} (aim ≤ 2)")
	print(
		f"queries {large['queries']} vs {base['queries']}: {'same' if large['queries'] == base['queries'] else 'DIFFERENT'}"
	)
	print(f"peak memory ratio: {large['peak_kib'] / base['peak_kib']:.2f}")


if __name__ == "__main__":
	os.environ.setdefault("PYTHONHASHSEED", "0")
	main()
