"""统一社会信用代码 (unified social credit code), GB 32100-2015.

18 characters from a 31-character set (digits and capital letters without I, O, Z, S, V); the
18th is a check character: 31 − (Σ value(cᵢ)·wᵢ mod 31), with 31 written as 0.
"""

from dataclasses import dataclass

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


@dataclass(frozen=True)
class UsccProblem:
	rule: str  # "length", "characters" or "check_digit"
	detail: str  # the length found, the characters refused, or the expected check character


def normalize(code: str | None) -> str:
	"""Upper case, without spaces (codes are often copied with them)."""
	return "".join((code or "").split()).upper()


def check_character(first17: str) -> str:
	total = sum(CHARSET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
	return CHARSET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> UsccProblem | None:
	"""What is wrong with an already normalised code, or None when it is valid."""
	if len(code) != LENGTH:
		return UsccProblem("length", str(len(code)))
	refused = "".join(dict.fromkeys(char for char in code if char not in CHARSET))
	if refused:
		return UsccProblem("characters", refused)
	expected = check_character(code[:17])
	if code[17] != expected:
		return UsccProblem("check_digit", expected)
	return None
