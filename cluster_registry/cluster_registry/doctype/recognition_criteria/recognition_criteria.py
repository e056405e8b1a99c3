import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from cluster_registry.cluster_registry.input_checks import check_figures
from cluster_registry.rules.criteria import CLUSTER_FIELD, metric_fields, on_cluster


class UnknownMetricError(frappe.ValidationError):
	field = "metric"


class RecognitionCriteria(Document):
	def validate(self):
		check_figures(self)
		self.check_metrics()

	def check_metrics(self):
		"""Every metric names annual indicator fields (joined by +) or a field of the cluster."""
		indicator = frappe.get_meta("Cluster Annual Indicator")
		cluster = frappe.get_meta("Industrial Cluster")
		unknown = []
		for row in self.criteria:
			for part in metric_fields(row.metric or ""):
				meta, field = (
					(cluster, part.removeprefix(CLUSTER_FIELD)) if on_cluster(part) else (indicator, part)
				)
				if not meta.has_field(field):
					unknown.append(_("row {0}: {1}").format(row.idx, escape_html(part)))
		if unknown:
			frappe.throw(
				_(
					"{0} must name fields of the annual indicators (several joined by +) or cluster.<field>; unknown: {1}"
				).format(_("Metric", context="Recognition Criterion"), "；".join(unknown)),
				UnknownMetricError,
				title=_("Recognition Criteria"),
			)
