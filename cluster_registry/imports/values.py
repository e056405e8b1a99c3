"""Turning a cell as typed into the value a field holds, or the reason it cannot be.

Workbooks typed by hand carry full-width digits (１２３), spaces inside codes, numbers stored as
text, years written 2024年, dates as Excel day numbers or as text (2024-3-1, 2024/03/01,
2024年3月1日, 2024.3). Each converter returns (value, None) or (None, problem template).
A text that looks like a formula (=SUM(…)) is only ever text here.
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

EXCEL_EPOCH = datetime.date(1899, 12, 30)
SERIAL_DAYS = (20_000, 80_000)  # Excel day numbers of 1954–2119: a date typed as a number
YEAR_TEXT = re.compile(r"(\d{4})\s*年?(度)?")
DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?")
PERIOD_TEXT = re.compile(r"(\d{4})\s*年?\s*(?:[-—–~～至到]+\s*(\d{4})\s*年?)?")
YES = frozenset({"是", "Y", "YES", "TRUE", "1", "√", "✓", "有"})
NO = frozenset({"否", "N", "NO", "FALSE", "0", "×", "无", "不是"})
EMPTY_MARKS = frozenset({"", "无", "/", "—", "-", "——"})

Converted = tuple[object, str | None]
YEAR_PROBLEM = "{0} must be a year of four digits, such as 2024 (entered {1})."


def is_empty(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def narrow(text: str) -> str:
	"""Full-width letters, digits and spaces as ordinary ones (NFKC)."""
	return unicodedata.normalize("NFKC", text)


def text(value) -> Converted:
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	if isinstance(value, datetime.datetime):
		value = value.date()
	return str(value).strip(), None


def code(value) -> Converted:
	"""A code (credit code, patent or standard number): narrow, without any space, upper case."""
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return "".join(narrow(str(value)).split()).upper(), None


def decimal(value) -> Converted:
	if isinstance(value, bool):
		return None, "{0} must be a number (entered {1})."
	if isinstance(value, int | Decimal):
		return Decimal(value), None
	if isinstance(value, float):
		return Decimal(repr(value)), None
	cleaned = "".join(narrow(str(value)).split()).replace(",", "")
	try:
		number = Decimal(cleaned)
	except InvalidOperation:
		return None, "{0} must be a number (entered {1})."
	if not number.is_finite():
		return None, "{0} must be a number (entered {1})."
	return number, None


def integer(value) -> Converted:
	number, problem = decimal(value)
	if problem:
		return None, "{0} must be a whole number (entered {1})."
	if number != number.to_integral_value():
		return None, "{0} must be a whole number (entered {1})."
	return int(number), None


def year(value) -> Converted:
	if isinstance(value, datetime.date | datetime.datetime):
		return value.year, None
	if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
		number, problem = integer(value)
		return (None, YEAR_PROBLEM) if problem else (number, None)
	match = YEAR_TEXT.fullmatch("".join(narrow(str(value)).split()))
	if not match:
		return None, YEAR_PROBLEM
	return int(match.group(1)), None


def date(value) -> Converted:
	"""A date from a date cell, an Excel day number, or text; a month alone means its first day."""
	if isinstance(value, datetime.datetime):
		return value.date(), None
	if isinstance(value, datetime.date):
		return value, None
	if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
		if SERIAL_DAYS[0] <= value <= SERIAL_DAYS[1]:
			return EXCEL_EPOCH + datetime.timedelta(days=int(value)), None
		return None, "{0} must be a date such as 2024-03-01 or 2024年3月1日 (entered {1})."
	match = DATE_TEXT.fullmatch("".join(narrow(str(value)).split()))
	if not match:
		return None, "{0} must be a date such as 2024-03-01 or 2024年3月1日 (entered {1})."
	try:
		return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)), None
	except ValueError:
		return None, "{0} must be a date such as 2024-03-01 or 2024年3月1日 (entered {1})."


def yes_no(value) -> Converted:
	if isinstance(value, bool):
		return int(value), None
	mark = "".join(narrow(str(value)).split()).upper()
	if isinstance(value, float) and value.is_integer():
		mark = str(int(value))
	if mark in YES:
		return 1, None
	if mark in NO:
		return 0, None
	return None, "{0} must be 是 or 否 (entered {1})."


def period(value) -> Converted:
	"""A construction period: 2024-2026, 2024年—2026年, or one year; (start, end)."""
	if isinstance(value, int | float) and not isinstance(value, bool):
		start, problem = year(value)
		return ((start, None), None) if not problem else (None, problem)
	match = PERIOD_TEXT.fullmatch("".join(narrow(str(value)).split()))
	if not match:
		return None, "{0} must be written as start year-end year, such as 2024-2026 (entered {1})."
	return (int(match.group(1)), int(match.group(2)) if match.group(2) else None), None


CONVERTERS = {
	"text": text,
	"code": code,
	"uscc": code,
	"decimal": decimal,
	"int": integer,
	"year": year,
	"date": date,
	"yes_no": yes_no,
	"period": period,
	"select": text,
}


def convert(kind: str, value) -> Converted:
	"""(value, None), (None, None) for an empty cell, or (None, problem template)."""
	if is_empty(value):
		return None, None
	if kind not in ("text", "select") and isinstance(value, str) and value.strip() in EMPTY_MARKS:
		return None, None
	return CONVERTERS[kind](value)
