from frappe.model.document import Document


class RoundOpening(Document):
	pass
