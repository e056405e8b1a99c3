"""`bench --site SITE run-tests --app cluster_registry` runs the app's own test tiers.

The tests are pytest modules kept beside the app package (tests/unit: no site; tests/integration:
this site, over the ORM and over HTTP through a server it starts). Frappe's runner collects
unittest classes from the package, so each tier is one test here that runs pytest on the site
Frappe was started for and fails with pytest's output when any of its tests fails. `tests/run`
in the checkout does the same on a site of its own, which is what CI runs.
"""

import os
import subprocess
import sys
import unittest
from pathlib import Path

import frappe
from frappe.utils import get_bench_path

CHECKOUT = Path(__file__).resolve().parents[2]


class TestTiers(unittest.TestCase):
	def run_tier(self, tier: str):
		folder = CHECKOUT / "tests" / tier
		if not folder.is_dir():
			self.fail(
				f"{folder} is missing: run the tests from a checkout of cluster_registry (bench get-app keeps tests/)."
			)
		env = os.environ | {
			"FRAPPE_BENCH": get_bench_path(),
			"TEST_SITE": frappe.local.site,
			"PYTHONPATH": os.pathsep.join(filter(None, [str(CHECKOUT), os.environ.get("PYTHONPATH")])),
		}
		frappe.db.commit()  # the tier's own connections must not wait on this one
		result = subprocess.run(
			[sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(folder)],
			cwd=Path(get_bench_path()) / "sites",
			env=env,
			capture_output=True,
			text=True,
		)
		print(
			f"\n--- cluster_registry {tier} tier (pytest {folder}) ---\n{result.stdout[-20000:]}{result.stderr[-5000:]}"
		)
		self.assertEqual(result.returncode, 0, f"the {tier} tier failed: see its pytest output above")
		self.assertNotIn(" skipped", result.stdout.splitlines()[-1], f"the {tier} tier skipped tests")

	def test_unit_tier(self):
		self.run_tier("unit")

	def test_integration_tier(self):
		self.run_tier("integration")
