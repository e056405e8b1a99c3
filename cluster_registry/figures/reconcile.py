"""Settling computed figures against what a user typed.

A computed figure replaces the stored one, unless the user typed a value in this very field:
then the typed value stays, and where it differs from the computation (after both are rounded
to two places) a flag records both, so that nobody's figure is silently overwritten.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from cluster_registry.figures.decimals import round2


@dataclass(frozen=True)
class Flag:
	field: str
	typed: Decimal
	computed: Decimal


@dataclass
class Settlement:
	values: dict  # field -> rounded Decimal to store
	flags: list  # Flag for every typed figure that contradicts its computation


def settle(computed: Mapping[str, Decimal | None], typed: Mapping[str, object]) -> Settlement:
	"""Decide the stored value of every computed field.

	`computed`: field -> unrounded computation, None where the inputs do not allow one (the
	stored value is then left alone). `typed`: field -> value the user entered in this save,
	or entered before and still keeps.
	"""
	values: dict = {}
	flags: list = []
	for field, value in computed.items():
		if value is None:
			continue
		result = round2(value)
		mine = round2(typed.get(field))
		if mine is None or mine == result:
			values[field] = result
		else:
			flags.append(Flag(field=field, typed=mine, computed=result))
	return Settlement(values=values, flags=flags)
