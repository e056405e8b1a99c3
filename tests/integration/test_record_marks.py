"""Likes, tags and follows over HTTP: another county (or an expert) cannot mark a county's filing
(Frappe writes them on any record by name), nor follow it for its changes by mail; the county can."""

import json

import evidence_builders as build
import frappe
import people
import pytest

FILING = "Cluster Application"


@pytest.fixture(scope="module")
def setup(server):
	made = build.two_counties(server)
	made["clients"][people.EXPERT] = build.client(server, people.EXPERT)
	yield made
	frappe.db.delete("Document Follow", {"ref_docname": made["mine"]})
	frappe.db.delete("Comment", {"reference_name": made["mine"]})
	frappe.db.commit()
	build.remove(made)


def marks(client, filing: str, user: str) -> dict[str, int]:
	"""Status of each marking request the user's client sends on the filing."""

	def post(method, **data):
		return client.session.post(f"{client.url}/api/method/{method}", data=data)

	return {
		"like": post("frappe.desk.like.toggle_like", doctype=FILING, name=filing, add="Yes").status_code,
		"tag": post("frappe.desk.doctype.tag.tag.add_tag", tag="重点", dt=FILING, dn=filing).status_code,
		"tags": post(
			"frappe.desk.doctype.tag.tag.add_tags",
			tags=json.dumps(["跟踪"]),
			dt=FILING,
			docs=json.dumps([filing]),
		).status_code,
		"follow": post(
			"frappe.desk.form.document_follow.follow_document", doctype=FILING, doc_name=filing, user=user
		).status_code,
	}


def kept(filing: str) -> tuple:
	frappe.db.rollback()
	return (
		frappe.db.get_value(FILING, filing, ["_liked_by", "_user_tags"]),
		frappe.get_all("Document Follow", filters={"ref_docname": filing}, pluck="user"),
		frappe.db.count("Comment", {"reference_name": filing, "comment_type": "Like"}),
	)


@pytest.mark.parametrize("outsider", [people.OTHER_COUNTY, people.OTHER_CITY, people.EXPERT])
def test_outsiders_cannot_like_tag_or_follow_a_filing(setup, outsider):
	before = kept(setup["mine"])
	refused = marks(setup["clients"][outsider], setup["mine"], outsider)
	assert refused == {"like": 403, "tag": 403, "tags": 403, "follow": 403}
	assert kept(setup["mine"]) == before


def test_a_county_follows_only_for_itself_and_marks_its_own_filing(setup):
	county = setup["clients"][people.COUNTY]
	response = county.session.post(
		f"{county.url}/api/method/frappe.desk.form.document_follow.follow_document",
		data={"doctype": FILING, "doc_name": setup["mine"], "user": people.PROVINCE},
	)
	assert response.status_code == 403
	assert marks(county, setup["mine"], people.COUNTY) == {
		"like": 200,
		"tag": 200,
		"tags": 200,
		"follow": 200,
	}
	(liked_by, tags), _followers, likes = kept(setup["mine"])
	assert json.loads(liked_by) == [people.COUNTY] and set(tags.strip(",").split(",")) == {"重点", "跟踪"}
	assert likes == 1
