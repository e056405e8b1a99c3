"""PDF mechanics of the bound filing: HTML to PDF (with the page of each anchor), images to A4
pages, placeholder pages replaced by the evidence, and page numbers stamped on every page.

HTML is laid out by WeasyPrint (shipped with Frappe): it repeats a table's header rows on every
page and never splits a row across pages. Page numbers are drawn on each page with a standard
PDF font (Helvetica needs no embedding: the numbers are digits), so evidence files of any page
size are numbered in the same run as the pages made here.
"""

import io
from collections.abc import Callable

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

A4_POINTS = (595.28, 841.89)
A4_PIXELS_150_DPI = (1240, 1754)
NUMBER_SIZE = 10.5
NUMBER_BOTTOM = 28  # points from the bottom edge
# Helvetica advance widths (1/1000 em) of the characters a page number uses.
HELVETICA_WIDTHS = {"-": 333, " ": 278, **dict.fromkeys("0123456789", 556)}


def html_to_pdf(html: str, css: str = "", laid_out: Callable[[int], None] | None = None) -> bytes:
	"""A PDF of an HTML fragment wrapped as the print view wraps it (div.print-format)."""
	return render(html, css, laid_out)[0]


def render(
	html: str, css: str = "", laid_out: Callable[[int], None] | None = None
) -> tuple[bytes, dict[str, int]]:
	"""The PDF of an HTML fragment and the page (from 0) on which each anchor (id) lies; laid_out
	is told the number of pages once they are laid out, before they are written (a background job
	shows it as progress).

	One call lays out and writes the whole document: the CJK font is subset once per call (it
	costs seconds), so a bound filing is rendered in one call, not one per part."""
	from weasyprint import HTML

	document = HTML(string=_page(html, css)).render()
	if laid_out:
		laid_out(len(document.pages))
	anchors = {}
	for number, page in enumerate(document.pages):
		for anchor in page.anchors:
			anchors.setdefault(anchor, number)
	return document.write_pdf(), anchors


def _page(html: str, css: str) -> str:
	return (
		'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
		f'<style>{css}</style></head><body><div class="print-format">{html}</div></body></html>'
	)


def image_to_pdf(content: bytes) -> bytes:
	"""An image (photo or scan) as one A4 page, scaled to fit with a margin."""
	from PIL import Image

	image = Image.open(io.BytesIO(content))
	image = image.convert("RGB")
	page = Image.new("RGB", A4_PIXELS_150_DPI, "white")
	margin = 90
	box = (A4_PIXELS_150_DPI[0] - 2 * margin, A4_PIXELS_150_DPI[1] - 2 * margin)
	image.thumbnail(box)
	page.paste(image, ((A4_PIXELS_150_DPI[0] - image.width) // 2, margin))
	output = io.BytesIO()
	page.save(output, format="PDF", resolution=150)
	return output.getvalue()


def page_count(content: bytes) -> int:
	return len(PdfReader(io.BytesIO(content)).pages)


def bind(rendered: bytes, inserts: dict[int, list[bytes]]) -> bytes:
	"""The rendered pages with the pages at some indexes replaced: index of the first page of a run
	of placeholder pages -> the PDFs whose pages take the run's place (as many pages as they have).
	"""
	reader = PdfReader(io.BytesIO(rendered))
	writer = PdfWriter()
	skip = 0
	for index, page in enumerate(reader.pages):
		if index in inserts:
			for part in inserts[index]:
				evidence = PdfReader(io.BytesIO(part))
				skip += len(evidence.pages)
				writer.append(evidence)
		if skip:
			skip -= 1
			continue
		writer.add_page(page)
	output = io.BytesIO()
	writer.write(output)
	return output.getvalue()


def stamp_page_numbers(content: bytes, start: int = 1) -> bytes:
	"""Every page numbered "- n -" at the foot, centred, whatever its size or rotation."""
	writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
	for number, page in enumerate(writer.pages, start):
		page.transfer_rotation_to_content()
		page.merge_page(_number_overlay(page, f"- {number} -"))
	output = io.BytesIO()
	writer.write(output)
	return output.getvalue()


def _number_overlay(page: PageObject, text: str) -> PageObject:
	box = page.mediabox
	width = sum(HELVETICA_WIDTHS[char] for char in text) * NUMBER_SIZE / 1000
	x = float(box.left) + (float(box.width) - width) / 2
	y = float(box.bottom) + NUMBER_BOTTOM
	overlay = PageObject.create_blank_page(width=float(box.right), height=float(box.top))
	font = DictionaryObject(
		{
			NameObject("/Type"): NameObject("/Font"),
			NameObject("/Subtype"): NameObject("/Type1"),
			NameObject("/BaseFont"): NameObject("/Helvetica"),
		}
	)
	overlay[NameObject("/Resources")] = DictionaryObject(
		{NameObject("/Font"): DictionaryObject({NameObject("/CRNumber"): font})}
	)
	stream = DecodedStreamObject()
	stream.set_data(f"BT /CRNumber {NUMBER_SIZE} Tf {x:.2f} {y:.2f} Td ({text}) Tj ET".encode("ascii"))
	overlay[NameObject("/Contents")] = stream
	return overlay
