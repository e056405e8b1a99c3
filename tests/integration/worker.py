"""A real background worker for the tests: `frappe worker --burst` runs what is queued and stops."""

import subprocess

from conftest import BENCH, SITE


def run_queued_jobs(timeout: int = 600):
	"""Runs every job queued for the test site in a worker process, as a deployed site would."""
	subprocess.run(
		[
			str(BENCH / "env/bin/python"),
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			SITE,
			"worker",
			"--burst",
		],
		cwd=BENCH / "sites",
		check=True,
		timeout=timeout,
		capture_output=True,
	)
