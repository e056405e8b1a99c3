from frappe.model.document import Document


class ClusterPark(Document):
	pass
