"""Download and attachment names valid on every system and in every browser: no path separators
or characters Windows refuses (/ \\ : * ? " < > |), no control characters, not too long (255 bytes
is the usual limit of a file name; a Chinese character takes three)."""

import re

UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
REPLACEMENTS = {
	"/": "／",
	"\\": "＼",
	":": "：",
	"*": "＊",
	"?": "？",
	'"': "＂",
	"<": "＜",
	">": "＞",
	"|": "｜",
}
MAX_BYTES = 180


def safe_file_name(name: str) -> str:
	"""（先进制造业/中小企业特色产业）集群申报表.pdf -> （先进制造业／中小企业特色产业）集群申报表.pdf"""
	stem, dot, extension = name.rpartition(".")
	if not dot or not extension.isalnum():
		stem, dot, extension = name, "", ""
	stem = UNSAFE.sub(lambda found: REPLACEMENTS.get(found.group(), ""), stem).strip(" .") or "file"
	suffix = f".{extension}" if dot else ""
	while len((stem + suffix).encode()) > MAX_BYTES:
		stem = stem[:-1]
	return stem + suffix
