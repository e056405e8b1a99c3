"""Who writes what at each step of the chain (cluster_registry/rules/steps.py), written out by hand."""

import pytest

from cluster_registry.rules import steps

COUNTY = steps.levels(["Cluster County Officer"])
OPERATOR = steps.levels(["Cluster Operator"])
CITY = steps.levels(["Cluster City Officer"])
PROVINCE = steps.levels(["Cluster Province Officer"])
EXPERT = steps.levels(["Cluster Expert"])


@pytest.mark.parametrize(
	"state, owner",
	[
		(None, "county"),
		("草稿", "county"),
		("退回修改", "county"),
		("已提交市级", "city"),
		("市级现场核查", "city"),
		("市级已推荐", "province"),
		("省级形式审查", "province"),
		("专家评审", "province"),
		("已推荐工信部", "province"),
		("国家复核未通过", "province"),
	],
)
def test_each_state_belongs_to_one_level(state, owner):
	assert steps.step_owner(state) == owner


def test_an_unknown_state_is_refused():
	with pytest.raises(ValueError):
		steps.step_owner("已删除")


def test_the_county_writes_the_content_while_it_is_a_draft_or_returned():
	assert steps.may_write_content(COUNTY, "草稿") and steps.may_write_content(COUNTY, "退回修改")
	assert steps.may_write_content(OPERATOR, "草稿")
	assert not steps.may_write_content(COUNTY, "已提交市级")
	for level in (CITY, PROVINCE, EXPERT):
		assert not steps.may_write_content(level, "草稿")
		assert not steps.may_write_content(level, "退回修改")


def test_the_step_fields_are_written_by_the_level_of_the_step():
	assert steps.may_write_step_fields(CITY, "已提交市级") and steps.may_write_step_fields(
		CITY, "市级现场核查"
	)
	assert not steps.may_write_step_fields(CITY, "省级形式审查")
	assert steps.may_write_step_fields(PROVINCE, "省级形式审查")
	assert not steps.may_write_step_fields(PROVINCE, "已提交市级")
	for state in (None, "草稿", "退回修改", "已提交市级", "省级形式审查"):
		assert not steps.may_write_step_fields(COUNTY, state)
		assert not steps.may_write_step_fields(EXPERT, state)


def test_only_a_draft_is_deleted_and_only_by_its_county():
	assert steps.may_delete(COUNTY, "草稿")
	assert not steps.may_delete(COUNTY, "退回修改") and not steps.may_delete(COUNTY, "已提交市级")
	for level in (OPERATOR, CITY, PROVINCE, EXPERT):
		assert not steps.may_delete(level, "草稿")


def test_the_on_site_statement_is_the_citys_at_its_step():
	assert steps.may_verify_on_site(CITY, "已提交市级") and steps.may_verify_on_site(CITY, "市级现场核查")
	assert not steps.may_verify_on_site(CITY, "市级已推荐")
	for level in (COUNTY, OPERATOR, PROVINCE, EXPERT):
		assert not steps.may_verify_on_site(level, "市级现场核查")
