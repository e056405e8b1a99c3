"""Files of the app's records follow their records: a File attached to a record of the app is listed
only to those who may read that record; a File record is made by uploading the file itself, never
by pointing at another's private file; an evidence file is a PDF or an image, and the evidence of
a frozen filing, with its files, stays as it was submitted until the filing is returned.

Hooked on "File" (hooks.py: permission_query_conditions, has_permission, doc_events)."""

from urllib.parse import unquote

import frappe
from frappe import _
from frappe.utils import cint, escape_html

from cluster_registry.approval_states import EDITABLE
from cluster_registry.cluster_registry.approval import FilingFrozenError
from cluster_registry.rules import files as file_rules

MODULE = "Cluster Registry"
EVIDENCE = "Cluster Evidence"
APPLICATION = "Cluster Application"


class FileReplacedError(frappe.ValidationError):
	"""A File record pointed at another URL."""


class PublicEvidenceError(frappe.ValidationError):
	"""An evidence file made public."""


class NotUploadedHereError(frappe.ValidationError):
	"""Evidence naming a file that was not uploaded to it (or no stored file at all)."""

	field = "file"


class FileNameError(frappe.ValidationError):
	"""A file name with characters a file name may not have."""


class FileTypeError(frappe.ValidationError):
	"""Evidence that is not a PDF, PNG or JPEG, whatever its name says."""


class FileTooLargeError(frappe.ValidationError):
	pass


# ---- lists: GET /api/resource/File, the File list, the attachment sidebar


def file_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Files attached to a record of the app only where the user may read that record; other
	files as Frappe decides."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	app_doctypes = frappe.get_all("DocType", filters={"module": MODULE, "istable": 0}, pluck="name")
	attached = frappe.get_all(
		"File",
		filters={"attached_to_doctype": ("in", app_doctypes)},
		pluck="attached_to_doctype",
		distinct=True,
	)
	allowed = [
		f"(`tabFile`.`attached_to_doctype` = {frappe.db.escape(doctype)}"
		f" and `tabFile`.`attached_to_name` in ({readable_names_sql(doctype, user)}))"
		for doctype in sorted(attached)
		if frappe.has_permission(doctype, "read", user=user)
	]
	others = ", ".join(frappe.db.escape(doctype) for doctype in app_doctypes)
	return (
		"(ifnull(`tabFile`.`attached_to_doctype`, '') = ''"
		f" or `tabFile`.`attached_to_doctype` not in ({others})"
		+ "".join(f" or {condition}" for condition in allowed)
		+ ")"
	)


def readable_names_sql(doctype: str, user: str) -> str:
	"""The SELECT of the names of doctype the user may read (role, User Permissions, the app's
	permission query conditions), as the list view builds it."""
	return frappe.get_list(
		doctype, fields=["name"], user=user, limit_page_length=0, order_by="name", run=0, strict=False
	)


# ---- single File records


def has_file_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""A File record made without content points at a file already stored: it may point only at a
	file the user may already read (else a county could reach another's private evidence by
	creating a File record with its URL). Says nothing (None) otherwise: Frappe v15 takes the
	verdict of the last has_permission hook that gives one, and Frappe's own File hook decides the
	rest."""
	user = user or frappe.session.user
	if ptype != "create" or user == "Administrator" or doc.get("is_folder") or doc.get("content"):
		return None
	url = unquote(doc.get("file_url") or "")
	if not url or url.startswith(("http://", "https://")) or (url.startswith("/files/") and ".." not in url):
		return None
	if any(
		frappe.has_permission("File", "read", doc=name, user=user)
		for name in frappe.get_all("File", filters={"file_url": doc.get("file_url")}, pluck="name")
	):
		return None
	frappe.msgprint(
		_("A file is added by uploading it: {0} is not a file you may read.").format(
			escape_html(doc.get("file_url") or "")
		),
		title=_("File Refused"),
	)
	return False


def before_validate_file(doc, method=None):
	"""doc_events File.before_validate: what a File of the app's records may become."""
	if doc.get("is_folder"):
		return
	before = None if doc.is_new() else doc.get_doc_before_save()
	if before and before.file_url != doc.file_url and not doc.flags.ignore_permissions:
		frappe.throw(
			_("The file of a File record cannot be replaced by another URL: upload the new file instead."),
			FileReplacedError,
			title=_("File Refused"),
		)
	filings = filings_of(doc, before)
	for application in filings:
		refuse_frozen_file(application)
	if doc.attached_to_doctype == EVIDENCE or filings:
		check_evidence_upload(doc)


def on_trash_file(doc, method=None):
	"""doc_events File.on_trash: the files of a frozen filing's evidence are not deleted."""
	if not doc.get("is_folder"):
		for application in filings_of(doc):
			refuse_frozen_file(application)


def before_rename_file(doc, method=None, old=None, new=None, merge=False):
	"""doc_events File.before_rename: nor renamed."""
	on_trash_file(doc)


