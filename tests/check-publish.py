#!/usr/bin/python3
"""Publishes a sample budget with yusuan-cli as docx and as PDF and checks both.

    check-publish.py CLI SAMPLE_DIR

- While the sample has 错误 findings, `publish` without --allow-errors exits 1,
  lists them and writes nothing.
- The docx: python-docx reads it; its Heading 1 paragraphs are 第一部分 …
  第四部分 in order; there is one table per official table (`tables --json`),
  each under a Heading 2 with the table's title and headed by the table's
  own header words; the department's total expenditure, as the tables print
  it, is in the tables; 第三部分 and 第四部分 have paragraphs; every section
  is A4; every XML part is well-formed, [Content_Types].xml first; the footer
  has a PAGE field and the body a TOC field. LibreOffice converts it to PDF
  without error.
- The PDF: A4 pages, the cover title, 目录 and the four parts in the text
  (pdftotext), the total again, and no Chinese text smaller than 9 points
  (a CJK character is as wide as its type size, so a word of CJK characters
  measured by `pdftotext -bbox` gives its size); every font embedded; wide
  tables on landscape pages in both documents or in neither.
Exits 1 on any failure.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.dom import minidom

import docx

PARTS = ["第一部分", "第二部分", "第三部分", "第四部分"]
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
MIN_PT = 9.0


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=240, **kw)


def money(fen, unit):
    if unit == "元":
        return f"{fen / 100:,.2f}"
    return f"{(abs(fen) + 50) // 100 / 10000 * (1 if fen >= 0 else -1):,.2f}"


def check_docx(path, tables, total, failures):
    d = docx.Document(path)
    heads = [(p.style.name, p.text.strip()) for p in d.paragraphs if p.style.name.startswith("Heading")]
    parts = [t for s, t in heads if s == "Heading 1"]
    if [p[:4] for p in parts] != PARTS:
        failures.append(f"docx: Heading 1 paragraphs are {parts}, not 第一部分…第四部分 in order")
    second = [t for s, t in heads if s == "Heading 2"]
    for t in tables:
        if not any(t["title"] in h for h in second):
            failures.append(f"docx: no Heading 2 for the table “{t['title']}”")
    if len(d.tables) != len(tables):
        failures.append(f"docx: {len(d.tables)} tables, the budget has {len(tables)}")
    for table, t in zip(d.tables, tables):
        words = {c.text.strip() for row in table.rows[:len(t["header"])] for c in row.cells}
        want = {c.strip() for row in t["header"] for c in row if isinstance(c, str) and c.strip()}
        missing = {w for w in want if w not in words}
        if missing:
            failures.append(f"docx: table “{t['title']}” lacks its header words {sorted(missing)}")
    cells = {c.text.strip() for table in d.tables for row in table.rows for c in row.cells}
    if not any(x in cells for x in total):
        failures.append(f"docx: the total expenditure ({' or '.join(total)}) is in no table")
    texts = [p.text for p in d.paragraphs]
    starts = [next((i for i, p in enumerate(d.paragraphs) if p.style.name == "Heading 1" and p.text.startswith(k)), None)
              for k in PARTS]
    if None not in starts:
        explain = [t for t in texts[starts[2] + 1:starts[3]] if t.strip()]
        glossary = [t for t in texts[starts[3] + 1:] if t.strip()]
        if not explain or not glossary:
            failures.append(f"docx: 第三部分 has {len(explain)} paragraphs, 第四部分 {len(glossary)}")
    for i, s in enumerate(d.sections):
        w, h = s.page_width.pt, s.page_height.pt
        if sorted((round(w), round(h))) != [595, 842]:
            failures.append(f"docx: section {i + 1} is {w:.0f} × {h:.0f} pt, not A4")
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
        foot = z.read("word/footer1.xml").decode()
        damaged = z.testzip()
        if damaged:
            failures.append(f"docx: the part {damaged} is damaged")
        if z.namelist()[0] != "[Content_Types].xml":
            failures.append("docx: [Content_Types].xml is not the first part")
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    minidom.parseString(z.read(name))
                except Exception as e:  # noqa: BLE001 — any parse error is the failure
                    failures.append(f"docx: {name} is not well-formed XML: {e}")
    if " TOC " not in body:
        failures.append("docx: no TOC field")
    if " PAGE " not in foot:
        failures.append("docx: no PAGE field in the footer")
    landscape = sum(1 for s in d.sections if s.page_width > s.page_height)
    return len(d.paragraphs), len(d.tables), len(heads), landscape


def convert_with_libreoffice(path, tmp, failures):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        failures.append("libreoffice is not installed (.ci/install-deps installs it)")
        return
    profile = "file://" + os.path.join(tmp, "lo-profile")
    out = os.path.join(tmp, "lo")
    r = run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", out, path])
    pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if r.returncode != 0 or not os.path.exists(pdf):
        failures.append(f"LibreOffice could not convert the docx: {r.stdout} {r.stderr}")
        return
    pages = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout).group(1))
    text = run(["pdftotext", pdf, "-"]).stdout
    if pages == 0 or any(p not in text for p in PARTS):
        failures.append(f"LibreOffice's PDF of the docx has {pages} pages, parts found: "
                        f"{[p for p in PARTS if p in text]}")
    return pages


def check_pdf(path, title, total, failures):
    info = run(["pdfinfo", "-f", "1", "-l", "9999", path]).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    if not sizes:
        failures.append("pdf: no pages")
    for i, (w, h) in enumerate(sizes):
        if sorted((round(float(w)), round(float(h)))) != [595, 842]:
            failures.append(f"pdf: page {i + 1} is {w} × {h}, not A4")
    fonts = run(["pdffonts", path]).stdout.splitlines()[2:]
    if not fonts or any(line.split()[-5] != "yes" for line in fonts):
        failures.append(f"pdf: a font is not embedded: {fonts}")
    text = re.sub(r"\s+", "", run(["pdftotext", path, "-"]).stdout)
    for want in [title, "目录"] + PARTS:
        if re.sub(r"\s+", "", want) not in text:
            failures.append(f"pdf: “{want}” is not in the text")
    if not any(x in text for x in total):
        failures.append(f"pdf: the total expenditure ({' or '.join(total)}) is not in the text")
    smallest, where = 99.0, ""
    bbox = run(["pdftotext", "-bbox", path, "-"]).stdout
    for page, body in enumerate(bbox.split("<page ")[1:], 1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', body):
            word = m.group(3)
            if CJK.match(word):
                size = (float(m.group(2)) - float(m.group(1))) / len(word)
                if size < smallest:
                    smallest, where = size, f"“{word}” on page {page}"
    if smallest < MIN_PT - 0.05:
        failures.append(f"pdf: text at {smallest:.2f} pt, below {MIN_PT} pt: {where}")
    wide = sum(1 for w, h in sizes if float(w) > float(h))
    return len(sizes), smallest, wide


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cli, sample_dir = sys.argv[1:]
    name = os.path.basename(os.path.normpath(sample_dir))
    failures = []
    with tempfile.TemporaryDirectory(prefix="yusuan-publish-") as tmp:
        doc = os.path.join(tmp, "sample.yusuan")
        r = run([cli, "import", doc, sample_dir])
        if r.returncode != 0:
            sys.exit(f"import failed: {r.stderr}")
        tables = json.loads(run([cli, "tables", doc, "--json"]).stdout)["tables"]
        summary = json.loads(run([cli, "summary", doc, "--json"]).stdout)
        fen = summary["expenditure_total"]
        total = [money(fen, "万元"), money(fen, "元")]
        errors = run([cli, "validate", doc]).returncode == 1

        out_docx = os.path.join(tmp, "公开.docx")
        out_pdf = os.path.join(tmp, "公开.pdf")
        if errors:
            r = run([cli, "publish", doc, "-o", out_docx])
            if r.returncode != 1 or os.path.exists(out_docx) or "--allow-errors" not in r.stderr:
                failures.append(f"publish with 错误 findings: exit {r.returncode}, file written: "
                                f"{os.path.exists(out_docx)}, stderr: {r.stderr[:200]}")
        allow = ["--allow-errors"] if errors else []
        for out in (out_docx, out_pdf):
            r = run([cli, "publish", doc, "-o", out] + allow)
            if r.returncode != 0:
                sys.exit(f"publish -o {out} failed: {r.stderr}")

        title = run(["pdfinfo", out_pdf]).stdout
        title = re.search(r"Title:\s+(.*)", title).group(1).strip()
        n_par, n_tab, n_head, n_wide = check_docx(out_docx, tables, total, failures)
        lo_pages = convert_with_libreoffice(out_docx, tmp, failures)
        pages, smallest, wide = check_pdf(out_pdf, title, total, failures)
        # Both writers give the same wide tables landscape pages, or neither does.
        if (n_wide > 0) != (wide > 0):
            failures.append(f"the docx has {n_wide} landscape sections, the PDF {wide} landscape pages")
    print(f"{name}: docx {n_par} paragraphs, {n_tab} tables, {n_head} headings, LibreOffice {lo_pages} pages; "
          f"PDF {pages} pages, smallest Chinese text {smallest:.2f} pt")
    for f in failures:
        print("FAIL " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
