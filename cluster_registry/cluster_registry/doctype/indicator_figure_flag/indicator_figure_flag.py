from frappe.model.document import Document


class IndicatorFigureFlag(Document):
	pass
