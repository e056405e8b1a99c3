"""Official form versions as data: one JSON file per version, named after its code.

A definition holds what the printed form holds, in form order: the cover lines, the 填报说明, the
sections with their items (rows, checkbox groups, narratives, tables, the targets table, the
declaration and the higher level's opinion) and the 申报材料目录 (catalogue). The Chinese text is
the official text. Years are written relative to the round year Y as {y-3} … {y+2}; `years`
holds the offsets of the data years ([first, last]), the baseline, the target and the stages.

A new province's form is one more JSON file, in DEFINITIONS_DIR or in a folder passed as
`extra_dirs`; no Python changes.

The structure a definition must have, and its check, are in `schema`.
"""

import copy
import functools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from cluster_registry.forms import schema

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"


class DefinitionError(ValueError):
	"""A form definition that cannot be used; `problems` names every problem found."""

	def __init__(self, where: str, problems: list[str]):
		self.where = where
		self.problems = problems
		super().__init__(f"{where}: " + "; ".join(problems))


def available(extra_dirs: Iterable[Path] = ()) -> list[dict]:
	"""Summaries of every definition found (code, title, filing_kind, level, jurisdiction,
	round_year), sorted by code."""
	summary_keys = ("code", "title", "filing_kind", "level", "jurisdiction", "round_year")
	found = _definition_files(extra_dirs)
	return [
		{key: _read(path, path.stat().st_mtime_ns)[key] for key in summary_keys}
		for _code, path in sorted(found.items())
	]


def load(code: str, extra_dirs: Iterable[Path] = ()) -> dict:
	"""The definition with this code, validated; raises LookupError when there is none and
	DefinitionError when it has problems. The caller gets its own copy."""
	path = _definition_files(extra_dirs).get(code)
	if path is None:
		raise LookupError(f"no form definition {code!r}")
	return copy.deepcopy(_read(path, path.stat().st_mtime_ns))


def round_years(definition: dict, round_year: int) -> dict:
	"""The calendar years of a round: data years, baseline, target and stage years."""
	years = definition["years"]
	first, last = years["data"]
	return {
		"data": list(range(round_year + first, round_year + last + 1)),
		"baseline": round_year + years["baseline"],
		"target": round_year + years["target"],
		"stages": [round_year + offset for offset in years["stages"]],
	}


def fill_years(text: str, round_year: int) -> str:
	"""The text with each {y±n} replaced by the year it stands for."""
	return schema.PLACEHOLDER.sub(lambda match: str(round_year + schema.year_offset(match.group())), text)


def items(definition: dict) -> Iterator[tuple[dict, dict]]:
	"""Every (section, item) pair in form order."""
	for section in definition["sections"]:
		for item in section["items"]:
			yield section, item


# ---- reading ---------------------------------------------------------------------------------


def _definition_files(extra_dirs: Iterable[Path]) -> dict[str, Path]:
	"""code -> file, over DEFINITIONS_DIR and the extra folders; a code found twice is an error."""
	found: dict[str, Path] = {}
	seen_dirs: set[Path] = set()
	for folder in (DEFINITIONS_DIR, *(Path(extra) for extra in extra_dirs)):
		folder = folder.resolve()
		if folder in seen_dirs or not folder.is_dir():
			continue
		seen_dirs.add(folder)
		for path in sorted(folder.glob("*.json")):
			if path.stem in found:
				raise DefinitionError(path.stem, [f"defined twice: {found[path.stem]} and {path}"])
			found[path.stem] = path
	return found


@functools.lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int) -> dict:
	"""The validated definition in a file; cached until the file changes (`mtime_ns`)."""
	try:
		definition = json.loads(path.read_text(encoding="utf-8"))
	except (UnicodeDecodeError, json.JSONDecodeError) as error:
		raise DefinitionError(str(path), [f"not valid JSON: {error}"]) from error
	found = schema.problems(definition)
	if isinstance(definition, dict) and definition.get("code") != path.stem:
		found.append(f"code {definition.get('code')!r} differs from the file name {path.name!r}")
	if found:
		raise DefinitionError(str(path), found)
	return definition
