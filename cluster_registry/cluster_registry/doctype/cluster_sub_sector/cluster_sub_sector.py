from frappe.model.document import Document

from cluster_registry.cluster_registry.input_checks import check_figures, check_one_row_per_year


class ClusterSubsector(Document):
	def validate(self):
		check_figures(self)
		check_one_row_per_year(self, "industry_averages")
