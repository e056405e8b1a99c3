"""REST clients of the officials in people.py (API keys made for the run) and of Guest, by the role
each plays in the permission matrix."""

import frappe
import people
from conftest import SITE
from rest_client import RestClient

ROLE_USERS = {
	"county": people.COUNTY,
	"other_county": people.OTHER_COUNTY,
	"city": people.CITY,
	"other_city": people.OTHER_CITY,
	"province": people.PROVINCE,
	"expert": people.EXPERT,  # assigned to the filing under review
	"other_expert": people.OTHER_EXPERT,  # not assigned
	"operator": people.OPERATOR,
	"guest": None,
}
ROLES = tuple(ROLE_USERS)


def clients(server) -> dict[str, RestClient]:
	"""One client per role of the matrix (committed API keys)."""
	made = {}
	for role, user in ROLE_USERS.items():
		if user is None:
			guest = RestClient(server, SITE, "")
			guest.session.headers.pop("Authorization")
			made[role] = guest
			continue
		doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		doc.api_key, doc.api_secret = doc.api_key or frappe.generate_hash(length=15), secret
		doc.save(ignore_permissions=True)
		made[role] = RestClient(server, SITE, f"token {doc.api_key}:{secret}")
	frappe.db.commit()
	return made
