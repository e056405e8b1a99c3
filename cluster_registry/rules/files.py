"""What an evidence file may be: a PDF or an image (PNG, JPEG), judged by its bytes, not by its
name, of a bounded size, stored under a plain private file URL.

Magic numbers: PDF (ISO 32000-1 §7.5.2, "%PDF-" in the first 1024 bytes), PNG (ISO/IEC 15948
§5.2, the 8-byte signature), JPEG (ITU-T T.81 Annex B, SOI marker FF D8 followed by a marker).
"""

import posixpath
import re
from urllib.parse import unquote

PDF, PNG, JPEG = "pdf", "png", "jpeg"
# the type a file name's extension promises, for a name that agrees with its content
EXTENSIONS = {"pdf": PDF, "png": PNG, "jpg": JPEG, "jpeg": JPEG}
MAX_EVIDENCE_MB = 20  # per file; the site may set cluster_evidence_max_mb in site_config.json
PREFIXES = ("/private/files/", "/files/")
# a file name of an evidence URL: no markup, quotes, backslashes, control characters or sub-folders
SAFE_NAME = re.compile(r"[^<>\"'`\\/\x00-\x1f\x7f]+")


def sniff(content: bytes) -> str | None:
	"""PDF, PNG or JPEG by the file's first bytes; None for anything else."""
	if content.startswith(b"\x89PNG\r\n\x1a\n"):
		return PNG
	if content.startswith(b"\xff\xd8\xff"):
		return JPEG
	if b"%PDF-" in content[:1024]:
		return PDF
	return None


def too_large(size: int, limit_mb: float = MAX_EVIDENCE_MB) -> bool:
	return size > limit_mb * 1024 * 1024


def is_safe_name(name: str) -> bool:
	return bool(name) and name not in (".", "..") and SAFE_NAME.fullmatch(name) is not None


def stored_file_name(url: str | None) -> str | None:
	"""The file name of a plain URL of the site's files (/private/files/<name>, or /files/<name> of
	an upload still to be made private), else None: no scheme (javascript:, http:), no query, no
	path outside the files folders, no markup in the name."""
	if not url or "?" in url or "#" in url:
		return None
	path = unquote(url)
	prefix = next((p for p in PREFIXES if path.startswith(p)), None)
	if prefix is None or posixpath.normpath(path) != path:
		return None
	name = path.removeprefix(prefix)
	return name if is_safe_name(name) else None


def is_local_file_url(url: str | None) -> bool:
	"""A URL of the site's own files (public or private), as a File record may carry."""
	return bool(url) and unquote(url).startswith(("/files/", "/private/files/"))
