from frappe.model.document import Document


class ClusterRecognition(Document):
	pass
