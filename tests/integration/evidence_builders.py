"""Two counties of 太原市 with a draft filing each, their officials' REST clients, and the files an
outsider would try to upload as evidence (committed; removed by `remove`)."""

import io

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import people
from conftest import SITE
from rest_client import RestClient


def ascii_pdf(pages: int = 1, mark: str | None = None) -> bytes:
	"""A valid PDF made of ASCII bytes only (File.get_content() gives such a file back as str),
	different from every other one (Frappe stores identical uploads once, under one URL)."""
	kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
	objects = [
		"<< /Type /Catalog /Pages 2 0 R >>",
		f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
		*["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" for _ in range(pages)],
	]
	out, offsets = f"%PDF-1.4\n% {mark or frappe.generate_hash(length=12)}\n", []
	for number, body in enumerate(objects, 1):
		offsets.append(len(out))
		out += f"{number} 0 obj\n{body}\nendobj\n"
	xref = len(out)
	out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
	out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
	out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
	return out.encode("ascii")


def png() -> bytes:
	from PIL import Image

	content = io.BytesIO()
	Image.new("RGB", (40, 30), "gray").save(content, format="PNG")
	return content.getvalue()


HOSTILE = {
	"a Windows program renamed .pdf": ("报表.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64),
	"an HTML page with a script": ("说明.pdf", b"<html><script>alert(document.cookie)</script></html>"),
	"a file name with markup": ('<img src=x onerror="alert(1)">.pdf', ascii_pdf()),
	"a Word file": ("清单.docx", b"PK\x03\x04" + b"\x00" * 40),
}


CLIENT_USERS = (people.COUNTY, people.OTHER_COUNTY, people.CITY, people.OTHER_CITY, people.PROVINCE)


def client(server, user) -> RestClient:
	doc = frappe.get_doc("User", user)
	secret = frappe.generate_hash(length=15)
	doc.api_key, doc.api_secret = doc.api_key or frappe.generate_hash(length=15), secret
	doc.save(ignore_permissions=True)
	frappe.db.commit()
	return RestClient(server, SITE, f"token {doc.api_key}:{secret}")


def two_counties(server) -> dict:
	"""A draft filing of 小店区 (made by its officer) and one of 迎泽区, with the clients."""
	people.make_people()
	round_name = chain.test_round(round_title="2026年度佐证测试批次")
	mine = chain.draft(filings.cluster_with_figures("山西省太原市小店区佐证测试产业集群"), round_name)
	other_cluster = make.cluster(name="山西省太原市迎泽区佐证测试产业集群", county="140106").name
	theirs = chain.as_user(
		people.OTHER_COUNTY, lambda: filings.application(other_cluster, round_name, kind="申报", level="省级")
	)
	frappe.db.commit()
	return {
		"round": round_name,
		"mine": mine.name,
		"theirs": theirs.name,
		"clusters": (mine.cluster, other_cluster),
		"clients": {user: client(server, user) for user in CLIENT_USERS},
	}


def remove(setup: dict):
	applications = [setup["mine"], setup["theirs"]]
	evidence = frappe.get_all("Cluster Evidence", {"application": ("in", applications)}, pluck="name")
	frappe.db.set_value("Cluster Application", {"name": ("in", applications)}, "status", "草稿")
	owners = list(CLIENT_USERS)
	attached = frappe.get_all(
		"File", filters={"attached_to_name": ("in", evidence + applications)}, pluck="name"
	)
	uploaded = frappe.get_all("File", filters={"owner": ("in", owners), "is_folder": 0}, pluck="name")
	for file in set(attached + uploaded):
		frappe.delete_doc("File", file, ignore_permissions=True, force=True)  # and from the disk
	frappe.db.delete("Cluster Evidence", {"name": ("in", evidence)})
	for doctype in ("Application Answer", "Application Target"):
		frappe.db.delete(doctype, {"parent": ("in", applications)})
	for doctype in ("Workflow Action", "Comment"):
		frappe.db.delete(doctype, {"reference_name": ("in", applications)})
	frappe.db.delete("Cluster Application", {"name": ("in", applications)})
	for cluster in setup["clusters"]:
		frappe.db.delete("Cluster Annual Indicator", {"cluster": cluster})
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.delete_doc("Declaration Round", setup["round"], force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()
