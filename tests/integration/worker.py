"""A real background worker for the tests: `frappe worker --burst` runs what is queued and stops."""

import subprocess

from conftest import BENCH, SITE
from frappe.utils.background_jobs import get_queue


def forget_queued_jobs(*queues: str):
	"""Drop what earlier steps queued (gravatar look-ups of new users, link clean-ups…), so that the
	worker runs only what the test is about."""
	for queue in queues:
		get_queue(queue).empty()


def run_queued_jobs(queue: str = "default", timeout: int = 600) -> str:
	"""Runs every job of the queue in a worker process, as a deployed site would; returns its log."""
	done = subprocess.run(
		[
			str(BENCH / "env/bin/python"),
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			SITE,
			"worker",
			"--burst",
			"--queue",
			queue,
		],
		cwd=BENCH / "sites",
		timeout=timeout,
		capture_output=True,
		text=True,
	)
	assert done.returncode == 0, done.stdout + done.stderr
	return done.stdout + done.stderr
