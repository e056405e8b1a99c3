from frappe.model.document import Document


class ClusterCounty(Document):
	pass
