import frappe

from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key
from cluster_registry.cluster_registry.input_checks import check_one_row_per_year
from cluster_registry.figures.honours import brand_titles


class ClusterEnterprise(ClusterRecord):
	year_spans = (("joined_year", "left_year"),)
	key_field = "enterprise"

	def validate(self):
		super().validate()
		check_one_row_per_year(self, "annual_figures")
		self.brand_honours = brand_titles(
			frappe.get_all(
				"Enterprise Honour",
				filters={"parent": self.enterprise, "parenttype": "Enterprise"},
				pluck="honour_type",
			)
		)


def on_doctype_update():
	add_unique_key("Cluster Enterprise")
