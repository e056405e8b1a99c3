"""Decimal arithmetic as the forms ask for it: 保留小数点后2位, 四舍五入 (half up).

Floats never enter a computation: every value is turned into a Decimal from its shortest
decimal representation first, so that 2.345 rounds to 2.35 and not to 2.34.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
DECIMAL_TEXT = re.compile(r"^-?\d+\.\d+$")


def to_decimal(value) -> Decimal | None:
	"""A Decimal for value, or None when there is no number (None, "", "无")."""
	if value is None or isinstance(value, bool):
		return None
	if isinstance(value, Decimal):
		return value
	if isinstance(value, int):
		return Decimal(value)
	if isinstance(value, float):
		return Decimal(repr(value))
	text = str(value).strip().replace(",", "")
	if not text or text == "无":
		return None
	try:
		return Decimal(text)
	except InvalidOperation:
		return None


def round2(value) -> Decimal | None:
	"""Two decimals, half up: 2.345 → 2.35, -2.345 → -2.35."""
	number = to_decimal(value)
	if number is None:
		return None
	return number.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def figure_text(value) -> str:
	"""A figure as the forms print it (数据有小数时，保留小数点后2位): a number with decimals to two places,
	half up (48.6 → 48.60, 2.345 → 2.35), a whole number whole (12, 100.0 → 100); text that is no
	number (无, 1/2/0/3) as it stands; nothing for None. The one formatter of a figure shown to a user."""
	if value is None or isinstance(value, bool):
		return ""
	if isinstance(value, str):
		text = value.strip()
		return str(round2(text)) if DECIMAL_TEXT.match(text) else text
	number = to_decimal(value)
	if number is None or not number.is_finite():
		return str(value)
	return str(int(number)) if number == number.to_integral_value() else str(round2(number))


def ratio(part, whole) -> Decimal | None:
	"""part ÷ whole, or None when either is missing or the whole is zero."""
	part, whole = to_decimal(part), to_decimal(whole)
	if part is None or whole is None or whole == 0:
		return None
	return part / whole


def growth(current, previous) -> Decimal | None:
	"""Growth against the previous value, in % (unrounded); None without a positive base."""
	current, previous = to_decimal(current), to_decimal(previous)
	if current is None or previous is None or previous <= 0:
		return None
	return (current - previous) / previous * HUNDRED


def reduction(current, previous) -> Decimal | None:
	"""Reduction against the previous value, in %: positive when the value fell."""
	rise = growth(current, previous)
	return None if rise is None else -rise


def compound_growth(last, base, periods: int) -> Decimal | None:
	"""Average annual growth in %: (last / base) ^ (1 / periods) − 1."""
	last, base = to_decimal(last), to_decimal(base)
	if last is None or base is None or base <= 0 or last < 0 or periods <= 0:
		return None
	with localcontext() as context:
		context.prec = 40
		if last == 0:
			return Decimal(-100)
		factor = (last / base) ** (Decimal(1) / Decimal(periods))
		return (factor - 1) * HUNDRED
