/**
 * `award-tally mask`: the 公示 workbook of a hostile county workbook (IDs and mobiles typed every way, inside other
 * columns, as numbers) holds no full ID or mobile in any cell — scanned by the product's checker
 * (shared/tools/scan-ids.js) and by our own finder — keeps only notice columns, and never touches its input.
 */
import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import { existsSync, promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { calcCheckDigit } from '../../src/core/identifiers/resident-id';
import { findFullNumbers } from '../../src/core/full-numbers';
import { assertPublic, buildNotice, NoticeLeakError, type NoticeSheet } from '../../src/core/notice';
import { buildNoticeWorkbook, workbookCells } from '../../src/xlsx/notice';

const id = (first17: string) => first17 + calcCheckDigit(first17);
const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const ID1 = id('65400219860315042');
const ID2 = id('65400319820114035');
const ID3 = id('65402319750611017');
const ID4 = id('65402319880930028');
const SCAN = path.join(__dirname, '..', '..', '..', 'shared', 'tools', 'scan-ids.js');

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-mask-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表']);
  ws.addRow(['推荐单位（盖章）：伊宁市', null, null, null, null, null, null, '填表日期：2025年10月28日']);
  ws.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
  ws.addRow([1, '阿依古丽·吐尔逊', '女', '维吾尔族', '中共党员', '大学本科', '伊宁市第三中学', '事业', '教师', ID1, '13899990101', `身份证 ${ID1}`]);
  ws.addRow([2, '赵海军', '男', '汉族', '群众', '大学本科', `天北纺织（法人证号${FW(ID2)}）`, '企业', '手机 138 9999 0202', `${ID2.slice(0, 6)} ${ID2.slice(6, 14)} ${ID2.slice(14)}`, '+86 138-9999-0203、0999-8021234', null]);
  ws.addRow([3, '=HYPERLINK("http://x")', '男', '维吾尔族', '中共党员', '大学本科', '霍城县人民医院', '事业', '@主任', Number(ID3.slice(0, 15)), 13899990303, null]);
  ws.addRow([4, `李明${ID4}`, '女', '汉族', '群众', '大专', '伊宁市-工业园区', '机关', '-科员', FW(ID4).toLowerCase(), '138.9999.0304/13899990305', null]);
  ws.getColumn(10).numFmt = '@';
  await wb.xlsx.writeFile(path.join(dir, 'county.xlsx'));
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('说明').addRow(['没有表格']);
  await empty.xlsx.writeFile(path.join(dir, 'empty.xlsx'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false, columns: 100 },
    env: {},
    cwd: dir,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
const sha = async (p: string) => createHash('sha256').update(await fsp.readFile(path.join(dir, p))).digest('hex');

async function everyCell(file: string): Promise<{ sheet: string; cell: string; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const out: { sheet: string; cell: string; text: string }[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push({ sheet: ws.name, cell: c.address, text: c.text }))));
  return out;
}

