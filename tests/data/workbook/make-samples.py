#!/usr/bin/python3
"""Makes the sample workbooks test-workbook reads (run from this folder:
/usr/bin/python3 make-samples.py). Needs python3-openpyxl and gnumeric's
ssconvert. The files are committed; run again only to change them.

sample.xlsx  three sheets, the second hidden; the first tab's part is
             xl/worksheets/sheet3.xml (parts renamed after saving), so its
             part is found through the workbook's relationships
sample.xls   the same workbook saved by ssconvert as Excel 97-2003
gnumeric.xlsx the same saved again by ssconvert (shared strings, its own styles)
gb18030.csv  a GB18030 CSV as Excel on a Chinese Windows saves it
tab.txt      tab-separated UTF-8 with quoted fields
catalog.xls  a catalog as a bureau sends it in Excel 97-2003: title, header, codes as numbers
"""
import datetime
import io
import os
import subprocess
import zipfile

import openpyxl
from openpyxl.styles import Alignment


def build():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "支出表"
    ws["A1"] = "2023年部门支出预算表"
    ws.merge_cells("A1:F1")
    ws["A2"] = "单位：万元"
    ws["A3"] = "支出功能分类科目"
    ws.merge_cells("A3:B3")
    ws["C3"] = "金额"
    ws.merge_cells("C3:C4")
    ws["D3"], ws["E3"], ws["F3"] = "日期", "备注", "布尔"
    ws["A4"], ws["B4"] = "科目编码", "科目名称"
    # A code stored as text is a string; the same code stored as a number is a number.
    ws["A5"] = "2010301"
    ws["B5"] = "  行政\n运行 "
    ws["B5"].alignment = Alignment(wrap_text=True)
    ws["C5"] = 1623.35
    ws["D5"] = datetime.date(2023, 1, 31)
    ws["D5"].number_format = "yyyy-mm-dd"
    ws["E5"] = "#N/A"
    ws["F5"] = True
    ws["A6"] = 2010302
    ws["B6"] = "一般行政管理事务"
    ws["C6"] = 16233500
    ws["D6"] = datetime.datetime(2023, 1, 31, 12, 0, 0)
    ws["E6"] = 0.0001
    ws["F6"] = False
    ws["C7"] = -0.5
    ws["D7"] = datetime.date(1900, 3, 1)
    ws["D7"].number_format = "mm-dd-yy"          # built-in format 14
    ws["E7"] = datetime.date(2024, 2, 29)
    ws["E7"].number_format = 'yyyy"年"m"月"d"日"'  # a custom Chinese date format
    ws["C8"] = 0.1 + 0.2
    ws["D8"] = datetime.time(12, 30)
    ws["D8"].number_format = "h:mm"              # built-in format 20
    ws["E8"] = 1.5e20
    ws["C9"] = 1234.5
    ws["C9"].number_format = '#,##0.00_);[Red](#,##0.00)'  # not a date

    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "secret"
    hidden.sheet_state = "hidden"
    other = wb.create_sheet("其他")
    other["A1"] = "其他表"
    other["B2"] = 42
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def swap_parts(data):
    """Stores the first tab in sheet3.xml and the third in sheet1.xml."""
    src = zipfile.ZipFile(io.BytesIO(data))
    swap = {"xl/worksheets/sheet1.xml": "xl/worksheets/sheet3.xml",
            "xl/worksheets/sheet3.xml": "xl/worksheets/sheet1.xml"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            name = swap.get(info.filename, info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                text = body.decode()
                text = text.replace("worksheets/sheet1.xml", "@@")
                text = text.replace("worksheets/sheet3.xml", "worksheets/sheet1.xml")
                body = text.replace("@@", "worksheets/sheet3.xml").encode()
            dst.writestr(name, body)
    return out.getvalue()


with open("sample.xlsx", "wb") as f:
    f.write(swap_parts(build()))
subprocess.run(["ssconvert", "-T", "Gnumeric_Excel:excel_biff8", "sample.xlsx", "sample.xls"],
               check=True, capture_output=True)
# openpyxl writes inline strings; Gnumeric writes shared strings.
subprocess.run(["ssconvert", "-T", "Gnumeric_Excel:xlsx2", "sample.xlsx", "gnumeric.xlsx"],
               check=True, capture_output=True)

with open("gb18030.csv", "wb") as f:
    f.write("科目编码,科目名称,金额\r\n2010301,行政运行,\"1,623.35\"\r\n"
            "2010302,\"一般行政\r\n管理事务\",615.00\r\n".encode("gb18030"))
with open("tab.txt", "wb") as f:
    f.write("单位名称\t金额\t说明\n测试单位\t1,008.35\t\"含,逗号\"\n"
            "\t\t\"两\n行\"\n".encode("utf-8"))

cat = openpyxl.Workbook()
ws = cat.active
ws.title = "功能分类"
ws.append(["2025年支出功能分类科目"])
ws.append(["科目编码", "科目名称"])
ws.append([201, "一般公共服务支出"])
ws.append(["20103", "  政府办公厅(室)及相关机构事务"])
ws.append([2010301, "    行政运行"])
cat.save("catalog-tmp.xlsx")
subprocess.run(["ssconvert", "-T", "Gnumeric_Excel:excel_biff8", "catalog-tmp.xlsx", "catalog.xls"],
               check=True, capture_output=True)
os.remove("catalog-tmp.xlsx")

# A small package written part by part, as Excel itself writes them: shared
# strings with rich text and phonetic runs, a date style, the 1904 date
# system, merged cells. Also a seed of the workbook fuzz target.
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        f'<workbook xmlns="{NS}" xmlns:r="{REL}"><workbookPr date1904="1"/><sheets>'
        '<sheet name="表一" sheetId="1" r:id="rId1"/><sheet name="隐" sheetId="2" state="veryHidden" r:id="rId2"/>'
        '</sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/a.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="/xl/worksheets/b.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
    "xl/sharedStrings.xml":
        f'<sst xmlns="{NS}"><si><t>科目编码</t></si><si><r><rPr><b/></rPr><t>行政</t></r>'
        '<r><t xml:space="preserve"> 运行</t></r></si><si><t>甲</t><rPh sb="0" eb="1"><t>jia</t></rPh></si></sst>',
    "xl/styles.xml":
        f'<styleSheet xmlns="{NS}"><numFmts><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>'
        '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="20"/></cellXfs></styleSheet>',
    "xl/worksheets/a.xml":
        f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row><c t="s"><v>2</v></c><c s="1"><v>43495</v></c><c s="2"><v>43495.5</v></c><c s="3"><v>0.25</v></c>'
        '<c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c><c t="str"><f>A1</f><v>科目编码</v></c></row>'
        '<row r="5"><c r="C5" t="inlineStr"><is><t>内联</t></is></c><c r="D5"><v>2.010301E6</v></c></row>'
        '</sheetData><mergeCells><mergeCell ref="A1:A2"/><mergeCell ref="C5:E6"/></mergeCells></worksheet>',
    "xl/worksheets/b.xml": f'<worksheet xmlns="{NS}"><sheetData/></worksheet>',
}
with zipfile.ZipFile("shared.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, body in parts.items():
        z.writestr(zipfile.ZipInfo(name, (2023, 1, 1, 0, 0, 0)), body.encode())
