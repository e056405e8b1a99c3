"""Bulk import from the desk: download a blank template, upload a file for a preview, commit it.

`preview` checks the user's right first (write on the cluster, or the province's role for an
honour list), reads the uploaded private file, checks every row and compares it with the site,
and keeps a Cluster Data Import with the counts and every problem; nothing else is written.
`commit` writes a clean preview in one transaction (in the background when it is long, with
progress); a failure half-way rolls everything back to where the site was.
"""

import json

import frappe
from frappe import _
from frappe.utils import now_datetime

from cluster_registry.cluster_registry.bulk_import import planners, targets
from cluster_registry.cluster_registry.figure_refresh import queue_refresh
from cluster_registry.cluster_registry.outputs.api import printed_library_tables
from cluster_registry.forms import definitions
from cluster_registry.imports import layouts, sheet
from cluster_registry.imports.issues import FileRefused
from cluster_registry.renderers import library_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROVINCE_ROLES = ("Cluster Province Officer", "System Manager")
BACKGROUND_ROWS = 300  # a longer file is written by a background job, with progress
PROGRESS_EVENT = "cluster_import_progress"
SAVEPOINT = "cluster_data_import"


# ---- layouts ------------------------------------------------------------------------------------


def all_layouts() -> dict[str, layouts.Layout]:
	found = {item["key"]: layouts.library_layout(item) for item in printed_library_tables()}
	found[layouts.ENTERPRISES.key] = layouts.ENTERPRISES
	found |= {layout.key: layout for layout in layouts.NAME_LISTS.values()}
	found[layouts.HONOUR_LIST.key] = layouts.HONOUR_LIST
	yearly = yearly_layout()
	found[yearly.key] = yearly
	return found


def yearly_layout() -> layouts.Layout:
	"""One row per year, a column per figure of the Cluster Annual Indicator, headed by its
	Chinese name (the name the forms give it)."""
	meta = frappe.get_meta(planners.INDICATOR)
	kinds = {
		"Int": "int",
		"Float": "decimal",
		"Currency": "decimal",
		"Percent": "decimal",
		"Select": "select",
	}
	return layouts.yearly_layout(
		[
			(df.fieldname, _(df.label, lang="zh", context=planners.INDICATOR), kinds[df.fieldtype])
			for df in meta.fields
			if df.fieldtype in kinds and df.fieldname != "year" and not df.read_only and not df.hidden
		]
	)


class UnknownLayoutError(frappe.ValidationError):
	pass


class NotYourTargetError(frappe.PermissionError):
	"""An import into a cluster the user may not write (or a province-wide list by a non-province user)."""


class NotYourFileError(frappe.ValidationError):
	"""A file the user did not upload."""


class NotYourImportError(frappe.PermissionError):
	pass


class ImportNotReadyError(frappe.ValidationError):
	"""An import committed before its check passed, or twice."""


def get_layout(key: str | None) -> layouts.Layout:
	layout = all_layouts().get(key or "")
	if layout is None:
		frappe.throw(_("There is no import layout {0}.").format(key), UnknownLayoutError, title=_("Import"))
	return layout


@frappe.whitelist()
def available_layouts(scope: str = "cluster") -> list[dict]:
	"""The layouts the desk offers: key and title."""
	return [
		{"key": layout.key, "title": layout.sheet}
		for layout in all_layouts().values()
		if layout.scope == scope
	]


@frappe.whitelist()
def template(layout: str | None = None):
	"""A blank workbook of the layout, with its Chinese headers."""
	chosen = get_layout(layout)
	year = now_datetime().year
	sheet_ = library_xlsx.Sheet(
		chosen.sheet,
		definitions.fill_years(chosen.title, year),
		[
			{**column.as_export(), "label": definitions.fill_years(column.label, year)}
			for column in chosen.columns
		],
		[],
	)
	frappe.local.response.filename = f"{chosen.sheet}-导入模板.xlsx"
	frappe.local.response.filecontent = library_xlsx.workbook([sheet_])
	frappe.local.response.type = "download"
	frappe.local.response.content_type = XLSX


# ---- preview ------------------------------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
def preview(layout: str | None = None, file_url: str | None = None, cluster: str | None = None) -> dict:
	"""Check the uploaded file in full and keep the result; nothing is imported yet."""
	chosen = get_layout(layout)
	target = _target(chosen, cluster)
	file = _own_file(file_url)
	record = frappe.get_doc(
		{
			"doctype": "Cluster Data Import",
			"cluster": target.name if target else None,
			"county": target.county if target else None,
			"layout": chosen.key,
			"layout_title": chosen.sheet,
			"status": "待确认",
		}
	).insert(ignore_permissions=True)
	file.update({"attached_to_doctype": record.doctype, "attached_to_name": record.name, "is_private": 1})
	file.save(ignore_permissions=True)
	record.db_set("import_file", file.file_url)
	result = _check(chosen, target, file.get_content())
	_keep(record, result)
	return summary(record)


def _target(layout: layouts.Layout, cluster: str | None):
	"""The cluster imported into, after the permission check (None for a province-wide list)."""
	if layout.scope == "province":
		if not set(PROVINCE_ROLES) & set(frappe.get_roles()):
			frappe.throw(_("Only the province may apply an honour list."), NotYourTargetError)
		return None
	if (
		not cluster
		or not frappe.db.exists("Industrial Cluster", cluster)
		or not frappe.has_permission("Industrial Cluster", "write", cluster)
	):
		frappe.throw(
			_("Cluster {0} is not one you may import into: choose one of your own clusters.").format(
				cluster or ""
			),
			NotYourTargetError,
		)
	return frappe.db.get_value("Industrial Cluster", cluster, ["name", "county"], as_dict=True)


