#!/usr/bin/env python3
"""The shape of an xlsx workbook as plain lines, for bench-xlsx-twin.

    xlsx-shape.py IN.xlsx OUT.shape

Every sheet in tab order with its cells (type, value, format), merged ranges,
column widths, row heights, frozen rows, print titles and page setup, and every
cell format (number format, font, alignment, border). bench-xlsx-twin reads it
and writes the same workbook with libxlsxwriter alone: the anchor that
`yusuan-cli export` is measured against (docs/performance.md).

Lines are tab-separated; text has backslash, tab and newline escaped:
    X id numfmt bold size font halign valign wrap border indent
    S name
    W col width          H row height          Z frozen_rows
    R first_row last_row (print titles)
    P landscape paper fit_w fit_h scale left right top bottom footer
    C row col type(n|s|b) xf value        M r1 c1 r2 c2
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
M = "{%s}" % NS["m"]
BUILTIN_NUMFMTS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 49: "@"}


def esc(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def cell_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def text_of(si):
    return "".join(t.text or "" for t in si.iter(M + "t"))


def main(src, dst):
    z = zipfile.ZipFile(src)
    out = open(dst, "w", encoding="utf-8")

    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append(text_of(si))

    styles = ET.fromstring(z.read("xl/styles.xml"))
    numfmts = dict(BUILTIN_NUMFMTS)
    for nf in styles.iter(M + "numFmt"):
        numfmts[int(nf.get("numFmtId"))] = nf.get("formatCode")
    fonts = []
    for f in styles.find("m:fonts", NS):
        sz = f.find("m:sz", NS)
        name = f.find("m:name", NS)
        fonts.append((1 if f.find("m:b", NS) is not None else 0,
                      sz.get("val") if sz is not None else "11",
                      name.get("val") if name is not None else "Calibri"))
    borders = []
    for b in styles.find("m:borders", NS):
        left = b.find("m:left", NS)
        borders.append(1 if left is not None and left.get("style") else 0)
    for i, xf in enumerate(styles.find("m:cellXfs", NS)):
        bold, size, font = fonts[int(xf.get("fontId", 0))]
        al = xf.find("m:alignment", NS)
        al = al.attrib if al is not None else {}
        out.write("X\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n" % (
            i, esc(numfmts.get(int(xf.get("numFmtId", 0)), "General")), bold, size, esc(font),
            al.get("horizontal", ""), al.get("vertical", ""), al.get("wrapText", "0"),
            borders[int(xf.get("borderId", 0))], al.get("indent", "0")))

    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    titles = {}
    for dn in book.iter(M + "definedName"):
        if dn.get("name") == "_xlnm.Print_Titles":
            m = re.search(r"\$(\d+):\$(\d+)", dn.text or "")
            if m:
                titles[int(dn.get("localSheetId"))] = (int(m.group(1)) - 1, int(m.group(2)) - 1)

    for index, sheet in enumerate(book.find("m:sheets", NS)):
        target = targets[sheet.get("{%s}id" % NS["r"])].lstrip("/")
        path = target if target.startswith("xl/") else "xl/" + target
        ws = ET.fromstring(z.read(path))
        out.write("S\t%s\n" % esc(sheet.get("name")))
        for col in ws.iter(M + "col"):
            for c in range(int(col.get("min")), int(col.get("max")) + 1):
                out.write("W\t%d\t%s\n" % (c - 1, col.get("width")))
        pane = ws.find(".//m:pane", NS)
        if pane is not None and pane.get("state") == "frozen" and pane.get("ySplit"):
            out.write("Z\t%s\n" % pane.get("ySplit"))
        if index in titles:
            out.write("R\t%d\t%d\n" % titles[index])
        merged = set()
        merges = []
        for mc in ws.iter(M + "mergeCell"):
            a, b = mc.get("ref").split(":")
            (r1, c1), (r2, c2) = cell_ref(a), cell_ref(b)
            merges.append((r1, c1, r2, c2))
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        merged.add((r, c))
        for row in ws.iter(M + "row"):
            r = int(row.get("r")) - 1
            if row.get("customHeight"):
                out.write("H\t%d\t%s\n" % (r, row.get("ht")))
            for c in row.findall("m:c", NS):
                rr, cc = cell_ref(c.get("r"))
                if (rr, cc) in merged:
                    continue
                v = c.find("m:v", NS)
                kind = c.get("t", "n")
                if kind == "s" and v is not None:
                    typ, value = "s", strings[int(v.text)]
                elif kind == "inlineStr":
                    typ, value = "s", text_of(c)
                elif kind == "str" and v is not None:
                    typ, value = "s", v.text or ""
                elif v is not None:
                    typ, value = "n", v.text
                else:
                    typ, value = "b", ""
                out.write("C\t%d\t%d\t%s\t%s\t%s\n" % (rr, cc, typ, c.get("s", "0"), esc(value)))
        for m in merges:
            out.write("M\t%d\t%d\t%d\t%d\n" % m)
        ps = ws.find("m:pageSetup", NS)
        pm = ws.find("m:pageMargins", NS)
        footer = ws.find(".//m:oddFooter", NS)
        if ps is not None:
            out.write("P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" % (
                1 if ps.get("orientation") == "landscape" else 0, ps.get("paperSize", "9"),
                ps.get("fitToWidth", "-1"), ps.get("fitToHeight", "-1"), ps.get("scale", "0"),
                pm.get("left", "0.7") if pm is not None else "0.7", pm.get("right", "0.7") if pm is not None else "0.7",
                pm.get("top", "0.75") if pm is not None else "0.75", pm.get("bottom", "0.75") if pm is not None else "0.75",
                esc(footer.text or "") if footer is not None else ""))
    out.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: xlsx-shape.py IN.xlsx OUT.shape")
    main(sys.argv[1], sys.argv[2])
