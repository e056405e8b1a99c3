"""Opening an uploaded workbook safely and streaming its rows.

Before openpyxl sees the file: its size, that it is an .xlsx (a zip) and not an old .xls or an
encrypted workbook (both OLE compound files), and the sizes the zip itself declares (a "zip bomb"
declares gigabytes in a few kilobytes). Then openpyxl in read-only mode with the cached values
(a formula is never evaluated): rows stream, so memory does not grow with the row count. One pass
over the sheet's XML finds merged cells and formulas without a cached value, which are refused.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from cluster_registry.imports.issues import FileRefused, Issue

MAX_FILE_BYTES = 10 * 1024 * 1024  # 10 MB: tens of thousands of rows of the official layouts
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what the zip may declare unpacked, all parts together
MAX_RATIO = 150  # unpacked / packed of one part; real worksheets stay well under 100
MAX_PARTS = 2000
MAX_DATA_ROWS = 20_000  # rows of one sheet, headers included
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)")


def check_container(content: bytes) -> None:
	"""Refuse a file that is not a safe .xlsx, before anything unpacks it."""
	if len(content) > MAX_FILE_BYTES:
		raise FileRefused(
			Issue(
				"The file is {0} MB; at most {1} MB can be imported at once. Split it into several files.",
				(round(len(content) / 1024 / 1024, 1), MAX_FILE_BYTES // 1024 // 1024),
			)
		)
	if content.startswith(OLE_MAGIC):
		if any(stream in content for stream in ENCRYPTED_STREAMS):
			raise FileRefused(
				Issue(
					"The workbook is protected by a password: open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx."
				)
			)
		raise FileRefused(
			Issue(
				"This is an old Excel file (.xls): open it in Excel and save it as an Excel Workbook (.xlsx), then import that file."
			)
		)
	if not content.startswith(ZIP_MAGIC):
		raise FileRefused(
			Issue(
				"The file is not an Excel workbook (.xlsx): download the template and fill it in Excel or WPS."
			)
		)
	try:
		archive = zipfile.ZipFile(io.BytesIO(content))
		parts = archive.infolist()
	except (zipfile.BadZipFile, ValueError, OSError):
		raise FileRefused(
			Issue("The file is damaged and cannot be read as an Excel workbook (.xlsx).")
		) from None
	names = {part.filename for part in parts}
	if "xl/workbook.xml" not in names:
		raise FileRefused(
			Issue(
				"The file is not an Excel workbook (.xlsx): download the template and fill it in Excel or WPS."
			)
		)
	declared = sum(part.file_size for part in parts)
	too_packed = any(
		part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1)
		for part in parts
	)
	if len(parts) > MAX_PARTS or declared > MAX_UNPACKED_BYTES or too_packed:
		raise FileRefused(
			Issue(
				"The workbook unpacks to far more data than its size suggests ({0} MB) and is not read. Copy the rows into a new workbook made from the template.",
				(round(declared / 1024 / 1024),),
			)
		)


def open_workbook(content: bytes):
	"""The workbook in read-only mode with cached values, after check_container."""
	check_container(content)
	try:
		return load_workbook(io.BytesIO(content), read_only=True, data_only=True)
	except Exception:  # openpyxl raises many kinds on a malformed part
		raise FileRefused(
			Issue("The file is damaged and cannot be read as an Excel workbook (.xlsx).")
		) from None


def sheet_structure(workbook, worksheet) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int]]]:
	"""(merged ranges as (min_col, min_row, max_col, max_row), formula cells without a cached value
	as (row, column)) of a read-only worksheet, read by streaming its XML."""
	merged, uncached = [], []
	formula_cell = None
	with workbook._archive.open(worksheet._worksheet_path) as source:
		for event, element in iterparse(source, events=("start", "end")):
			tag = element.tag
			if event == "start":
				if tag == MAIN + "c":
					formula_cell = None
				continue
			if tag == MAIN + "f":
				formula_cell = True
			elif tag == MAIN + "c":
				cached = element.find(MAIN + "v")
				if formula_cell and (cached is None or not cached.text):
					match = CELL_REFERENCE.fullmatch(element.get("r", ""))
					if match:
						uncached.append((int(match.group(2)), _column_index(match.group(1))))
				element.clear()
			elif tag == MAIN + "row":
				element.clear()
			elif tag == MAIN + "mergeCell":
				merged.append(range_boundaries(element.get("ref")))
	return merged, uncached


def rows(worksheet, width: int) -> Iterator[tuple[int, tuple]]:
	"""(row number, the first `width` values) of every row, refusing a sheet over MAX_DATA_ROWS."""
	for number, values in enumerate(worksheet.iter_rows(max_col=width, values_only=True), 1):
		if number > MAX_DATA_ROWS:
			raise FileRefused(
				Issue(
					"Sheet {0} has more than {1} rows: split it into files of at most {1} rows and import them one after another.",
					(worksheet.title, MAX_DATA_ROWS),
				)
			)
		yield number, tuple(values) + (None,) * (width - len(values))


def cell_name(row: int, column: int) -> str:
	return f"{get_column_letter(column)}{row}"


def _column_index(letters: str) -> int:
	index = 0
	for letter in letters:
		index = index * 26 + ord(letter) - 64
	return index
