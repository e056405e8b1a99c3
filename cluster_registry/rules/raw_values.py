"""Values as a user sends them (a form, the REST API, an import), judged against the column they
are for before anything is stored: whole numbers, decimal numbers, dates and text of bounded
length. Each check returns the problem's name (None when the value is fine) and the caller words
the message; control characters pasted from Word or Excel are removed rather than refused.
"""

import datetime
import math
import re
from decimal import Decimal, InvalidOperation

WHOLE = re.compile(r"[+-]?\d+")
DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
ISO_DATETIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?")
# C0 controls other than tab, line feed and carriage return, and DEL (Word's \x0b line break, \x01…)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
INT_RANGE = (-(2**31), 2**31 - 1)  # MariaDB int(11)


def is_empty(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def whole_number_problem(value, low: int = INT_RANGE[0], high: int = INT_RANGE[1]) -> str | None:
	"""'not_whole' (abc, 2026年, 2026.5, NaN, a list), 'out_of_range', or None."""
	if is_empty(value) or isinstance(value, bool):
		return None
	if isinstance(value, int):
		number = value
	elif isinstance(value, float | Decimal):
		if not math.isfinite(value) or value != int(value):
			return "not_whole"
		number = int(value)
	elif isinstance(value, str) and WHOLE.fullmatch(value.strip()):
		number = int(value.strip())
	else:
		return "not_whole"
	return None if low <= number <= high else "out_of_range"


def decimal_problem(value, digits: int = 21, places: int = 9) -> str | None:
	"""'not_number' (abc, NaN, Infinity, 1e309, a list), 'out_of_range' (more integer digits than
	the column decimal(digits, places) holds), or None."""
	if is_empty(value) or isinstance(value, bool):
		return None
	if isinstance(value, int):
		number = Decimal(value)
	elif isinstance(value, float):
		if not math.isfinite(value):
			return "not_number"
		number = Decimal(repr(value))
	elif isinstance(value, Decimal):
		number = value
	elif isinstance(value, str) and DECIMAL.fullmatch(value.strip()):
		try:
			number = Decimal(value.strip())
		except InvalidOperation:
			return "not_number"
	else:
		return "not_number"
	if not number.is_finite():
		return "not_number"
	return None if abs(number) < Decimal(10) ** (digits - places) else "out_of_range"


def date_problem(value, with_time: bool = False) -> str | None:
	"""'not_date' (2026-02-30, 2026/13/01, abc), or None."""
	if is_empty(value) or isinstance(value, datetime.date):
		return None
	if not isinstance(value, str):
		return "not_date"
	text = value.strip()
	match = (ISO_DATETIME if with_time else ISO_DATE).fullmatch(text)
	if not match:
		return "not_date"
	try:
		if with_time:
			datetime.datetime.fromisoformat(text.replace("T", " ") if match.group(2) else text)
		else:
			datetime.date(*(int(part) for part in match.groups()))
	except ValueError:
		return "not_date"
	return None


def text_problem(value, max_chars: int | None = None, max_bytes: int | None = None) -> str | None:
	"""'not_text' (a list or an object where text goes), 'too_long', or None."""
	if value is None or isinstance(value, int | float | Decimal | datetime.date):
		return None
	if not isinstance(value, str):
		return "not_text"
	if max_chars is not None and len(value) > max_chars:
		return "too_long"
	if max_bytes is not None and len(value.encode("utf-8")) > max_bytes:
		return "too_long"
	return None


def without_control_characters(value: str) -> str:
	return CONTROL.sub("", value)


def quoted(value, limit: int = 40) -> str:
	"""Raw input as a message quotes it back: as typed, cut short, on one line (not a figure's print)."""
	text = value if isinstance(value, str) else repr(value) if not isinstance(value, int) else str(value)
	text = CONTROL.sub("", text).replace("\n", " ")
	return text if len(text) <= limit else text[:limit] + "…"
