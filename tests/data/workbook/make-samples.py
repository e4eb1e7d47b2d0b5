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
