"""What a submitted filing prints stays what was submitted.

The outputs print, beside the filing's own answers, facts of the cluster record (cover, promotion
organisation, parks, the figures behind the 四库 caption) and the rows of the tables the app fills
(the 四库 and the name lists). Those records keep changing after a filing is submitted — the
county edits its cluster, enterprises join — so when a filing leaves the county (submitted to the
city), those facts and rows are written into the filing (field output_snapshot, hidden) and every
output of the frozen filing prints them; a filing returned for correction prints the live records
again and is snapshotted anew when it is submitted again.
"""

import json

import frappe

from cluster_registry.approval_states import DRAFT, EDITABLE


def take_when_submitted(doc, before):
	"""Called from validate: a filing leaving the county's hands records what its outputs print."""
	old = before.status if before else DRAFT
	if doc.status in EDITABLE or old not in EDITABLE:
		return
	from cluster_registry.cluster_registry.outputs.records import live_facts_and_tables

	facts, tables = live_facts_and_tables(doc)
	doc.output_snapshot = json.dumps({"facts": facts, "tables": tables}, default=str, ensure_ascii=False)


def submitted_facts_and_tables(doc) -> tuple[dict, dict] | None:
	"""The facts and table rows recorded at submission, for a filing that is not editable."""
	if doc.status in EDITABLE or not doc.get("output_snapshot"):
		return None
	recorded = json.loads(doc.output_snapshot)
	return frappe._dict(recorded["facts"]), recorded["tables"]