def filings_of(file, before=None) -> set[str]:
	"""The filings whose evidence the File is (as it is, and as it was before this change)."""
	found = set()
	for record in (file, before):
		if not record or not record.get("attached_to_name"):
			continue
		if record.attached_to_doctype == EVIDENCE:
			found.add(frappe.db.get_value(EVIDENCE, record.attached_to_name, "application"))
		elif record.attached_to_doctype == APPLICATION and frappe.db.exists(
			EVIDENCE, {"application": record.attached_to_name, "file": record.file_url}
		):
			found.add(record.attached_to_name)
	return {name for name in found if name}


def refuse_frozen_file(application: str):
	status = frappe.db.get_value(APPLICATION, application, "status")
	if status and status not in EDITABLE:
		frappe.throw(
			_(
				"The filing is {0} and frozen: the files of its evidence cannot be changed, made public, moved or deleted until it is returned for correction."
			).format(status),
			FilingFrozenError,
			title=_("Frozen Filing"),
		)


def check_evidence_upload(doc):
	"""A file uploaded to an evidence record is a private PDF or image of bounded size (Guest
	downloads a public file, and the desk uploads evidence as private)."""
	if not cint(doc.is_private):
		frappe.throw(
			_("An evidence file is never public: keep {0} private.").format(escape_html(doc.file_name or "")),
			PublicEvidenceError,
			title=_("File Refused"),
		)
	if doc.is_new():
		content = doc.get("_content") or doc.get("content") or b""
		refuse_bad_content(doc.file_name, content.encode() if isinstance(content, str) else content)


# ---- the evidence record's own file


def evidence_file(evidence, user: str | None = None):
	"""The File behind an evidence record's URL: one uploaded to this record (or, on a new record
	from the desk, to its temporary name), one attached to its filing, or one the user uploaded on
	its own and not yet attached. Any other File with the same URL is not this evidence's."""
	if not evidence.file:
		return None
	candidates = [
		{"attached_to_doctype": EVIDENCE, "attached_to_name": evidence.name},
		{"attached_to_doctype": APPLICATION, "attached_to_name": evidence.application},
	]
	user = user or frappe.session.user
	if evidence.get("__temporary_name"):  # the desk's name for a record not yet saved: the user's own upload
		candidates.insert(
			1,
			{
				"attached_to_doctype": EVIDENCE,
				"attached_to_name": evidence.get("__temporary_name"),
				"owner": user,
			},
		)
	candidates.append({"attached_to_name": ("is", "not set"), "owner": user, "is_folder": 0})
	for filters in candidates:
		if not filters["attached_to_name"]:
			continue
		name = frappe.db.get_value("File", {"file_url": evidence.file, **filters})
		if name:
			return frappe.get_doc("File", name)
	return None


def checked_evidence_file(evidence):
	"""The evidence's File, refused unless it is a plain file URL of a File uploaded to this
	evidence or its filing, with the content an evidence file may have."""
	url = evidence.file or ""
	field = _("File", context=EVIDENCE)
	if not file_rules.stored_file_name(url):
		frappe.throw(
			_(
				"{0} must be a file uploaded to this evidence (a PDF, PNG or JPEG stored by the system): attach the file again with the Attach button."
			).format(field),
			NotUploadedHereError,
			title=_("File Refused"),
		)
	file = evidence_file(evidence)
	if not file:
		frappe.throw(
			_(
				"{0}: {1} was not uploaded to this evidence or its filing: upload the file to this evidence record."
			).format(field, escape_html(url)),
			NotUploadedHereError,
			title=_("File Refused"),
		)
	refuse_bad_content(file.file_name, stored_bytes(file))
	return file


def stored_bytes(file) -> bytes:
	"""The file's bytes as stored (File.get_content() turns a file of pure ASCII into str)."""
	with open(file.get_full_path(), "rb") as handle:
		return handle.read()


def max_evidence_mb() -> float:
	return frappe.conf.get("cluster_evidence_max_mb") or file_rules.MAX_EVIDENCE_MB


def refuse_bad_content(file_name: str | None, content: bytes):
	shown = escape_html(file_name or "")
	if file_name and not file_rules.is_safe_name(file_name):
		frappe.throw(
			_(
				"The file name {0} contains characters a file name may not have (such as angle brackets or quotes): rename the file and upload it again."
			).format(shown),
			FileNameError,
			title=_("File Refused"),
		)
	if file_rules.sniff(content) is None:
		frappe.throw(
			_("{0} is not a PDF, PNG or JPEG file: evidence is uploaded as PDF or as a picture.").format(
				shown
			),
			FileTypeError,
			title=_("File Refused"),
		)
	limit = max_evidence_mb()
	if file_rules.too_large(len(content), limit):
		frappe.throw(
			_("{0} is larger than {1} MB: split it or compress it, and upload it again.").format(
				shown, limit
			),
			FileTooLargeError,
			title=_("File Refused"),
		)
