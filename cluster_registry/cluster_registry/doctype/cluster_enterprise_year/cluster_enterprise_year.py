from frappe.model.document import Document


class ClusterEnterpriseYear(Document):
	pass
