#!/usr/bin/python3
"""Builds the .docx fixtures of tests/import/ from the seeds (seed_data.py),
one or more per layout of issue 15, and the bad inputs. Needs Debian's
python3-docx. Usage: make_fixtures.py [OUTDIR] (default: fixtures/ here)."""
import os
import sys
import zipfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from seed_data import (HSSW, HSSW_DUTIES, HSSW_FACTS, LSA, LSA_DUTIES, LSP, LSP_FACTS,
                       SENCO, SENCO_LEGEND, SENCO_SAFEGUARDING)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "fixtures")
TICKS = ["\u2713", "\u2714", "\u2611", "X", "Yes"]  # cycled in the tick-characters layout


def sym_tick(cell):
    """A Wingdings tick stored as w:sym, as Word's Insert > Symbol writes it."""
    run = cell.paragraphs[0].add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings")
    sym.set(qn("w:char"), "F0FC")
    run._r.append(sym)


def set_cell(cell, text, bold=False):
    cell.paragraphs[0].add_run(text).bold = bold


def facts_paragraphs(doc, facts):
    for label, value in facts:
        doc.add_paragraph().add_run(label + ":").bold = True
        doc.add_paragraph(value)


def facts_table(doc, facts):
    t = doc.add_table(rows=0, cols=2)
    for label, value in facts:
        cells = t.add_row().cells
        set_cell(cells[0], label, bold=True)
        set_cell(cells[1], value)


def hssw_job(doc, facts_as_table):
    doc.add_heading("Benchmark Job Profile", 1)
    (facts_table if facts_as_table else facts_paragraphs)(doc, HSSW_FACTS)
    doc.add_heading("Main Duties And Responsibilities Of The Post", 2)
    for d in HSSW_DUTIES:
        doc.add_paragraph(d, style="List Number")
    doc.add_heading("Model Person Specification", 2)


def hssw_row(table, note, text, level, methods, mark):
    cells = table.add_row().cells
    if note:
        cells[0].paragraphs[0].add_run(note)
        cells[0].add_paragraph(text)
    else:
        set_cell(cells[0], text)
    mark(cells, level)
    set_cell(cells[-1], methods)


def hssw_one_table(path):
    """One table, section rows spanning the width, Wingdings ticks (w:sym)."""
    doc = Document()
    hssw_job(doc, facts_as_table=False)
    t = doc.add_table(rows=0, cols=4)
    for i, (section, rows) in enumerate(HSSW):
        cells = t.add_row().cells
        if i == 0:
            for c, h in zip(cells, [section, "Essential", "Desirable", "Assessed by"]):
                set_cell(c, h, bold=True)
        else:
            merged = cells[0].merge(cells[3])
            set_cell(merged, section, bold=True)
        for note, text, level, methods in rows:
            hssw_row(t, note, text, level, methods,
                     lambda cells, level: sym_tick(cells[1 if level == "E" else 2]))
    doc.save(path)


def hssw_table_per_section(path):
    """A table per section; ticks as characters, letters and "Yes"."""
    doc = Document()
    hssw_job(doc, facts_as_table=True)
    n = 0
    for section, rows in HSSW:
        t = doc.add_table(rows=1, cols=4)
        for c, h in zip(t.rows[0].cells, [section, "Essential", "Desirable", "How identified"]):
            set_cell(c, h, bold=True)
        for note, text, level, methods in rows:
            tick = TICKS[n % len(TICKS)] if n % 6 != 5 else level  # every sixth: E or D
            n += 1
            hssw_row(t, note, text, level, methods,
                     lambda cells, level, tick=tick: set_cell(cells[1 if level == "E" else 2], tick))
        doc.add_paragraph("")
    doc.save(path)


def hssw_level_column(path):
    """One level column holding the word; section rows with empty cells."""
    doc = Document()
    hssw_job(doc, facts_as_table=True)
    t = doc.add_table(rows=1, cols=3)
    for c, h in zip(t.rows[0].cells, ["Criteria", "Essential or desirable", "Method of assessment"]):
        set_cell(c, h, bold=True)
    for section, rows in HSSW:
        set_cell(t.add_row().cells[0], section, bold=True)
        for note, text, level, methods in rows:
            word = "Essential" if level == "E" else "Desirable"
            hssw_row(t, note, text, level, methods,
                     lambda cells, level, word=word: set_cell(cells[1], word))
    doc.save(path)


def lsa_job(doc):
    doc.add_heading("Job Description", 1)
    doc.add_paragraph("1:1 Learning Support Assistant").runs[0].bold = True
    doc.add_heading("Role and Responsibilities", 2)
    doc.add_paragraph("This is a crucial role and you will take responsibility for:")
    for d in LSA_DUTIES:
        doc.add_paragraph(d, style="List Bullet")
    doc.add_heading("PERSONAL SPECIFICATION \u20131:1", 2)


def lsa_columns(path):
    """Essential and Desirable columns, each holding the criteria as paragraphs."""
    doc = Document()
    lsa_job(doc)
    t = doc.add_table(rows=1, cols=3)
    set_cell(t.rows[0].cells[1], "Essential", bold=True)
    set_cell(t.rows[0].cells[2], "Desirable", bold=True)
    for section, essential, desirable in LSA:
        cells = t.add_row().cells
        set_cell(cells[0], section, bold=True)
        for cell, items in ((cells[1], essential), (cells[2], desirable)):
            for i, item in enumerate(items):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.add_run("\u25a1 " + item)
    doc.save(path)


