from frappe.model.document import Document


class RecognitionCriterion(Document):
	pass
