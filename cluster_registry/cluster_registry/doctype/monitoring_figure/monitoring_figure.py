from frappe.model.document import Document


class MonitoringFigure(Document):
	pass
