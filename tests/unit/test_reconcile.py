from decimal import Decimal

from cluster_registry.figures.reconcile import settle


def test_computed_figures_fill_untyped_fields():
	result = settle({"sme_output_share": Decimal("72.916666")}, typed={})
	assert result.values == {"sme_output_share": Decimal("72.92")}
	assert result.flags == []


def test_a_typed_figure_that_differs_is_kept_and_flagged():
	result = settle({"sme_output_share": Decimal("72.916666")}, typed={"sme_output_share": 80})
	assert "sme_output_share" not in result.values
	[flag] = result.flags
	assert (flag.field, flag.typed, flag.computed) == ("sme_output_share", Decimal("80.00"), Decimal("72.92"))


def test_a_typed_figure_that_agrees_after_rounding_is_not_flagged():
	result = settle({"sme_output_share": Decimal("72.916666")}, typed={"sme_output_share": 72.92})
	assert result.values == {"sme_output_share": Decimal("72.92")}
	assert result.flags == []


def test_figures_that_cannot_be_computed_are_left_alone():
	result = settle({"output_growth": None}, typed={"output_growth": 12})
	assert result.values == {}
	assert result.flags == []
