"""Build a realistic demo province: clusters with years of figures and large enterprise libraries.

The libraries (enterprises, honours, members, patents, standards) are bulk-inserted: they are
generated valid (credit codes with their GB 32100 check character, years in range), and their
counts are what the annual records then compute through the ordinary save.
"""

import random

import frappe
from frappe.utils import now

from cluster_registry.cluster_registry.regions import load_regions
from cluster_registry.demo.catalogue import (
	HONOUR_RATES,
	NAME_FORMS,
	NAME_HEADS,
	NAME_TAILS,
	PARKS,
	PLATFORM_KINDS,
	SUB_SECTORS,
)
from cluster_registry.figures.honours import brand_titles
from cluster_registry.rules.uscc import check_character


def build_demo_province(province: str, clusters: int, enterprises: int, years: range, seed: int) -> list[str]:
	"""Sub-sectors and `clusters` clusters in the counties of the province; returns their names."""
	load_regions()
	rng = random.Random(seed)
	make_sub_sectors(years)
	province_node = frappe.db.get_value("Administrative Region", province, ["lft", "rgt"], as_dict=True)
	counties = frappe.get_all(
		"Administrative Region",
		filters={"region_level": "县", "lft": (">", province_node.lft), "rgt": ("<", province_node.rgt)},
		pluck="name",
		order_by="name",
	)
	chosen = rng.sample(counties, min(clusters, len(counties)))
	return [
		build_demo_cluster(county, SUB_SECTORS[i % len(SUB_SECTORS)], enterprises, years, rng)
		for i, county in enumerate(chosen)
	]


def make_sub_sectors(years: range):
	for name, industry_type, energy, water, _industries, averages in SUB_SECTORS:
		if frappe.db.exists("Cluster Sub-sector", name):
			continue
		frappe.get_doc(
			{
				"doctype": "Cluster Sub-sector",
				"sub_sector_name": name,
				"industry_type": industry_type,
				"is_high_energy": energy,
				"is_high_water": water,
				"industry_averages": [
					{
						"year": year,
						"industrial_internet_penetration": averages[0] + i,
						"co2_reduction_rate": averages[1],
						"energy_intensity_reduction_rate": averages[2],
						"source_document": "演示数据",
					}
					for i, year in enumerate(years)
				],
			}
		).insert(ignore_permissions=True)


def build_demo_cluster(county: str, sector: tuple, enterprises: int, years: range, rng: random.Random) -> str:
	"""One cluster with its library, name lists and annual records; returns its name."""
	sub_sector, _type, _energy, _water, industries, _averages = sector
	industry = rng.choice(industries)
	region = frappe.db.get_value(
		"Administrative Region", county, ["region_name", "parent_administrative_region"], as_dict=True
	)
	city_name = frappe.db.get_value(
		"Administrative Region", region.parent_administrative_region, "region_name"
	)
	cluster_name = f"{city_name}{region.region_name}{industry.removesuffix('产业')}产业集群"
	existing = frappe.db.get_value("Industrial Cluster", {"cluster_name": cluster_name})
	if existing:
		return existing
	cluster = frappe.get_doc(
		{
			"doctype": "Industrial Cluster",
			"cluster_name": cluster_name,
			"county": county,
			"lead_industry": industry,
			"sub_sector": sub_sector,
			"competent_authority": f"{region.region_name}工业和信息化局",
			"authority_contact": "王主任",
			"authority_phone": "0351-1234567",
			"operator": f"{region.region_name}{rng.choice(PARKS)}管理委员会",
			"area_km2": round(rng.uniform(8, 95), 2),
			"established_year": years.start - rng.randint(5, 20),
			"parks": [{"park_name": f"{region.region_name}{rng.choice(PARKS)}", "is_core": 1}],
		}
	).insert(ignore_permissions=True)
	library = Library(cluster, county, years, rng)
	library.add_enterprises(enterprises)
	library.add_name_lists(enterprises)
	for year, figures in annual_figures(years, enterprises, rng).items():
		frappe.get_doc(
			{"doctype": "Cluster Annual Indicator", "cluster": cluster.name, "year": year, **figures}
		).insert(ignore_permissions=True)
	return cluster.name