describe('award-tally mask', () => {
  test('notice columns only, IDs and phones masked, no full number in any cell, the input untouched', async () => {
    const before = await sha('county.xlsx');
    const r = await cli(['mask', 'county.xlsx', '-o', 'public.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已写出公示名单 public\.xlsx：公示-先进个人 4 行/);
    expect(await sha('county.xlsx')).toBe(before);
    const cells = await everyCell('public.xlsx');
    for (const c of cells) expect([c.sheet, c.cell, findFullNumbers(c.text)]).toEqual([c.sheet, c.cell, []]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'public.xlsx'));
    const ws = wb.getWorksheet('公示-先进个人')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '职务', '身份证号', '联系电话']);
    expect(ws.getRow(4).values).toEqual([undefined, 1, '阿依古丽·吐尔逊', '女', '维吾尔族', '中共党员', '大学本科', '伊宁市第三中学', '教师', `654002********${ID1.slice(-4)}`, '138****0101']);
    expect(ws.getCell('G5').value).toBe(`天北纺织（法人证号654003********${ID2.slice(-4)}）`);
    expect(ws.getCell('H5').value).toBe('手机 138****0202');
    expect(ws.getCell('J5').value).toBe('138****0203、0999-***1234');
    // Text stays text: a formula-like name, @ and - at the start.
    expect([ws.getCell('B6').value, ws.getCell('H6').value, ws.getCell('H7').value]).toEqual(['=HYPERLINK("http://x")', '@主任', '-科员']);
    expect(ws.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('I7').value).toBe(`654023********${ID4.slice(-4)}`);
    expect(ws.getCell('J7').value).toBe('138****0304、138****0305');
    // 备注 is not a notice column.
    expect(cells.some((c) => c.text.includes('身份证 '))).toBe(false);
  });

  test('the product’s checker finds 0 full IDs and 0 full mobiles', async () => {
    if (!existsSync(SCAN)) return;
    await cli(['mask', 'county.xlsx', '-o', 'public-scan.xlsx', '--drop', 'phone']);
    const out = execFileSync(process.execPath, [SCAN, path.join(dir, 'public-scan.xlsx')], { cwd: path.join(__dirname, '..', '..') }).toString();
    expect(out).toMatch(/^0 full IDs, 0 full mobiles, \d+ cells/);
    // The checker does find them in the input (the test would catch a scanner that sees nothing).
    let input = '';
    try {
      execFileSync(process.execPath, [SCAN, path.join(dir, 'county.xlsx')], { cwd: path.join(__dirname, '..', '..') });
    } catch (e) {
      input = String((e as { stdout: Buffer }).stdout);
    }
    expect(input).toMatch(/^[1-9]\d* full IDs, [1-9]\d* full mobiles/);
  });

  test('--drop id,phone removes the columns', async () => {
    const r = await cli(['mask', 'county.xlsx', '-o', 'public-drop.xlsx', '--drop', 'id,phone']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已删除列：身份证号、联系电话/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'public-drop.xlsx'));
    expect(wb.getWorksheet('公示-先进个人')!.getRow(3).values).toEqual([undefined, '序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '职务']);
  });

  test('usage errors and nothing to publish', async () => {
    expect((await cli(['mask', 'county.xlsx'])).code).toBe(2);
    const same = await cli(['mask', 'county.xlsx', '-o', 'county.xlsx']);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/输入文件从不被修改/);
    expect((await cli(['mask', 'county.xlsx', '-o', 'x.xlsx', '--drop', 'name'])).err).toMatch(/--drop 只接受 id、phone/);
    const none = await cli(['mask', 'empty.xlsx', '-o', 'none.xlsx']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/没有可公示的内容/);
    await expect(fsp.stat(path.join(dir, 'none.xlsx'))).rejects.toThrow();
  });
});

describe('the last guard', () => {
  const leaky = (value: string): NoticeSheet => ({
    kind: 'annex3.individual',
    name: '公示-先进个人',
    title: 't',
    note: '',
    columns: [{ role: 'seq', label: '序号' }, { role: 'name', label: '姓名' }],
    rows: [[1, value]],
  });
  test.each([ID1, FW(ID1), `备注 ${ID1.slice(0, 9)} ${ID1.slice(9)}`, '138 1234 5678', 'ok'])('a workbook holding “%s” anywhere is refused', (v) => {
    if (v === 'ok') {
      expect(() => buildNoticeWorkbook([leaky(v)])).not.toThrow();
      return;
    }
    expect(() => buildNoticeWorkbook([leaky(v)])).toThrow(NoticeLeakError);
    expect(() => buildNoticeWorkbook([{ ...leaky('ok'), title: v }])).toThrow(NoticeLeakError);
  });
  test('assertPublic scans every cell it is given and names the first leak', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('C7').value = { richText: [{ text: '电话 139' }, { text: '12345678' }] };
    try {
      assertPublic(workbookCells(wb));
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(NoticeLeakError);
      expect((e as NoticeLeakError).text('zh')).toBe('工作表“S”的 C7 仍含完整手机号：未写出公示文件。');
    }
  });
  test('buildNotice without tables gives nothing', () => {
    expect(buildNotice([], null)).toEqual([]);
  });
});
