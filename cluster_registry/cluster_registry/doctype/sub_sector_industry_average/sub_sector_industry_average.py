from frappe.model.document import Document


class SubsectorIndustryAverage(Document):
	pass
