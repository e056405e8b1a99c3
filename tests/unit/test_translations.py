"""A user whose language is zh sees every label and message in Chinese (translations/zh.csv)."""

import csv
import json
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "cluster_registry"
PY_MESSAGE = re.compile(r'(?<![\w.])_\(\s*"((?:[^"\\]|\\.)*)"')
JS_MESSAGE = re.compile(r'(?<![\w.])__\(\s*"((?:[^"\\]|\\.)*)"')


def translations() -> dict:
	with (APP / "translations" / "zh.csv").open(encoding="utf-8") as handle:
		return {(row[0], row[2] if len(row) > 2 else ""): row[1] for row in csv.reader(handle)}


def messages() -> set[str]:
	found = set()
	for path in APP.rglob("*.py"):
		found |= set(PY_MESSAGE.findall(path.read_text(encoding="utf-8")))
	for path in APP.rglob("*.js"):
		found |= set(JS_MESSAGE.findall(path.read_text(encoding="utf-8")))
	return found


def test_every_message_has_a_chinese_translation():
	known = {source for source, _context in translations()}
	assert sorted(messages() - known) == []


def test_every_translation_is_chinese_and_keeps_its_placeholders():
	for (source, _context), text in translations().items():
		if re.search(r"[A-Za-z]", re.sub(r"\{\d\}", "", source)):
			assert re.search(r"[\u4e00-\u9fff]", text), source
		assert sorted(re.findall(r"\{\d\}", source)) == sorted(re.findall(r"\{\d\}", text)), source


def test_every_doctype_and_label_has_its_official_term():
	known = translations()
	missing = []
	for path in APP.glob("cluster_registry/doctype/*/*.json"):
		meta = json.loads(path.read_text(encoding="utf-8"))
		if (meta["name"], "") not in known:
			missing.append(meta["name"])
		for field in meta["fields"]:
			label = field.get("label")
			if label and (label, meta["name"]) not in known and (label, "") not in known:
				missing.append(f"{meta['name']}.{field['fieldname']}")
	assert missing == []


def test_every_label_has_a_translation_without_context():
	"""Frappe puts some labels into its own messages untranslated or without context ("{0} is
	required", "{0} must be unique"): each label needs a context-free line too."""
	known = translations()
	missing = []
	for path in APP.glob("cluster_registry/doctype/*/*.json"):
		meta = json.loads(path.read_text(encoding="utf-8"))
		for field in meta["fields"]:
			label = field.get("label")
			if label and (label, "") not in known:
				missing.append(f"{meta['name']}.{field['fieldname']}: {label}")
	assert missing == []
