"""What each step of a filing does to the cluster's recognition (monitoring/lifecycle.py)."""

import datetime

from cluster_registry.monitoring.lifecycle import RECOGNISE, RENEW, REVIEW, REVOKE, event, valid_until

EDITABLE = ("草稿", "退回修改")


def test_a_filing_recognises_at_its_own_level_only():
	assert event("申报", "省级", "专家评审", "省级认定", EDITABLE) == RECOGNISE
	assert event("申报", "国家级", "专家评审", "省级认定", EDITABLE) is None  # on its way to MIIT
	assert event("申报", "国家级", "已推荐工信部", "国家级认定", EDITABLE) == RECOGNISE
	assert event("申报", "省级", "专家评审", "省级未认定", EDITABLE) is None


def test_a_review_puts_the_recognition_under_review_then_renews_or_revokes_it():
	assert event("复核", "省级", "草稿", "已提交市级", EDITABLE) == REVIEW
	assert event("复核", "省级", "退回修改", "已提交市级", EDITABLE) == REVIEW
	assert event("复核", "省级", "专家评审", "复核通过", EDITABLE) == RENEW
	assert event("复核", "国家级", "专家评审", "复核通过", EDITABLE) is None  # MIIT still decides
	assert event("复核", "国家级", "已推荐工信部", "国家复核通过", EDITABLE) == RENEW
	assert event("复核", "国家级", "专家评审", "复核未通过", EDITABLE) == REVOKE
	assert event("复核", "国家级", "已推荐工信部", "国家复核未通过", EDITABLE) == REVOKE


def test_a_recognition_lasts_three_years():
	assert valid_until(datetime.date(2023, 6, 15)) == datetime.date(2026, 6, 15)
	assert valid_until(datetime.date(2024, 2, 29)) == datetime.date(2027, 2, 28)
