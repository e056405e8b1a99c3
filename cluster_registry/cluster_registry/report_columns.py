"""The columns of the Script Reports, each kind written once: a plain column, a link, the cluster,
its city and county, a figure with two decimals. Labels come translated from the caller (`_()` on
a literal, so that the translation check sees them)."""


def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 100, **more) -> dict:
	return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width, **more}


def link(fieldname: str, label: str, doctype: str, width: int = 100) -> dict:
	return column(fieldname, label, "Link", width, options=doctype)


def region(fieldname: str, label: str, width: int = 100) -> dict:
	return link(fieldname, label, "Administrative Region", width)


def cluster(label: str, width: int = 100) -> dict:
	return link("cluster", label, "Industrial Cluster", width)


def figure(fieldname: str, label: str, width: int = 90, fieldtype: str = "Float") -> dict:
	"""A figure as the forms give it: two decimals."""
	return column(fieldname, label, fieldtype, width, precision=2)