class Library:
	"""Bulk rows of one cluster's enterprise library and name lists."""

	def __init__(self, cluster, county: str, years: range, rng: random.Random):
		self.cluster, self.county, self.years, self.rng = cluster, county, years, rng
		self.stamp, self.user = now(), frappe.session.user
		self.codes: list[str] = []

	def standard_columns(self) -> dict:
		return {"creation": self.stamp, "modified": self.stamp, "owner": self.user, "modified_by": self.user}

	def insert(self, doctype: str, rows: list[dict]):
		if rows:
			fields = list(rows[0])
			frappe.db.bulk_insert(doctype, fields, [tuple(row[f] for f in fields) for row in rows])

	def add_enterprises(self, count: int):
		first_year = self.years.start
		enterprises, honours, members = [], [], []
		base = int(self.cluster.name.split("-")[-1]) * 1_000_000
		for serial in range(count):
			body = f"91{self.county}{base + serial:09d}"
			code = body + check_character(body)
			held = self.pick_honours()
			enterprises.append(
				{
					"name": code,
					"uscc": code,
					"enterprise_name": self.enterprise_name(serial),
					"region": self.county,
					"is_sme": int(self.rng.random() < 0.92),
					"is_above_designated_size": int(self.rng.random() < 0.3),
					"listing_status": "创业板" if self.rng.random() < 0.01 else "未上市",
					**self.standard_columns(),
				}
			)
			for idx, (honour, year, until) in enumerate(held, start=1):
				honours.append(
					{
						"name": frappe.generate_hash(length=12),
						"parent": code,
						"parenttype": "Enterprise",
						"parentfield": "honours",
						"idx": idx,
						"honour_type": honour,
						"year_awarded": year,
						"valid_until": until,
						**self.standard_columns(),
					}
				)
			joined = (
				first_year - self.rng.randint(0, 8)
				if self.rng.random() < 0.85
				else self.rng.choice(self.years)
			)
			left = self.rng.choice(self.years) if self.rng.random() < 0.04 and joined < self.years[-1] else 0
			members.append(
				{
					"name": frappe.generate_hash(length=12),
					"cluster": self.cluster.name,
					"county": self.county,
					"enterprise": code,
					"enterprise_name": enterprises[-1]["enterprise_name"],
					"lead_industry_related": int(self.rng.random() < 0.85),
					"joined_year": joined,
					"left_year": max(left, joined) if left else 0,
					"park": self.cluster.parks[0].park_name,
					"brand_honours": brand_titles([h[0] for h in held]),
					**self.standard_columns(),
				}
			)
			self.codes.append(code)
		self.insert("Enterprise", enterprises)
		self.insert("Enterprise Honour", honours)
		self.insert("Cluster Enterprise", members)

	def pick_honours(self) -> list[tuple]:
		held = []
		for honour, (rate, valid_years) in HONOUR_RATES.items():
			if self.rng.random() < rate:
				year = self.rng.randint(self.years.start - 3, self.years[-1])
				until = f"{year + valid_years}-12-31" if valid_years else None
				held.append((honour, year, until))
		return held

	def enterprise_name(self, serial: int) -> str:
		head = (
			NAME_HEADS[serial % len(NAME_HEADS)] + NAME_HEADS[(serial // len(NAME_HEADS)) % len(NAME_HEADS)]
		)
		return f"山西{head}{NAME_TAILS[serial % len(NAME_TAILS)]}{serial:05d}{NAME_FORMS[serial % 3]}"

	def add_name_lists(self, enterprises: int):
		rng, years = self.rng, self.years

		def common() -> dict:
			return {
				"name": frappe.generate_hash(length=12),
				"cluster": self.cluster.name,
				"county": self.county,
				**self.standard_columns(),
			}

		patents = []
		for i in range(int(enterprises * 0.4)):
			granted = rng.randint(years.start - 6, years[-1])
			patents.append(
				{
					**common(),
					"enterprise": rng.choice(self.codes),
					"holder_name": "",
					"patent_type": "发明专利",
					"patent_no": f"ZL{granted}1{self.cluster.name[-5:]}{i:05d}.{i % 10}",
					"title": f"一种{rng.choice(NAME_TAILS)}装置",
					"grant_year": granted,
					"lapsed_year": granted + rng.randint(3, 9) if rng.random() < 0.1 else 0,
				}
			)
		standards = []
		for i in range(max(4, enterprises // 40)):
			standards.append(
				{
					**common(),
					"enterprise": rng.choice(self.codes),
					"holder_name": "",
					"standard_no": f"T/SX{self.cluster.name[-5:]}{i:04d}-{years[-1]}",
					"standard_name": f"{rng.choice(NAME_TAILS)}技术条件",
					"category": rng.choice(("国家", "行业", "团体", "团体")),
					"role": rng.choice(("主持", "参与")),
					"drafting_rank": rng.randint(1, 3),
					"year": rng.randint(years.start - 4, years[-1]),
				}
			)
		platforms = [
			{
				**common(),
				"platform_name": f"{self.cluster.cluster_name}{kind}",
				"level": rng.choice(("国家级", "省级", "其他")),
				"platform_type": kind,
				"enterprise": rng.choice(self.codes),
				"approval_year": rng.randint(years.start - 5, years[-1]),
			}
			for kind in PLATFORM_KINDS
		]
		self.insert("Cluster Patent", patents)
		self.insert("Cluster Standard", standards)
		self.insert("Innovation Platform", platforms)


def annual_figures(years: range, enterprises: int, rng: random.Random) -> dict[int, dict]:
	"""Plausible figures year by year: output growing 6–15% a year, shares in the usual ranges."""
	output = round(rng.uniform(40, 300), 2)
	employees = enterprises * rng.randint(40, 90)
	figures = {}
	for year in years:
		sme_share, lead_share = rng.uniform(0.70, 0.86), rng.uniform(0.72, 0.92)
		revenue = output * rng.uniform(0.9, 1.1)
		rd_expense = revenue * rng.uniform(0.015, 0.03)
		figures[year] = {
			"total_output": round(output, 2),
			"county_industrial_output": round(output / rng.uniform(0.2, 0.6), 2),
			"sme_output": round(output * sme_share, 2),
			"lead_industry_output": round(output * lead_share, 2),
			"revenue": round(revenue, 2),
			"sme_revenue": round(revenue * sme_share, 2),
			"profit": round(revenue * rng.uniform(0.03, 0.09), 2),
			"tax": round(revenue * rng.uniform(0.02, 0.05), 2),
			"employees": employees,
			"sme_employees": int(employees * sme_share),
			"rd_expense": round(rd_expense, 2),
			"sme_rd_expense": round(rd_expense * sme_share * rng.uniform(0.8, 1.0), 2),
			"rd_personnel": int(employees * rng.uniform(0.06, 0.12)),
			"cloud_smes": int(enterprises * 0.92 * rng.uniform(0.4, 0.7)),
			"iip_smes": int(enterprises * 0.92 * rng.uniform(0.2, 0.45)),
			"co2_emissions": round(output * 10000 * rng.uniform(0.3, 0.9), 2),
			"energy_consumption": round(output * 10000 * rng.uniform(0.15, 0.4), 2),
			"fdi": round(rng.uniform(500, 8000), 2),
			"lead_product_exports": round(rng.uniform(2000, 50000), 2),
		}
		employees = int(employees * rng.uniform(1.01, 1.05))
		output *= rng.uniform(1.06, 1.15)
	return figures