def _own_file(file_url: str | None):
	name = file_url and frappe.db.get_value(
		"File", {"file_url": file_url, "owner": frappe.session.user}, "name"
	)
	if not name:
		frappe.throw(
			_("Upload the file first; only a file you uploaded yourself can be imported."), NotYourFileError
		)
	return frappe.get_doc("File", name)


def _check(layout: layouts.Layout, target, content) -> dict:
	"""{"parsed", "plan", "issues"} of the file, or the refusal of the whole file."""
	if isinstance(content, str):
		content = content.encode()
	try:
		parsed = sheet.read(content, layout)
	except FileRefused as refused:
		return {"parsed": None, "plan": None, "issues": refused.extra or [refused.issue]}
	plan = planners.plan(parsed, target)
	return {"parsed": parsed, "plan": plan, "issues": parsed.issues}


def _keep(record, result: dict):
	issues, plan, parsed = result["issues"], result["plan"], result["parsed"]
	values = {
		"row_count": len(parsed.rows) if parsed else 0,
		"error_count": len(issues),
		"errors": json.dumps([issue.as_dict() for issue in issues], ensure_ascii=False),
		"status": "有错误" if issues else "待确认",
		"message": render(issues[0]) if issues else "",
	}
	if plan:
		values |= {"inserted": plan.inserted, "updated": plan.updated, "unchanged": plan.unchanged}
		values["skipped"] = plan.skipped
	record.db_set(values)


def render(issue) -> str:
	text = _(issue["text"] if isinstance(issue, dict) else issue.text)
	args = issue["args"] if isinstance(issue, dict) else issue.args
	return text.format(*args)


def summary(record) -> dict:
	"""What the desk shows: the counts and every problem with sheet, row, column, in Chinese."""
	record.reload()
	return {
		"name": record.name,
		"status": record.status,
		"layout": record.layout_title,
		"rows": record.row_count,
		"inserted": record.inserted,
		"updated": record.updated,
		"unchanged": record.unchanged,
		"skipped": record.skipped,
		"errors": [
			{
				"sheet": issue["sheet"],
				"row": issue["row"],
				"column": issue["column"],
				"header": issue["header"],
				"message": render(issue),
			}
			for issue in json.loads(record.errors or "[]")
		],
	}


# ---- commit -------------------------------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
def commit(name: str | None = None) -> dict:
	"""Import a checked file: at once when it is short, else in the background with progress."""
	if not name or not frappe.db.exists("Cluster Data Import", name):
		frappe.throw(_("Check the file first: there is no such import."), frappe.DoesNotExistError)
	record = frappe.get_doc("Cluster Data Import", name)
	record.check_permission("read")
	if record.owner != frappe.session.user:
		frappe.throw(_("Only the user who uploaded the file can import it."), NotYourImportError)
	if record.status != "待确认":
		frappe.throw(
			_("This import is {0}: only a checked file without problems can be imported.").format(
				_(record.status)
			),
			ImportNotReadyError,
		)
	record.db_set("status", "导入中")
	if record.row_count > BACKGROUND_ROWS:
		frappe.enqueue(
			"cluster_registry.cluster_registry.bulk_import.api.run",
			queue=frappe.conf.get("cluster_import_queue") or "long",
			timeout=3600,
			enqueue_after_commit=True,
			name=name,
		)
		return summary(record)
	run(name)
	return summary(record)


def run(name: str):
	"""Check the file again against the site as it is now, then write it all or nothing: a
	failure anywhere rolls back to the savepoint taken first, and the record says so."""
	record = frappe.get_doc("Cluster Data Import", name)
	frappe.db.savepoint(SAVEPOINT)
	try:
		plan = _checked_plan(record)
		if plan:
			targets.write(plan, lambda done, total: _progress(record, done, total))
	except Exception:
		frappe.db.rollback(save_point=SAVEPOINT)
		frappe.log_error(title=f"Cluster Data Import {name}")
		record.db_set(
			{
				"status": "失败",
				"message": _(
					"The import stopped before it ended and nothing was imported: try again, or ask the administrator to read the error log."
				),
				"finished_at": now_datetime(),
			}
		)
		return
	if not plan:
		return
	record.db_set(
		{
			"status": "已导入",
			"inserted": plan.inserted,
			"updated": plan.updated,
			"unchanged": plan.unchanged,
			"skipped": plan.skipped,
			"finished_at": now_datetime(),
		}
	)
	for cluster in sorted(plan.clusters):
		queue_refresh(cluster)


def _checked_plan(record) -> "targets.Plan | None":
	"""The plan of the record's file, or None (the record then holds the problems found)."""
	layout = get_layout(record.layout)
	target = (
		frappe.db.get_value("Industrial Cluster", record.cluster, ["name", "county"], as_dict=True)
		if record.cluster
		else None
	)
	file = frappe.get_doc(
		"File",
		frappe.db.get_value("File", {"file_url": record.import_file, "attached_to_name": record.name}),
	)
	result = _check(layout, target, file.get_content())
	if result["issues"]:
		_keep(record, result)
		return None
	return result["plan"]


def _progress(record, done: int, total: int):
	frappe.publish_progress(
		done * 100 / max(total, 1),
		title=_("Importing"),
		doctype=record.doctype,
		docname=record.name,
		description=_("Row {0} of {1}").format(done, total),
	)
	frappe.publish_realtime(
		PROGRESS_EVENT, {"name": record.name, "done": done, "total": total}, user=record.owner
	)
