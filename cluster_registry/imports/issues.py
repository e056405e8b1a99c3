"""What an import reports: a problem with the file as a whole or with one cell of it.

Texts are English templates with {0} placeholders; the site translates them (zh.csv) and fills
them in, so the plain modules stay free of Frappe."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Issue:
	text: str  # English template, translated by the caller
	args: tuple = ()
	sheet: str = ""
	row: int | None = None  # the worksheet's row number, as Excel shows it
	column: str = ""  # the column letter
	header: str = ""  # the column's header as printed

	def as_dict(self) -> dict:
		return {
			"text": self.text,
			"args": list(self.args),
			"sheet": self.sheet,
			"row": self.row,
			"column": self.column,
			"header": self.header,
		}


@dataclass
class FileRefused(Exception):
	"""The whole file is refused before any row is read."""

	issue: Issue
	extra: list = field(default_factory=list)

	def __str__(self) -> str:
		return self.issue.text.format(*self.issue.args)
