"""bench commands: `bench --site SITE load-regions` and `bench --site SITE load-demo`."""

import click
import frappe
from frappe.commands import get_site, pass_context


@click.command("load-regions")
@pass_context
def load_regions_command(context):
	"""Load the national list of provinces, cities and counties (idempotent)."""
	from cluster_registry.cluster_registry.regions import load_regions

	with _connected(context):
		added = load_regions()
		frappe.db.commit()
	click.echo(f"Administrative regions added: {added}")


@click.command("load-demo")
@click.option("--province", default="140000", show_default=True, help="Code of the demo province")
@click.option("--clusters", default=6, show_default=True, type=int)
@click.option("--enterprises", default=800, show_default=True, type=int, help="Enterprises per cluster")
@click.option("--years", default=5, show_default=True, type=click.IntRange(3, 8))
@click.option("--last-year", default=2025, show_default=True, type=int)
@click.option("--seed", default=2026, show_default=True, type=int)
@pass_context
def load_demo_command(context, province, clusters, enterprises, years, last_year, seed):
	"""Build a realistic demo province: sub-sectors, clusters, enterprises with honours, figures."""
	from cluster_registry.demo.province import build_demo_province

	with _connected(context):
		made = build_demo_province(
			province=province,
			clusters=clusters,
			enterprises=enterprises,
			years=range(last_year - years + 1, last_year + 1),
			seed=seed,
		)
		frappe.db.commit()
	click.echo(f"Demo clusters built: {', '.join(made)}")


class _connected:
	def __init__(self, context):
		self.site = get_site(context)

	def __enter__(self):
		frappe.init(site=self.site)
		frappe.connect()

	def __exit__(self, *exc):
		frappe.destroy()


commands = [load_regions_command, load_demo_command]
