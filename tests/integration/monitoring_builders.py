"""A recognised cluster for the monitoring tests: a 省级 filing with hand-set targets walked by
the officials to 省级认定 (round 2026: baseline 2025, target 2028, stages 2026–2028)."""

import approval_builders as chain
import builders as make
import frappe
import people

# indicator -> (baseline, target, stage targets 2026, 2027, 2028), two decimals as the forms keep
# them: 20 % a year for R&D (1.25 → 1.5, 1.8, 2.16) and patents (100 → 120, 144, 172.8), energy
# per output down from 0.50 to 0.40 (the path: 0.4642, 0.4309, 0.40).
TARGETS = {
	"研发经费投入": (1.25, 2.16, (1.50, 1.80, 2.16)),
	"有效发明专利数量": (100, 172.8, (120, 144, 172.8)),
	"单位工业产值能耗": (0.50, 0.40, (0.47, 0.44, 0.40)),
}


def recognised_cluster(cluster: str, round_name: str, document_no: str, date: str):
	"""The county's filing with TARGETS, recognised by the province (document number and date)."""
	doc = chain.draft(cluster, round_name)

	def set_targets():
		filing = frappe.get_doc("Cluster Application", doc.name)
		for row in filing.targets:
			if row.indicator in TARGETS:
				row.baseline_value, row.target_value, stages = TARGETS[row.indicator]
				row.stage_1, row.stage_2, row.stage_3 = stages
		filing.save()

	chain.as_user(people.COUNTY, set_targets)
	doc = chain.advance(doc, "专家评审")

	def recognise():
		filing = frappe.get_doc("Cluster Application", doc.name)
		filing.recognition_document_no, filing.recognition_date = document_no, date
		filing.save()

	chain.as_user(people.PROVINCE, recognise)
	chain.act(doc, "认定", people.PROVINCE)
	return frappe.get_doc("Cluster Application", doc.name)


def recognised_earlier(name: str, county: str, level="省级", year=2023, valid_until="2026-06-30"):
	"""A cluster the province recognised in an earlier round, entered on the cluster."""
	cluster = make.cluster(name=name, county=county)
	cluster.append(
		"recognitions",
		{
			"level": level,
			"year": year,
			"document_no": f"晋工信企业函〔{year}〕8号",
			"valid_until": valid_until,
		},
	)
	cluster.save()
	return cluster.name


def api_keys(users) -> dict[str, str]:
	keys = {}
	for user in users:
		doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		doc.api_key, doc.api_secret = doc.api_key or frappe.generate_hash(length=15), secret
		doc.save(ignore_permissions=True)
		keys[user] = f"token {doc.api_key}:{secret}"
	return keys
