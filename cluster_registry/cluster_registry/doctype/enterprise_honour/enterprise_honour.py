from frappe.model.document import Document


class EnterpriseHonour(Document):
	pass
