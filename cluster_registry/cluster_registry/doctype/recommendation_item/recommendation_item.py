from frappe.model.document import Document


class RecommendationItem(Document):
	pass
