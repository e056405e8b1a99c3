from frappe.model.document import Document


class ApplicationAnswer(Document):
	pass
