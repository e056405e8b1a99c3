from frappe.model.document import Document


class OnsiteVerification(Document):
	pass
