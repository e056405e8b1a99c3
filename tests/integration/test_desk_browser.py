"""The desk in a real browser (Playwright driving the system Chromium): a county and a province
officer log in, land on their role's workspace with the right counts, are offered none of
Frappe's admin workspaces, and the county attaches evidence on a new evidence form without a
reload. A screenshot of every step is saved (in logs/desk-screenshots of the bench)."""

import os
import re
import shutil
from pathlib import Path

import builders as make
import filing_builders as filings
import frappe
import people
import pytest
from conftest import BENCH, SITE
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
SHOTS = BENCH / "logs" / "desk-screenshots"
PASSWORD = "Desk-browser-2026!"
EVIDENCE_PDF = Path(__file__).with_name("fixtures") / "one_page.pdf"
ADMIN_WORKSPACES = ("用户", "网站", "工具", "集成", "Build", "Users", "Website", "Tools", "Integrations")


@pytest.fixture(scope="module")
def browser():
	if not os.path.exists(CHROMIUM):
		pytest.fail(f"no Chromium at {CHROMIUM}: install chromium (apt) or set CHROMIUM")
	SHOTS.mkdir(parents=True, exist_ok=True)
	with sync_playwright() as playwright:
		chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
		yield chromium
		chromium.close()


@pytest.fixture(scope="module")
def desk_data(server):
	"""A county's two drafts (one returned) and a filing recommended by the city (committed)."""
	people.make_people()
	frappe.db.set_single_value("System Settings", "setup_complete", 1)  # the administrator's wizard is done
	for user in people.PEOPLE:
		doc = frappe.get_doc("User", user)
		doc.new_password = PASSWORD
		doc.save(ignore_permissions=True)
	round_name = filings.declaration_round()
	made = []
	for number, state in enumerate(("草稿", "退回修改", "市级已推荐")):
		cluster = make.cluster(name=f"浏览器测试小店区{number}号产业集群").name
		doc = filings.application(cluster, round_name)
		frappe.db.set_value("Cluster Application", doc.name, "status", state)
		made.append((cluster, doc.name))
	frappe.db.commit()
	yield made
	for cluster, application in made:
		for evidence in frappe.get_all(
			"Cluster Evidence", filters={"application": application}, pluck="name"
		):
			frappe.delete_doc("Cluster Evidence", evidence, force=True, ignore_permissions=True)
		frappe.db.set_value(
			"Cluster Application", application, "status", "草稿"
		)  # a submitted filing is kept
		frappe.delete_doc("Cluster Application", application, force=True, ignore_permissions=True)
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


@pytest.fixture
def page_as(browser, server, request):
	"""A fresh browser context logged in as the user, through the login page; a screenshot is
	kept of the last page of every test (named after the test), failed or not."""
	pages = []

	def login(user: str):
		# *.localhost resolves to this machine: the site is reached by its own name, as in production
		base_url = server.replace("127.0.0.1", SITE)
		context = browser.new_context(
			base_url=base_url, locale="zh-CN", viewport={"width": 1400, "height": 1000}
		)
		page = context.new_page()
		page.set_default_timeout(120_000)
		page.set_default_navigation_timeout(120_000)
		page.goto("/login", wait_until="domcontentloaded")
		page.fill("#login_email", user)
		page.fill("#login_password", PASSWORD)
		page.click(".btn-login")
		page.wait_for_url("**/app/**")
		pages.append(page)
		return page

	yield login
	for number, page in enumerate(pages):
		page.screenshot(path=str(SHOTS / f"{request.node.name}-{number}.png"), full_page=True)
		page.context.close()


def shoot(page, name: str):
	page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def card_values(page) -> dict[str, str]:
	"""Number cards of the workspace: label -> the figure shown, once every figure has loaded."""
	page.wait_for_function(
		"""() => {
			const cards = document.querySelectorAll('.number-widget-box');
			return cards.length && [...cards].every((c) => /\\d/.test(c.querySelector('.number')?.innerText || ''));
		}"""
	)
	return page.evaluate(
		"""() => Object.fromEntries([...document.querySelectorAll('.number-widget-box')].map((c) => [
			c.querySelector('.widget-title').innerText.trim(), c.querySelector('.number').innerText.trim()]))"""
	)


def sidebar(page) -> list[str]:
	page.wait_for_selector(".desk-sidebar .standard-sidebar-item")
	return [text.strip() for text in page.locator(".desk-sidebar .sidebar-item-label").all_inner_texts()]


def db_count(county: str, **filters) -> str:
	return str(frappe.db.count("Cluster Application", {"county": county, **filters}))


