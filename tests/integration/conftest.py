"""The integration tier: pytest inside a bench, against a real site and a real HTTP server.

Set FRAPPE_BENCH (default /opt/frappe-bench) and TEST_SITE (default
cluster-registry-test.localhost); `tests/run` does both and prepares the site.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import frappe
import pytest
import requests

BENCH = Path(os.environ.get("FRAPPE_BENCH", "/opt/frappe-bench"))
SITE = os.environ.get("TEST_SITE", "cluster-registry-test.localhost")

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session", autouse=True)
def site():
	os.chdir(BENCH / "sites")
	frappe.init(site=SITE, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	yield
	frappe.db.rollback()
	frappe.destroy()


@pytest.fixture(autouse=True)
def rollback_after_each_test():
	"""Each test speaks Chinese, as the officials do, and leaves nothing in the database."""
	frappe.local.lang = "zh"
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")


def _free_port() -> int:
	with socket.socket() as probe:
		probe.bind(("127.0.0.1", 0))
		return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(site):
	"""A real Frappe web server (werkzeug, as `bench serve`) on a loopback port.

	While it runs, the site's host_name points at it, so that wkhtmltopdf can fetch the assets a
	print links to (as nginx serves them in production).
	"""
	from frappe.installer import update_site_config

	port = _free_port()
	previous_host = frappe.conf.get("host_name")
	update_site_config("host_name", f"http://127.0.0.1:{port}")
	frappe.local.conf.host_name = f"http://127.0.0.1:{port}"  # for PDFs made in this process too
	log = open(BENCH / "logs" / "cluster-registry-test-server.log", "w")
	process = subprocess.Popen(
		[
			str(BENCH / "env/bin/python"),
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			SITE,
			"serve",
			"--port",
			str(port),
			"--noreload",
		],
		cwd=BENCH / "sites",
		stdout=log,
		stderr=subprocess.STDOUT,
	)
	url = f"http://127.0.0.1:{port}"
	for _ in range(120):
		try:
			requests.get(f"{url}/api/method/ping", headers={"Host": SITE}, timeout=2)
			break
		except requests.ConnectionError:
			time.sleep(0.5)
	else:
		process.kill()
		pytest.fail("the test web server did not start; see logs/cluster-registry-test-server.log")
	yield url
	process.terminate()
	process.wait(timeout=20)
	log.close()
	update_site_config("host_name", previous_host or "None")
	frappe.local.conf.host_name = previous_host


@pytest.fixture(scope="session")
def api(server):
	"""A REST client authenticated as Administrator with an API key made for the run."""
	from rest_client import RestClient

	user = frappe.get_doc("User", "Administrator")
	key, secret = user.api_key or frappe.generate_hash(length=15), frappe.generate_hash(length=15)
	user.api_key, user.api_secret = key, secret
	user.save(ignore_permissions=True)
	frappe.db.commit()
	client = RestClient(server, SITE, f"token {key}:{secret}")
	yield client
	client.delete_created()
