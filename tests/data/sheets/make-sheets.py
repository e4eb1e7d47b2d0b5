#!/usr/bin/python3
"""Writes the sample workbooks of tests/data/sheets/ from the 埇桥 2023 sample.

Each is laid out the way a finance office lays out its own sheets, and
together they show every case docs/importing.md describes.  Their figures
are the sample's line items (resources/samples/yongqiao-2023/lines.csv), so
importing any of them reproduces the published totals: 1,623.35万元,
基本支出 1,008.35, 项目支出 615.00.

Run from the repository root:  /usr/bin/python3 tests/data/sheets/make-sheets.py
The .xls is made from an .xlsx with gnumeric's ssconvert.
"""
import csv
import os
import subprocess
import tempfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SAMPLE = os.path.join(ROOT, 'resources', 'samples', 'yongqiao-2023')
OUT = os.path.dirname(os.path.abspath(__file__))
DEPT = '埇桥区人民政府办公室'

FUNC_NAMES = {
    '201': '一般公共服务支出', '20103': '政府办公厅（室）及相关机构事务', '2010301': '行政运行',
    '208': '社会保障和就业支出', '20805': '行政事业单位养老支出',
    '2080505': '机关事业单位基本养老保险缴费支出', '2080506': '机关事业单位职业年金缴费支出',
    '210': '卫生健康支出', '21011': '行政事业单位医疗', '2101101': '行政单位医疗', '2101103': '公务员医疗补助',
    '221': '住房保障支出', '22102': '住房改革支出', '2210201': '住房公积金', '2210202': '提租补贴',
}
ECON_NAMES = {
    '30101': '基本工资', '30102': '津贴补贴', '30103': '奖金', '30107': '绩效工资',
    '30108': '机关事业单位基本养老保险缴费', '30109': '职业年金缴费', '30110': '职工基本医疗保险缴费',
    '30111': '公务员医疗补助缴费', '30112': '其他社会保障缴费', '30113': '住房公积金',
    '30201': '办公费', '30202': '印刷费', '30207': '邮电费', '30211': '差旅费', '30213': '维修（护）费',
    '30215': '会议费', '30226': '劳务费', '30227': '委托业务费', '30228': '工会经费', '30229': '福利费',
    '30239': '其他交通费用', '30299': '其他商品和服务支出',
    '30301': '离休费', '30302': '退休费', '30307': '医疗费补助', '30399': '其他对个人和家庭的补助',
}


def read_csv(name):
    with open(os.path.join(SAMPLE, name), encoding='utf-8') as f:
        return list(csv.DictReader(f))


LINES = read_csv('lines.csv')
PROJECTS = {p['code']: p for p in read_csv('projects.csv')}


def yuan(line):
    return Decimal(line['amount'])


def wan(amount):
    # What a sheet holds after "=元/10000": the exact quotient, shown with two decimals.
    return float(amount / 10000)


def by_function():
    """Lines in function-code order, with the 类 and 款 they fall under."""
    return sorted(LINES, key=lambda l: (l['func_code'], l['kind'] == '项目支出', l['project_code']))


def title(ws, text, width):
    ws.append([text])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=16)
    ws.cell(ws.max_row, 1).alignment = Alignment(horizontal='center')


def grouped_workbook():
    """Two-row header with merged groups, 单位：万元, 合计 and 类/款 rows, codes
    and names in separate columns, amounts as numbers in 万元."""
    wb = Workbook()
    ws = wb.active
    ws.title = '部门支出明细表'
    title(ws, '埇桥区人民政府办公室2023年部门支出预算明细表', 8)
    ws.append(['编制单位：' + DEPT, None, None, None, None, None, None, '单位：万元'])
    ws.append(['支出功能分类科目', None, '部门经济分类科目', None, '支出类型', '项目名称', '资金来源', '金额'])
    ws.append(['科目编码', '科目名称', '科目编码', '科目名称'])
    ws.merge_cells('A3:B3')
    ws.merge_cells('C3:D3')
    for col in 'EFGH':
        ws.merge_cells(f'{col}3:{col}4')
    total = sum(yuan(l) for l in LINES)
    ws.append(['合计', None, None, None, None, None, None, wan(total)])
    seen = set()
    for line in by_function():
        code = line['func_code']
        for prefix in (code[:3], code[:5]):
            if prefix not in seen:
                seen.add(prefix)
                amount = sum(yuan(l) for l in LINES if l['func_code'].startswith(prefix))
                ws.append([prefix, FUNC_NAMES[prefix], None, None, None, None, None, wan(amount)])
        project = PROJECTS[line['project_code']]['name'] if line['project_code'] else None
        kind = '项目支出' if line['kind'] == '项目支出' else '基本支出'
        ws.append([code, FUNC_NAMES[code], line['econ_code'], ECON_NAMES[line['econ_code']],
                   kind, project, line['source'], wan(yuan(line))])
    for row in ws.iter_rows(min_row=5, min_col=8, max_col=8):
        row[0].number_format = '#,##0.00'
    ws.append([])
    ws.append(['注：本表金额由各明细按元计算后折合万元，显示保留两位小数。'])
    notes = wb.create_sheet('填表说明')
    notes.append(['本工作簿第一张表为支出明细，第二张表为说明。'])
    wb.save(os.path.join(OUT, 'yongqiao-lines-grouped.xlsx'))


