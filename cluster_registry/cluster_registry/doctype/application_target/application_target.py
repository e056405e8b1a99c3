from frappe.model.document import Document


class ApplicationTarget(Document):
	pass
