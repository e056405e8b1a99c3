from frappe.model.document import Document


class ExpertReview(Document):
	pass
