"""Character counts as the forms count them (字): every character except whitespace."""


def counted_characters(text: str | None) -> int:
	return sum(1 for char in (text or "") if not char.isspace())
