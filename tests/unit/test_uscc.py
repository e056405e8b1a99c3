"""统一社会信用代码 check (GB 32100-2015) against codes printed on real business licences."""

import pytest

from cluster_registry.rules.uscc import check_character, normalize, uscc_problem

# Codes published by the companies themselves (licences shown on their websites).
REAL_CODES = [
	"91440300708461136T",  # 深圳市腾讯计算机系统有限公司
	"914403001922038216",  # 华为技术有限公司
	"91110108551385082Q",  # 北京小米科技有限责任公司
	"91330100799655058B",  # 阿里巴巴（中国）有限公司
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_pass(code):
	assert uscc_problem(code) is None


def test_a_changed_character_is_caught_with_the_expected_check_character():
	problem = uscc_problem("91440300708461136A")
	assert problem.rule == "check_digit"
	assert problem.detail == "T"


def test_wrong_length():
	problem = uscc_problem("9144030070846113")
	assert (problem.rule, problem.detail) == ("length", "16")


def test_letters_never_used_in_codes():
	problem = uscc_problem("91440300708461I36T")
	assert (problem.rule, problem.detail) == ("characters", "I")


def test_spaces_and_lower_case_are_normalised():
	assert normalize(" 91440300 708461136t ") == "91440300708461136T"


def test_check_character_of_a_code_ending_in_zero():
	# 31 − (Σ mod 31) = 31 is written as 0
	assert check_character("91110108551385082") == "Q"
