#!/usr/bin/python3
"""Writes plain-text fixtures (.txt) from the .docx fixtures of tests/import/,
imitating Word's "Save as plain text" (UTF-8, CRLF line ends): a paragraph
per line; list items after "\u2022", "o" or "1." and a tab; a table row per line,
its cells separated by tabs, a merged cell written once, and the paragraphs
inside a cell on lines of their own (so such a row is broken up, as in Word).
Needs Debian's python3-docx. Usage: make_text_fixtures.py [DIR] (default:
fixtures/ here); the .odt fixtures are made from the same .docx files with
`libreoffice --headless --convert-to odt`, once, and committed."""
import os
import sys

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "fixtures")
FIXTURES = ["lsa-headings", "hssw-table-per-section", "hssw-level-column"]
BULLETS = ["\u2022", "o", "\u00a7"]


def paragraph_line(p, numbers):
    style = p.style.name if p.style is not None else ""
    level = int(style[-1]) - 1 if style[-1:].isdigit() else 0
    if style.startswith("List Bullet"):
        return BULLETS[min(level, 2)] + "\t" + p.text
    if style.startswith("List Number"):
        numbers[level] = numbers.get(level, 0) + 1
        return "%d.\t%s" % (numbers[level], p.text)
    numbers.clear()
    return p.text


def table_lines(t):
    lines = []
    for row in t.rows:
        cells, seen = [], set()
        for c in row.cells:  # a merged cell appears once per grid column it covers
            if id(c._tc) not in seen:
                seen.add(id(c._tc))
                cells.append("\r\n".join(p.text for p in c.paragraphs))
        lines.append("\t".join(cells))
    return lines


def text_of(doc):
    lines, numbers = [], {}
    for child in doc.element.body.iterchildren():
        tag = child.tag.split("}")[-1]
        if tag == "p":
            lines.append(paragraph_line(Paragraph(child, doc), numbers))
        elif tag == "tbl":
            lines.extend(table_lines(Table(child, doc)))
    return "\r\n".join(lines) + "\r\n"


def main():
    for name in FIXTURES:
        doc = Document(os.path.join(DIR, name + ".docx"))
        with open(os.path.join(DIR, name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text_of(doc))


if __name__ == "__main__":
    main()
