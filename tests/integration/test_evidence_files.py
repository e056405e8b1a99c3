"""Evidence files over HTTP, as the counties, the cities, the province and Guest would try them: a
county's private evidence stays its own (lists, File records, downloads, the bound filing), the
evidence of a submitted filing stays as submitted, and only PDFs and pictures are evidence."""

import json

import approval_builders as chain
import evidence_builders as build
import frappe
import people
import pytest
import requests
from conftest import SITE
from rest_client import refused_by, server_message


@pytest.fixture(scope="module")
def setup(server):
	made = build.two_counties(server)
	yield made
	build.remove(made)


def upload(client, name: str, content: bytes, **form) -> requests.Response:
	return client.session.post(
		f"{client.url}/api/method/upload_file",
		files={"file": (name, content)},
		data={"is_private": 1, **form},
	)


def new_evidence(client, application: str, file_url: str, title="产业链图谱") -> requests.Response:
	return client.insert(
		"Cluster Evidence", {"application": application, "evidence_title": title, "file": file_url}
	)


def uploaded_evidence(client, application: str, content: bytes, name="佐证.pdf") -> dict:
	"""Upload on its own, then the evidence record pointing at it (the REST way)."""
	response = upload(client, name, content)
	assert response.status_code == 200, server_message(response)
	created = new_evidence(client, application, response.json()["message"]["file_url"])
	assert created.status_code == 200, server_message(created)
	return created.json()["data"]


def seen():
	"""End this process's snapshot, to read what the server has committed."""
	frappe.db.rollback()


def guest_get(server, url) -> requests.Response:
	return requests.get(f"{server}{url}", headers={"Host": SITE})


def test_an_uploaded_pdf_becomes_private_evidence_of_its_record(server, setup):
	county = setup["clients"][people.COUNTY]
	evidence = uploaded_evidence(county, setup["mine"], build.ascii_pdf(3))
	assert evidence["page_count"] == 3  # a PDF of pure ASCII is read as bytes
	seen()
	file = frappe.get_doc("File", {"file_url": evidence["file"], "attached_to_name": evidence["name"]})
	assert file.is_private and file.attached_to_doctype == "Cluster Evidence"
	assert county.session.get(f"{server}{evidence['file']}").status_code == 200
	assert guest_get(server, evidence["file"]).status_code in (403, 404)
	picture = uploaded_evidence(county, setup["mine"], build.png(), name="证书.png")
	assert picture["page_count"] == 1


REFUSED_BY = {  # what each hostile upload is refused by
	"a Windows program renamed .pdf": "FileTypeError",
	"an HTML page with a script": "FileTypeError",
	"a file name with markup": "FileNameError",
	"a Word file": "FileTypeError",
}


@pytest.mark.parametrize("case", sorted(build.HOSTILE))
def test_hostile_uploads_to_an_evidence_record_are_refused(setup, case):
	county = setup["clients"][people.COUNTY]
	evidence = uploaded_evidence(county, setup["mine"], build.ascii_pdf())
	name, content = build.HOSTILE[case]
	seen()
	before = frappe.db.count("File")
	response = upload(county, name, content, doctype="Cluster Evidence", docname=evidence["name"])
	assert response.status_code == 417, (case, response.status_code, response.text[:300])
	assert refused_by(response) == REFUSED_BY[case]
	seen()
	assert frappe.db.count("File") == before


@pytest.mark.parametrize("case", sorted(build.HOSTILE))
def test_hostile_files_uploaded_on_their_own_are_not_accepted_as_evidence(setup, case):
	county = setup["clients"][people.COUNTY]
	name, content = build.HOSTILE[case]
	response = upload(county, name, content)
	if response.status_code != 200:  # Frappe itself may refuse the name
		return
	seen()
	before = frappe.db.count("Cluster Evidence", {"application": setup["mine"]})
	refused = new_evidence(county, setup["mine"], response.json()["message"]["file_url"])
	assert refused.status_code == 417, (case, refused.text[:300])
	seen()
	assert frappe.db.count("Cluster Evidence", {"application": setup["mine"]}) == before


@pytest.mark.parametrize(
	"url",
	[
		"javascript:alert(document.cookie)",
		"/files/<img src=x onerror=alert(1)>.pdf",
		"/private/files/%3Cscript%3Ealert(1)%3C/script%3E.pdf",
		"/private/files/../../site_config.json",
		"https://example.org/evidence.pdf",
		"/private/files/never-uploaded.pdf",
	],
)
def test_evidence_takes_only_a_file_uploaded_to_it(setup, url):
	county = setup["clients"][people.COUNTY]
	response = new_evidence(county, setup["mine"], url)
	assert response.status_code == 417, (url, response.text[:300])
	assert refused_by(response) == "NotUploadedHereError", response.text[:300]
	seen()
	assert not frappe.db.exists("Cluster Evidence", {"file": url})


def test_another_countys_private_file_cannot_be_borrowed(server, setup):
	county, other = setup["clients"][people.COUNTY], setup["clients"][people.OTHER_COUNTY]
	theirs = uploaded_evidence(county, setup["mine"], build.ascii_pdf(2))
	url = theirs["file"]
	assert other.session.get(f"{server}{url}").status_code == 403
	# as the file of an own evidence record
	assert new_evidence(other, setup["theirs"], url).status_code == 417
	# as an own File record pointing at the URL (REST), attached or not
	seen()
	files_before = frappe.db.count("File", {"file_url": url})
	for values in (
		{"file_url": url, "is_private": 1},
		{
			"file_url": url,
			"is_private": 1,
			"attached_to_doctype": "Cluster Application",
			"attached_to_name": setup["theirs"],
		},
	):
		response = other.session.post(f"{server}/api/resource/File", json=values)
		assert response.status_code in (403, 417), response.text[:300]
	# through upload_file with the URL instead of the content
	response = other.session.post(
		f"{server}/api/method/upload_file",
		data={"file_url": url, "is_private": 1, "doctype": "Cluster Application", "docname": setup["theirs"]},
	)
	assert response.status_code in (403, 417), response.text[:300]
	seen()
	assert frappe.db.count("File", {"file_url": url}) == files_before
	# an own File record turned to point at it
	own = upload(other, "自己的.pdf", build.ascii_pdf()).json()["message"]
	response = other.update("File", own["name"], {"file_url": url})
	assert response.status_code == 417
	seen()
	assert frappe.db.get_value("File", own["name"], "file_url") == own["file_url"]
	assert other.session.get(f"{server}{url}").status_code == 403