def lsa_headings(path):
    """Two lists under Essential and Desirable headings, per section."""
    doc = Document()
    lsa_job(doc)
    for section, essential, desirable in LSA:
        doc.add_heading(section, 3)
        for word, items in (("Essential", essential), ("Desirable", desirable)):
            if not items:
                continue
            doc.add_paragraph().add_run(word).bold = True
            for item in items:
                doc.add_paragraph(item, style="List Bullet")
    doc.save(path)


def bullets(cell, items):
    for i, item in enumerate(items):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.style = cell.part.document.styles["List Bullet"]
        p.add_run(item)


def senco_codes(path):
    """ATTRIBUTES | ESSENTIAL | HOW MEASURED | DESIRABLE | HOW MEASURED, codes and legend."""
    doc = Document()
    doc.add_paragraph().add_run("JOB DESCRIPTION \u2013 Special Needs Co-ordinator - SENCo (Teacher with TLR 2b)").bold = True
    doc.add_paragraph("Responsible to: Headteacher")
    doc.add_paragraph("Grade: MPS + SEN allowance + TLR 2b")
    doc.add_paragraph("Core Responsibilities")
    doc.add_paragraph("Teaching Commitment (1 day per week) (20%)", style="List Number")
    doc.add_paragraph("Deliver high-quality teaching in line with school expectations.", style="List Bullet 2")
    doc.add_heading("Person Specification", 2)
    doc.add_paragraph("Essential (E):- without which candidate would be rejected")
    t = doc.add_table(rows=1, cols=5)
    for c, h in zip(t.rows[0].cells, ["ATTRIBUTES", "ESSENTIAL", "HOW MEASURED", "DESIRABLE", "HOW MEASURED"]):
        set_cell(c, h, bold=True)
    for section, essential, desirable in SENCO:
        cells = t.add_row().cells
        set_cell(cells[0], section)
        if essential == "SAFEGUARDING":
            text, note, details = SENCO_SAFEGUARDING
            set_cell(cells[1], text)
            cells[1].add_paragraph().add_run(note).italic = True
            for d in details:
                cells[1].add_paragraph("\u2022 " + d)
            continue
        bullets(cells[1], [e[0] for e in essential])
        bullets(cells[2], [e[1] for e in essential])
        bullets(cells[3], [d[0] for d in desirable])
        bullets(cells[4], [d[1] for d in desirable])
    doc.add_paragraph(SENCO_LEGEND)
    doc.save(path)


def lsp_sections(path):
    """Section column with a numbered name and a prompt; "How identified" in words."""
    doc = Document()
    doc.add_heading("JOB DESCRIPTION", 1)
    facts_table(doc, LSP_FACTS)
    doc.add_heading("PERSON SPECIFICATION", 1)
    t = doc.add_table(rows=1, cols=4)
    for c, h in zip(t.rows[0].cells, ["", "Essential", "N/A", "How identified"]):
        set_cell(c, h, bold=True)
    for i, (name, prompt, criteria, how) in enumerate(LSP, 1):
        cells = t.add_row().cells
        set_cell(cells[0], "%d. %s" % (i, name), bold=True)
        for p in prompt:
            cells[0].add_paragraph(p)
        plain = name.startswith("Circumstances")
        for j, c in enumerate(criteria):
            p = cells[1].paragraphs[0] if j == 0 else cells[1].add_paragraph()
            p.add_run(c if plain else "\u2022 " + c)
        set_cell(cells[3], how)
    doc.save(path)


def bad_inputs(out):
    """Files that must be refused with a clear message and nothing written."""
    def write(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    write("bad-not-a-docx.docx", b"This is a plain text file with the wrong name.\n")
    with open(os.path.join(out, "hssw-one-table.docx"), "rb") as f:
        write("bad-corrupt.docx", f.read()[:1500])
    write("bad-password.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4088)

    def docx(name, document_xml, extra=()):
        with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/document.xml", document_xml)
            for n, data in extra:
                z.writestr(n, data)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    docx("bad-doctype.docx", '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         '<w:document %s><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % w)
    rows = "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>" * 10000
    docx("bad-10000-rows.docx", '<w:document %s><w:body><w:tbl>%s</w:tbl></w:body></w:document>' % (w, rows))
    bomb = '<w:document %s><w:body><w:p/>%s</w:body></w:document>' % (w, " " * (100 << 20))
    docx("bad-zip-bomb.docx", bomb)
    docx("bad-many-entries.docx", '<w:document %s><w:body/></w:document>' % w,
         [("word/media/%d.bin" % i, "") for i in range(3000)])


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, make in [("hssw-one-table", hssw_one_table), ("hssw-table-per-section", hssw_table_per_section),
                       ("hssw-level-column", hssw_level_column), ("lsa-columns", lsa_columns),
                       ("lsa-headings", lsa_headings), ("senco-codes", senco_codes),
                       ("lsp-sections", lsp_sections)]:
        make(os.path.join(OUT, name + ".docx"))
    bad_inputs(OUT)


if __name__ == "__main__":
    main()
