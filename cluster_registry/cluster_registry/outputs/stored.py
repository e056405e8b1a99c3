"""Outputs built in the background (the bound filing, the Form (PDF) of a large filing) kept as
private files of their application, one per name: a rebuilt output replaces the one before."""

import hashlib

import frappe

from cluster_registry.renderers.file_names import safe_file_name


def attach_output(doc, file_name: str, content: bytes) -> str:
	"""Attaches the content to the document as a private file named file_name (made safe for
	every browser), replacing a file of that name attached before; returns its URL. Written to
	disk here and recorded without Frappe's upload-size limit (max_file_size is for uploads; the
	bound filing of a large cluster runs to hundreds of megabytes)."""
	file_name = safe_file_name(file_name)
	for old in frappe.get_all(
		"File",
		filters={"attached_to_doctype": doc.doctype, "attached_to_name": doc.name, "file_name": file_name},
		pluck="name",
	):
		frappe.delete_doc("File", old, ignore_permissions=True)
	stored_name = f"{frappe.generate_hash(length=10)}-{file_name}"
	with open(frappe.get_site_path("private", "files", stored_name), "wb") as disk:
		disk.write(content)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"name": frappe.generate_hash(length=10),
			"file_name": file_name,
			"file_url": f"/private/files/{stored_name}",
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"is_private": 1,
			"folder": "Home/Attachments",
			"file_size": len(content),
			"content_hash": hashlib.md5(content, usedforsecurity=False).hexdigest(),
		}
	)
	file.db_insert()
	file.flags.new_file = True  # a rolled-back build leaves no file on disk
	frappe.db.after_rollback.add(file.on_rollback)
	return file.file_url
