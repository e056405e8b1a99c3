from frappe.model.document import Document

from cluster_registry.cluster_registry import monitoring_filings, monitoring_steps


class ClusterMonitoringFiling(Document):
	def before_insert(self):
		monitoring_filings.set_facts(self)
		monitoring_filings.prefill(self)

	def validate(self):
		monitoring_filings.set_facts(self)
		monitoring_filings.check_round_is_the_clusters(self)
		before = self.get_doc_before_save()
		monitoring_steps.check_step(self, before)
		monitoring_steps.check_figures(self, before)
		monitoring_steps.check_transition(self, before)
		monitoring_filings.track(self)

	def on_update(self):
		monitoring_steps.warn_if_severely_behind(self, self.get_doc_before_save())
