"""The workflow's e-mails as they really go: a transition over HTTP queues Frappe's
send_workflow_action_email job, a real RQ worker process picks it up (unpickling the filing, and so
importing the app, before it binds its site), and the mail waits in the Email Queue for the
officials of the next step in the filing's territory, and for no one else."""

import json
import os
import subprocess
import time
from pathlib import Path

import approval_builders as chain
import evidence_builders as build
import filing_builders as filings
import frappe
import people
import pytest
from conftest import BENCH, SITE
from rest_client import server_message
from worker import forget_queued_jobs

APP_ROOT = Path(__file__).resolve().parents[2]


# An outgoing mail server in the site's config (never reached: the mails wait in the Email Queue,
# which only the scheduler flushes). Without one, Frappe logs "Failed to send workflow action email".
MAIL_CONFIG = {
	"mail_server": "127.0.0.1",
	"mail_port": 2525,
	"auto_email_id": "noreply@cluster-registry.invalid",
}


@pytest.fixture
def outgoing_mail():
	from frappe.installer import update_site_config

	for key, value in MAIL_CONFIG.items():
		update_site_config(key, value)
	yield
	for key in MAIL_CONFIG:
		update_site_config(key, "None")


@pytest.fixture
def worker(server, outgoing_mail):
	# the mail jobs of every transition earlier tests made (their filings are gone) would hold the
	# worker for minutes before it reaches this filing's
	forget_queued_jobs("short", "default", "long")
	log = open(BENCH / "logs" / "cluster-registry-test-worker.log", "w")
	process = subprocess.Popen(
		[
			str(BENCH / "env/bin/python"),
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			SITE,
			"worker",
			"--queue",
			"short,default,long",
		],
		cwd=BENCH / "sites",
		env={**os.environ, "PYTHONPATH": str(APP_ROOT)},
		stdout=log,
		stderr=subprocess.STDOUT,
	)
	yield process
	process.terminate()
	process.wait(timeout=30)
	log.close()


@pytest.fixture
def filing():
	people.make_people()
	round_name = chain.test_round(round_title="2026年度邮件测试批次")
	doc = chain.draft(filings.cluster_with_figures("山西省太原市小店区邮件测试产业集群"), round_name)
	frappe.db.commit()
	yield doc
	frappe.db.delete("Email Queue", {"reference_name": doc.name})
	for doctype in ("Application Answer", "Application Target"):
		frappe.db.delete(doctype, {"parent": doc.name})
	for doctype in ("Workflow Action", "Comment"):
		frappe.db.delete(doctype, {"reference_name": doc.name})
	frappe.db.delete("Cluster Application", {"name": doc.name})
	frappe.db.delete("Cluster Annual Indicator", {"cluster": doc.cluster})
	frappe.delete_doc("Industrial Cluster", doc.cluster, force=True, ignore_permissions=True)
	frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


def mails(reference: str) -> dict[str, set[str]]:
	"""Email Queue entries of the filing → their recipients (as the worker committed them)."""
	frappe.db.rollback()
	queued = frappe.get_all("Email Queue", filters={"reference_name": reference}, pluck="name")
	found = {name: set() for name in queued}
	for row in frappe.get_all(
		"Email Queue Recipient", filters={"parent": ("in", queued or [""])}, fields=["parent", "recipient"]
	):
		found[row.parent].add(row.recipient)
	return found


def new_mails(reference: str, known: set[str], wait=180) -> dict[str, set[str]]:
	for _ in range(wait):
		found = {name: to for name, to in mails(reference).items() if name not in known}
		if found:
			time.sleep(3)  # any further mail of the same job
			return {name: to for name, to in mails(reference).items() if name not in known}
		time.sleep(1)
	return {}


def recipients(found: dict[str, set[str]]) -> set[str]:
	return set().union(*found.values()) if found else set()


def test_each_step_mails_the_next_officials_of_the_territory(server, worker, filing):
	# the new draft: its next step (提交市级) is the county's, so its county officer hears of it
	drafted = new_mails(filing.name, set())
	assert recipients(drafted) == {people.COUNTY}, "see logs/cluster-registry-test-worker.log"
	county = build.client(server, people.COUNTY)
	doc = frappe.get_doc("Cluster Application", filing.name)
	response = county.session.post(
		f"{server}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc.as_dict(), default=str), "action": "提交市级"},
	)
	assert response.status_code == 200, server_message(response)
	# submitted: 开始现场核查 / 退回修改 are 太原市's, not 大同市's nor the county's
	submitted = new_mails(filing.name, set(drafted))
	assert recipients(submitted) == {people.CITY}, "see logs/cluster-registry-test-worker.log"
	failed = frappe.get_all(
		"Error Log", filters={"method": ("like", "%workflow action email%")}, pluck="name"
	)
	assert failed == []


def test_importing_the_app_touches_no_site():
	"""Every module of the app imports in a fresh process with no site bound (as an RQ worker
	unpickling a job does): none builds a query, reads the database or a DocType's meta at import."""
	script = """
import importlib, pkgutil, sys
import frappe
import cluster_registry
failed = []
for module in pkgutil.walk_packages(cluster_registry.__path__, "cluster_registry."):
	try:
		importlib.import_module(module.name)
	except Exception as error:
		failed.append(f"{module.name}: {type(error).__name__}: {error}")
assert not getattr(frappe.local, "site", None), "a site was bound"
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""
	result = subprocess.run(
		[str(BENCH / "env/bin/python"), "-c", script],
		cwd="/",
		env={**os.environ, "PYTHONPATH": str(APP_ROOT)},
		capture_output=True,
		text=True,
		timeout=300,
	)
	assert result.returncode == 0, result.stdout + result.stderr
