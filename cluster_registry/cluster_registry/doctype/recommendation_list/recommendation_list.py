from frappe.model.document import Document


class RecommendationList(Document):
	pass
