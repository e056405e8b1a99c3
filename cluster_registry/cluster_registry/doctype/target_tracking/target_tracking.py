from frappe.model.document import Document


class TargetTracking(Document):
	pass
