"""A small client for Frappe's REST API (/api/resource) that removes what it created."""

import json

import requests


class RestClient:
	def __init__(self, url: str, site: str, authorization: str):
		self.url = url
		self.session = requests.Session()
		self.session.headers.update(
			{"Host": site, "Authorization": authorization, "Accept": "application/json"}
		)
		self.created: list[tuple[str, str]] = []

	def insert(self, doctype: str, values: dict) -> requests.Response:
		response = self.session.post(f"{self.url}/api/resource/{doctype}", json=values)
		if response.ok:
			self.created.append((doctype, response.json()["data"]["name"]))
		return response

	def get(self, doctype: str, name: str) -> requests.Response:
		return self.session.get(f"{self.url}/api/resource/{doctype}/{name}")

	def update(self, doctype: str, name: str, values: dict) -> requests.Response:
		return self.session.put(f"{self.url}/api/resource/{doctype}/{name}", json=values)

	def list(self, doctype: str, filters: list, fields: list | None = None) -> list[dict]:
		params = {
			"filters": json.dumps(filters),
			"fields": json.dumps(fields or ["name"]),
			"limit_page_length": 0,
		}
		response = self.session.get(f"{self.url}/api/resource/{doctype}", params=params)
		response.raise_for_status()
		return response.json()["data"]

	def call(self, method: str, **params) -> requests.Response:
		return self.session.get(f"{self.url}/api/method/{method}", params=params)

	def delete_created(self):
		for doctype, name in reversed(self.created):
			self.session.delete(f"{self.url}/api/resource/{doctype}/{name}")
		self.created.clear()


def server_message(response: requests.Response) -> str:
	"""The text of the messages Frappe sent back with an error."""
	body = response.json()
	messages = json.loads(body.get("_server_messages") or "[]")
	texts = [json.loads(m).get("message", "") for m in messages]
	return "\n".join(texts) or body.get("exception", "")


def refused_by(response: requests.Response) -> str | None:
	"""The class of the error a failed request was refused with (Frappe's `exc_type`): it names the
	rule that refused, whatever the language of the message."""
	if response.ok:
		return None
	return response.json().get("exc_type")
