"""What an evidence file may be: judged by its bytes and its URL, not by its name."""

import pytest

from cluster_registry.rules.files import JPEG, PDF, PNG, is_safe_name, sniff, stored_file_name, too_large

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.mark.parametrize(
	"content, kind",
	[
		(MINIMAL_PDF, PDF),  # pure ASCII, as many PDFs written by office software are
		(b"\xef\xbb\xbf%PDF-1.7\n", PDF),  # a few bytes before the header are allowed
		(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", PNG),
		(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", JPEG),
		(b"MZ\x90\x00\x03\x00\x00\x00", None),  # a Windows program renamed .pdf
		(b"<html><script>alert(1)</script></html>", None),
		(b"PK\x03\x04", None),  # a Word or Excel file
		(b"", None),
		(b"GIF89a", None),
	],
)
def test_file_types_by_content(content, kind):
	assert sniff(content) == kind


@pytest.mark.parametrize(
	"url, name",
	[
		("/private/files/佐证材料.pdf", "佐证材料.pdf"),
		("/files/scan%201.png", "scan 1.png"),
		("javascript:alert(1)", None),
		("http://example.org/a.pdf", None),
		("/private/files/<img src=x onerror=alert(1)>.pdf", None),
		("/files/%3Cimg%20onerror%3Dalert(1)%3E.pdf", None),
		("/private/files/../../site_config.json", None),
		("/private/files/sub/a.pdf", None),
		("/private/files/a.pdf?download=1", None),
		("/app/file/abc", None),
		("", None),
		(None, None),
	],
)
def test_only_plain_urls_of_stored_files(url, name):
	assert stored_file_name(url) == name


def test_file_names_with_markup_or_quotes_are_not_safe():
	assert is_safe_name("2025年报表.pdf")
	for name in ('a"b.pdf', "a'b.pdf", "<b>.pdf", "a\\b.pdf", "a\x01.pdf", "..", ""):
		assert not is_safe_name(name), name


def test_size_limit_in_megabytes():
	assert not too_large(20 * 1024 * 1024, 20)
	assert too_large(20 * 1024 * 1024 + 1, 20)