def file_names_listed(client, server) -> set[str]:
	response = client.session.get(
		f"{server}/api/resource/File",
		params={"fields": json.dumps(["name", "file_url"]), "limit_page_length": 0},
	)
	assert response.status_code == 200, response.text[:300]
	return {row["name"] for row in response.json()["data"]}


def test_file_lists_follow_the_records(server, setup):
	clients = setup["clients"]
	evidence = uploaded_evidence(clients[people.COUNTY], setup["mine"], build.ascii_pdf())
	seen()
	file = frappe.db.get_value("File", {"attached_to_name": evidence["name"]})
	assert file in file_names_listed(clients[people.COUNTY], server)
	assert file in file_names_listed(clients[people.CITY], server)
	assert file in file_names_listed(clients[people.PROVINCE], server)
	assert file not in file_names_listed(clients[people.OTHER_COUNTY], server)
	assert file not in file_names_listed(clients[people.OTHER_CITY], server)
	# nor counted, nor found by its URL
	other = clients[people.OTHER_COUNTY]
	assert other.list("File", [["file_url", "=", evidence["file"]]]) == []


def test_the_evidence_of_a_submitted_filing_is_frozen_with_its_files(server, setup):
	clients = setup["clients"]
	county = clients[people.COUNTY]
	evidence = uploaded_evidence(county, setup["mine"], build.ascii_pdf())
	seen()
	file = frappe.db.get_value("File", {"attached_to_name": evidence["name"]})
	other_draft = chain.as_user(
		people.COUNTY,
		lambda: frappe.get_doc(
			{
				"doctype": "Cluster Application",
				"cluster": setup["clusters"][0],
				"declaration_round": setup["round"],
				"filing_kind": "申报",
				"level": "国家级",
			}
		).insert(),
	)
	frappe.db.commit()
	chain.act(frappe.get_doc("Cluster Application", setup["mine"]), "提交市级", people.COUNTY)
	frappe.db.commit()
	try:
		for user in (people.COUNTY, people.CITY, people.PROVINCE):
			client = clients[user]
			public = client.update("File", file, {"is_private": 0})
			assert public.status_code in (403, 417), (user, public.text[:300])
			assert client.session.delete(f"{server}/api/resource/File/{file}").status_code in (403, 417)
			moved = client.update("Cluster Evidence", evidence["name"], {"application": other_draft.name})
			assert moved.status_code in (403, 417), (user, moved.text[:300])
			assert client.session.delete(
				f"{server}/api/resource/Cluster Evidence/{evidence['name']}"
			).status_code in (403, 417)
		assert refused_by(county.update("File", file, {"is_private": 0})) == "FilingFrozenError"
		seen()
		assert frappe.db.get_value("File", file, ["is_private", "file_url"]) == (1, evidence["file"])
		assert frappe.db.get_value("Cluster Evidence", evidence["name"], "application") == setup["mine"]
		assert guest_get(server, evidence["file"]).status_code in (403, 404)
	finally:
		frappe.db.set_value("Cluster Application", setup["mine"], "status", "草稿")
		frappe.db.delete("Cluster Application", {"name": other_draft.name})
		frappe.db.commit()


def test_the_bound_filing_reads_only_the_evidences_own_files(setup):
	"""A File record of another record with the evidence's URL is not the evidence's file."""
	from cluster_registry.cluster_registry.evidence_files import evidence_file

	county = setup["clients"][people.COUNTY]
	evidence = uploaded_evidence(county, setup["mine"], build.ascii_pdf())
	seen()
	row = frappe.get_doc("Cluster Evidence", evidence["name"])
	frappe.set_user(people.OTHER_COUNTY)
	try:
		assert evidence_file(frappe._dict(name="x", application=setup["theirs"], file=row.file)) is None
	finally:
		frappe.set_user("Administrator")
	assert evidence_file(row).attached_to_name == row.name


def test_public_uploads_become_private_files_of_their_evidence(server, setup):
	"""Two public uploads of the same name, each named on an evidence record: each becomes a private
	file of its record (no clash with a private file of that name), the public copy is gone."""
	county = setup["clients"][people.COUNTY]
	for _ in range(2):
		response = upload(county, "佐证材料.pdf", build.ascii_pdf(), is_private=0)
		public_url = response.json()["message"]["file_url"]
		assert public_url.startswith("/files/")
		created = new_evidence(county, setup["mine"], public_url)
		assert created.status_code == 200, server_message(created)
		seen()
		stored = frappe.db.get_value("Cluster Evidence", created.json()["data"]["name"], "file")
		assert stored.startswith("/private/files/")
		assert guest_get(server, stored).status_code in (403, 404)
		gone = guest_get(server, public_url)  # the dev server answers a missing /files/ URL 404 or 500
		assert gone.status_code != 200 and not gone.content.startswith(b"%PDF")
		assert county.session.get(f"{server}{stored}").status_code == 200