def combined_workbook(path):
    """Codes and names in one cell, columns in another order, amounts in 元 as
    text with thousands separators, 小计 / 其中 rows and a 合计 row at the end."""
    wb = Workbook()
    ws = wb.active
    ws.title = '支出预算'
    title(ws, '2023年支出预算表（按支出类型）', 6)
    ws.append(['单位：元'])
    ws.append(['资金来源', '支出类型', '经济分类科目', '功能分类科目', '项目', '金额'])
    for kinds, label in ((('人员经费', '公用经费'), '基本支出小计'), (('项目支出',), '项目支出小计')):
        rows = [l for l in LINES if l['kind'] in kinds]
        ws.append([None, label, None, None, None, f"{sum(yuan(l) for l in rows):,.2f}"])
        if label == '基本支出小计':
            for kind in kinds:
                part = sum(yuan(l) for l in rows if l['kind'] == kind)
                ws.append([None, '其中：' + kind, None, None, None, f"{part:,.2f}"])
        for line in rows:
            ws.append([line['source'], line['kind'],
                       f"{line['econ_code']} {ECON_NAMES[line['econ_code']]}",
                       f"{line['func_code']} {FUNC_NAMES[line['func_code']]}",
                       line['project_code'] or None, f"{yuan(line):,.2f}"])
    ws.append(['合计', None, None, None, None, f"{sum(yuan(l) for l in LINES):,.2f}"])
    wb.save(path)


def gb18030_csv():
    """The export of another system: GB18030, 元, 类/款 rows with short codes,
    some figures typed with full-width digits, a 合计 row."""
    full = str.maketrans('0123456789.', '０１２３４５６７８９．')
    rows = [['单位编码', '功能科目编码', '经济科目编码', '支出类型', '项目编码', '资金来源', '预算数（元）']]
    seen = set()
    for i, line in enumerate(by_function()):
        code = line['func_code']
        for prefix in (code[:3], code[:5]):
            if prefix not in seen:
                seen.add(prefix)
                amount = sum(yuan(l) for l in LINES if l['func_code'].startswith(prefix))
                rows.append(['', prefix, '', '', '', '', f'{amount:.2f}'])
        amount = f'{yuan(line):.2f}'
        if i % 5 == 0:
            amount = amount.translate(full)
        rows.append([line['unit_code'], code, line['econ_code'], line['kind'], line['project_code'],
                     line['source'], amount])
    rows.append(['合计', '', '', '', '', '', f"{sum(yuan(l) for l in LINES):.2f}"])
    with open(os.path.join(OUT, 'yongqiao-lines-gb18030.csv'), 'w', encoding='gb18030', newline='') as f:
        csv.writer(f, lineterminator='\r\n').writerows(rows)


def basic_names_workbook():
    """The 基本支出 lines as a 一般公共预算基本支出 table prints them: 经济分类
    by name only, indented under its 类 row, no 资金来源 column (the whole
    table is 一般公共预算), 单位 in the same line as 编制单位."""
    classes = {'301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助'}
    basic = sorted((l for l in LINES if l['kind'] != '项目支出'), key=lambda l: (l['econ_code'], l['func_code']))
    wb = Workbook()
    ws = wb.active
    ws.title = '基本支出'
    title(ws, '2023年一般公共预算基本支出明细表', 3)
    ws.append(['编制单位：' + DEPT, None, '单位：万元'])
    ws.append(['经济分类科目名称', '功能分类科目编码', '金额'])
    ws.append(['合计', None, wan(sum(yuan(l) for l in basic))])
    for code, name in classes.items():
        ws.append([name, None, wan(sum(yuan(l) for l in basic if l['econ_code'].startswith(code)))])
        for line in (l for l in basic if l['econ_code'].startswith(code)):
            ws.append(['\u3000\u3000' + ECON_NAMES[line['econ_code']], line['func_code'], wan(yuan(line))])
    wb.save(os.path.join(OUT, 'yongqiao-basic-names.xlsx'))


def projects_workbook():
    """The projects the lines refer to, by name."""
    wb = Workbook()
    ws = wb.active
    ws.title = '项目库'
    title(ws, '2023年项目支出预算项目表', 6)
    ws.append(['项目编码', '项目名称', '单位名称', '新增/延续', '项目属性', '项目类别'])
    for p in PROJECTS.values():
        ws.append([p['code'], p['name'], DEPT, p['status'] or None, p['recurrence'] or None, p['category'] or None])
    wb.save(os.path.join(OUT, 'yongqiao-projects.xlsx'))


def main():
    grouped_workbook()
    basic_names_workbook()
    projects_workbook()
    gb18030_csv()
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = os.path.join(tmp, 'yongqiao-lines-combined.xlsx')
        combined_workbook(xlsx)
        subprocess.run(['ssconvert', '--export-type=Gnumeric_Excel:excel_biff8', xlsx,
                        os.path.join(OUT, 'yongqiao-lines-combined.xls')],
                       check=True, stderr=subprocess.DEVNULL)


if __name__ == '__main__':
    main()
