"""Every rule the server enforces refuses with a class of its own (the convention of
cluster_registry/cluster_registry/refusals.py): no `frappe.throw` without one, none with Frappe's
bare ValidationError, PermissionError or DuplicateEntryError, which a caller cannot tell apart."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "cluster_registry"
BARE = {"ValidationError", "PermissionError", "DuplicateEntryError"}


def throws_without_a_rule() -> list[str]:
	found = []
	for path in sorted(APP.rglob("*.py")):
		tree = ast.parse(path.read_text(encoding="utf-8"))
		for node in ast.walk(tree):
			if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "frappe.throw"):
				continue
			exc = (
				node.args[1]
				if len(node.args) > 1
				else next((k.value for k in node.keywords if k.arg == "exc"), None)
			)
			name = ast.unparse(exc).removeprefix("frappe.") if exc is not None else None
			where = str(path.relative_to(APP))
			if name is None or name in BARE:
				found.append(f"{where}:{node.lineno}")
	return found


def test_every_throw_names_its_rule():
	assert throws_without_a_rule() == []