def test_a_county_officer_lands_on_its_desk_and_attaches_evidence(page_as, desk_data):
	page = page_as(people.COUNTY)
	assert page.url.endswith("/app/cluster-county-desk")
	cards = card_values(page)
	shoot(page, "county-desk")
	assert cards["草稿待提交"] == db_count("140105", status="草稿") != "0"
	assert cards["退回待修改"] == db_count("140105", status="退回修改") != "0"
	labels = sidebar(page)
	assert "县级工作台" in labels and "省级工作台" not in labels
	assert not set(labels) & set(ADMIN_WORKSPACES), labels
	assert "English" not in page.inner_text(".layout-main-section")

	page.locator(".number-widget-box", has_text="退回待修改").click()
	page.wait_for_url("**/app/cluster-application?**")
	page.wait_for_selector(".list-row-container")
	rows = page.locator(".list-row-container .list-subject").count()
	shoot(page, "county-returned-list")
	assert str(rows) == db_count("140105", status="退回修改")

	# a new evidence record from the list, in the same page (no reload): attach first, then fill
	page.evaluate("frappe.set_route('List', 'Cluster Evidence')")
	page.wait_for_url("**/app/cluster-evidence")
	page.evaluate("frappe.new_doc('Cluster Evidence')")
	page.wait_for_url("**/app/cluster-evidence/new-cluster-evidence-*")
	attach = page.locator('.frappe-control[data-fieldname="file"] button.btn-attach')
	attach.wait_for(state="visible")
	assert attach.inner_text().strip() == "附件"
	attach.click()
	page.set_input_files(".modal.show input[type=file]", str(EVIDENCE_PDF))
	page.click(".modal.show .btn-modal-primary")
	page.locator(".attached-file-link").wait_for(state="visible")
	assert page.locator(".modal.show").count() == 0  # no "missing fields" dialog: nothing is saved yet
	shoot(page, "county-new-evidence-uploaded")
	page.click('[data-action="clear_attachment"]')
	attach.wait_for(state="visible")  # 附件 comes back after 清除, without a reload
	attach.click()
	page.set_input_files(".modal.show input[type=file]", str(EVIDENCE_PDF))
	page.click(".modal.show .btn-modal-primary")
	page.locator(".attached-file-link").wait_for(state="visible")
	_cluster, draft = desk_data[0]
	page.fill('.frappe-control[data-fieldname="evidence_title"] input:visible', "浏览器上传的佐证")
	application = page.locator('.frappe-control[data-fieldname="application"] input:visible')
	application.fill(draft)
	page.get_by_role("option").filter(has_text=draft).first.click()
	# the link is checked with the server before the form holds it (and fetches the cluster)
	page.wait_for_function(f"cur_frm.doc.application === '{draft}' && !!cur_frm.doc.cluster")
	page.keyboard.press("Control+s")
	page.wait_for_url(lambda url: "new-cluster-evidence" not in url)
	shoot(page, "county-evidence-saved")
	name = page.url.rstrip("/").rsplit("/", 1)[-1]
	frappe.db.rollback()  # a fresh read: the record was saved by the server, after this transaction began
	evidence = frappe.get_doc("Cluster Evidence", name)
	file = frappe.get_doc("File", {"file_url": evidence.file})
	assert (file.attached_to_doctype, file.attached_to_name, file.is_private) == ("Cluster Evidence", name, 1)
	assert evidence.page_count == 1


def test_a_province_officer_lands_on_the_province_dashboard(page_as, desk_data):
	page = page_as(people.PROVINCE)
	assert page.url.endswith("/app/cluster-province-desk")
	cards = card_values(page)
	page.wait_for_selector(".widget.dashboard-widget-box .chart-container svg, .widget .frappe-chart")
	shoot(page, "province-desk")
	shanxi_to_accept = frappe.db.count("Cluster Application", {"status": "市级已推荐"})
	assert cards["待受理"] == str(shanxi_to_accept) != "0"
	labels = sidebar(page)
	assert "省级工作台" in labels and "县级工作台" not in labels
	assert not set(labels) & set(ADMIN_WORKSPACES), labels


def test_the_county_fills_its_filing_in_the_official_form(page_as, desk_data):
	"""The filing's form is drawn from its template once per refresh; its handlers are bound once,
	however often the form refreshes, and what the county types lands in the filing's answers."""
	_cluster, draft = desk_data[0]
	page = page_as(people.COUNTY)
	page.evaluate(f"frappe.set_route('Form', 'Cluster Application', '{draft}')")
	page.wait_for_selector(".cr-form .cr-section-title")
	titles = page.locator(".cr-form .cr-section-title").all_inner_texts()
	assert titles and titles[0].startswith("一、"), titles
	for _ in range(3):  # each refresh draws the form anew: wait for the new drawing before the next
		page.evaluate("$('.cr-form').attr('data-drawn-before', 1); cur_frm.refresh()")
		page.wait_for_selector(".cr-form:not([data-drawn-before]) .cr-section-title")
	handlers = page.evaluate(
		"""() => {
			const events = $._data(cur_frm.get_field('form_html').$wrapper[0], 'events') || {};
			return {change: (events.change || []).length, input: (events.input || []).length};
		}"""
	)
	assert handlers == {"change": 3, "input": 1}, handlers
	narrative = page.locator(".cr-form textarea.cr-answer").first
	key = narrative.get_attribute("data-key")
	narrative.fill("集群 简介")
	narrative.dispatch_event("change")
	counter = page.locator(f'.cr-form .cr-count[data-key="{key}"]')
	assert re.search(r"(?<!\d)4\D+200", counter.inner_text()), counter.inner_text()  # spaces not counted
	answers = page.evaluate(
		f"cur_frm.doc.answers.filter((a) => a.item_key === '{key}' && !a.option_key && !a.year).map((a) => a.value)"
	)
	assert answers == ["集群 简介"]
	shoot(page, "county-filing-form")
