import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { reportSchema, type ReportDocument } from '../../src/core/report';
import { buildRegisterWorkbook, buildQuotaWorkbook, registerLayout } from '../../src/xlsx/template-quota';
import { getProfile } from '../../src/core/profiles';
import { findSoffice, readWorkbookFile, runSoffice } from '../../src/xlsx/read';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-merge-'));
  await fsp.mkdir(path.join(dir, 'in'));
  await register('in/a.xlsx', [
    ['奎屯市工信局', '优秀质量管理小组', '甲QC小组', '奎屯甲公司', '是', 8],
    ['奎屯市工信局', '优秀质量管理小组', '乙QC小组', '奎屯乙公司', '是', 8],
    ['奎屯市工信局', '优秀质量管理小组', '丙QC小组', '奎屯丙公司', '是', 8],
    ['奎屯市工信局', '优秀质量管理小组', '丁QC小组', '奎屯丁公司', '是', 8],
    ['伊犁州', '质量信得过班组', '检验班', '伊宁甲公司', null, 9],
  ]);
  await register('in/b.xlsx', [
    ['奎屯市工信局', '优秀质量管理小组', '戊QC小组', '奎屯戊公司', '否', 8],
    ['克拉玛依市工信局', '优秀质量管理小组', '甲QC小组', '奎屯甲公司', '否', 8],
  ]);
  await register('clean.xlsx', [['乌鲁木齐市工信局', '优秀质量管理小组', '甲QC小组', '乌鲁木齐甲公司', '是', 8]]);
  await buildQuotaWorkbook().xlsx.writeFile(path.join(dir, 'quota.xlsx'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function register(name: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = buildRegisterWorkbook({ rows: 10 });
  const ws = wb.getWorksheet('登记表')!;
  const L = registerLayout({ rows: 10 });
  const roles = ['region', 'category', 'name', 'enterprise', 'presenting', 'members'] as const;
  rows.forEach((r, i) => roles.forEach((role, k) => (ws.getCell(L.firstRow + i + 1, L.columns[role] + 1).value = r[k])));
  await wb.xlsx.writeFile(path.join(dir, name));
}

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

describe('award-tally merge', () => {
  test('consolidates, reports cross-file duplicates and quotas, writes 名额核对; inputs untouched', async () => {
    const before = [await sha('in/a.xlsx'), await sha('in/b.xlsx'), await sha('quota.xlsx')];
    const r = await cli(['merge', 'in', '--quota', 'quota.xlsx', '-o', 'merged.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect([await sha('in/a.xlsx'), await sha('in/b.xlsx'), await sha('quota.xlsx')]).toEqual(before);
    expect(r.out).toMatch(/名额核对 · 按地区或部门/);
    expect(r.out).toMatch(/奎屯市工信局\s+✗ 5\/4/);
    expect(r.out).toMatch(/dup\.cross-file × 1/);
    expect(r.out).toMatch(/quota\.exceeded × 2/);
    expect(r.out).toMatch(/quota\.unknown-region × 1/);
    expect(r.out).toMatch(/已写出汇总工作簿 merged\.xlsx：登记表汇总 7 行；名额核对/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'merged.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['登记表汇总', '核查结果', '未报送', '名额核对']);
    const master = wb.getWorksheet('登记表汇总')!;
    expect(master.getRow(1).values).toEqual([
      undefined, '序号', '来源文件', '来源工作表', '推荐单位', '填表日期', '原行号', '原序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数', '成员名单', '备注', '对象', '重复',
    ]);
    // 来源文件 is the file's name, not a path of the secretariat's disk; 原行号 the row in the county's sheet.
    expect([master.getCell('A6').value, master.getCell('B2').value, master.getCell('D6').value, master.getCell('H6').value]).toEqual([5, 'a.xlsx', '伊犁州工信局', '伊犁州']);
    expect(master.getCell('F2').value).toBeGreaterThan(1);
    // The same application from two regions: both rows highlighted and pointing at each other.
    const dupRows = [2, 3, 4, 5, 6, 7, 8].filter((r) => master.getCell(r, 17).value);
    expect(dupRows).toEqual([2, 8]);
    expect(master.getCell(8, 17).value).toBe('重复组 1：同第 2 行');
    expect((master.getCell(8, 2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE4D6');
    const findings = wb.getWorksheet('核查结果')!;
    expect(findings.getRow(1).values).toEqual([undefined, '序号', '来源文件', '来源工作表', '单元格', '级别', '规则', '说明', '原值', '建议', '汇总表位置']);
    const dup = [...Array(findings.rowCount).keys()].map((i) => findings.getRow(i + 1)).find((r) => r.getCell(6).value === 'dup.cross-file')!;
    expect([dup.getCell(2).value, dup.getCell(4).value, dup.getCell(5).value]).toEqual(['b.xlsx', 'D4', '错误']);
    expect(dup.getCell(10).value).toMatchObject({ text: '登记表汇总 第 8 行', hyperlink: "#'登记表汇总'!A8" });
    // Regions of the quota table from which nothing came.
    const missing = wb.getWorksheet('未报送')!;
    expect(missing.getCell('B2').value).toBeTruthy();
    expect(r.out).toMatch(/未报送：/);
    expect(r.out).not.toMatch(/未报送：[^\n]*奎屯市工信局/);
  });

  test('the streamed merged workbook: 名额核对 recalculated in LibreOffice gives the engine’s counts', async () => {
    const soffice = await findSoffice();
    if (!soffice) return;
    const r = await cli(['merge', 'in', '--quota', 'quota.xlsx', '-o', 'merged-lo.xlsx', '--json']);
    const doc: ReportDocument = reportSchema.parse(JSON.parse(r.out));
    const work = path.join(dir, 'lo');
    await fsp.mkdir(work, { recursive: true });
    await runSoffice(soffice, work, ['--convert-to', 'xlsx', '--outdir', path.join(work, 'out'), path.join(dir, 'merged-lo.xlsx')]);
    const back = await readWorkbookFile(path.join(work, 'out', 'merged-lo.xlsx'));
    const tally = back.grid.sheets.find((s) => s.name === '名额核对')!;
    const kuitun = tally.values.find((row) => row?.[1] === '奎屯市工信局')!;
    const e = doc.tally.byRegion.filter((x) => x.region === '奎屯市工信局');
    expect([kuitun[2], kuitun[4]]).toEqual([e.find((x) => x.class === 'groups')!.count, e.find((x) => x.class === 'presenting')!.count]);
    expect(kuitun[2]).toBe(5);
  }, 120_000);

  test('--json: one report@1 document with the tally and the files in run order (quota first)', async () => {
    const r = await cli(['merge', 'in/a.xlsx', 'in/b.xlsx', '--quota', 'quota.xlsx', '-o', 'merged2.xlsx', '--json']);
    expect(r.code).toBe(1);
    const doc: ReportDocument = reportSchema.parse(JSON.parse(r.out));
    expect(doc.files.map((f) => [f.path, f.tables.map((t) => t.kind)])).toEqual([
      ['quota.xlsx', ['qc.quota']],
      ['in/a.xlsx', ['qc.register']],
      ['in/b.xlsx', ['qc.register']],
    ]);
    expect(doc.tally.byRegion.find((e) => e.region === '奎屯市工信局' && e.class === 'groups')).toMatchObject({ count: 5, quota: 4, over: 1 });
    expect(doc.findings.find((f) => f.rule === 'dup.cross-file')).toMatchObject({ file: 'in/b.xlsx', cell: 'D4' });
  });

  test('a clean register merges with exit 0; the profile’s quota applies without --quota', async () => {
    const r = await cli(['merge', 'clean.xlsx', '-o', 'clean-merged.xlsx', '--profile', 'xj-qc-2019']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/乌鲁木齐市工信局\s+1\/25\s+1\/22\s+0\/6/);
  });

  test('usage errors: no -o, output is an input, a quota file without a quota table', async () => {
    expect((await cli(['merge', 'in'])).code).toBe(2);
    const same = await cli(['merge', 'in/a.xlsx', '-o', 'in/a.xlsx']);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/输入文件从不被修改/);
    const noQuota = await cli(['merge', 'in/a.xlsx', '--quota', 'clean.xlsx', '-o', 'x.xlsx']);
    expect(noQuota.code).toBe(2);
    expect(noQuota.err).toMatch(/没有找到推荐名额表/);
    await expect(fsp.stat(path.join(dir, 'x.xlsx'))).rejects.toThrow();
  });
});

describe('award-tally merge of 附件3 workbooks', () => {
  test('clean values with originals kept, added columns, 姓名 + 工作单位 across counties, --split-by 推荐单位', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the examples' own layout (a plain script)
    const { annex3Sheet, makeId } = require('../../scripts/make-examples') as {
      annex3Sheet: (wb: ExcelJS.Workbook, name: string, o: object) => ExcelJS.Worksheet;
      makeId: (region: string, ymd: string, seq: number) => string;
    };
    const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const idA = makeId('654002', '19860315', 42);
    const person = (name: string, idv: string | null, unit = '事业') => [1, name, '男', '维吾尔族', '中共党员', '大学本科', '霍城县人民医院', unit, '医生', idv, '13899990101', null];
    const write = async (file: string, recommender: string, rows: unknown[][], extra?: (ws: ExcelJS.Worksheet) => void) => {
      const wb = new ExcelJS.Workbook();
      const ws = annex3Sheet(wb, '附件3', { recommender, date: '2025年10月28日', category: '质量提升方面', collectives: [], individuals: rows });
      extra?.(ws);
      await wb.xlsx.writeFile(path.join(dir, 'a3', file));
    };
    await fsp.mkdir(path.join(dir, 'a3', '甲'), { recursive: true });
    await fsp.mkdir(path.join(dir, 'a3', '乙'), { recursive: true });
    await write('甲/附件3.xlsx', '伊宁市', [person('努尔艾力·阿不都热合曼', null), person('李明', fw(idA), '事业单位')], (ws) => {
      let h = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(2).value === '姓名') h = n;
      });
      ws.getRow(h).getCell(13).value = '出生年月';
      ws.getRow(h + 1).getCell(13).value = '1975.06';
    });
    await write('乙/附件3.xlsx', '霍城县', [person('努尔艾力 . 阿不都热合曼', makeId('654023', '19750611', 17))]);
    const r = await cli(['merge', 'a3/甲/附件3.xlsx', 'a3/乙/附件3.xlsx', '-o', 'a3-merged.xlsx', '--split-by', '推荐单位', '--json']);
    expect(r.code).toBe(1);
    const doc: ReportDocument = reportSchema.parse(JSON.parse(r.out));
    expect(doc.findings.filter((f) => f.rule === 'dup.cross-file').map((f) => [f.file, f.cell])).toEqual([[path.join('a3', '乙', '附件3.xlsx'), 'B8']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'a3-merged.xlsx'));
    const ws = wb.getWorksheet('先进个人汇总')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    // Two files of one name: 来源文件 tells them apart by their folder, never the full path.
    expect([ws.getCell(2, col('来源文件')).value, ws.getCell(4, col('来源文件')).value]).toEqual(['甲/附件3.xlsx', '乙/附件3.xlsx']);
    expect(ws.getCell(3, col('身份证号')).value).toBe(idA);
    expect(ws.getCell(3, col('身份证号（原值）')).value).toBe(fw(idA));
    expect(ws.getCell(3, col('单位性质')).value).toBe('事业');
    expect(ws.getCell(3, col('单位性质（原值）')).value).toBe('事业单位');
    expect(ws.getCell(2, col('单位性质（原值）')).value).toBeNull();
    expect(ws.getCell(2, col('出生年月')).value).toBe('1975.06');
    expect(ws.getCell(4, col('重复')).value).toBe('重复组 1：同第 2 行');
    const parts = (await fsp.readdir(path.join(dir, 'a3-merged-按推荐单位'))).sort();
    expect(parts).toEqual(['伊宁市.xlsx', '霍城县.xlsx']);
    const part = new ExcelJS.Workbook();
    await part.xlsx.readFile(path.join(dir, 'a3-merged-按推荐单位', '霍城县.xlsx'));
    expect(part.worksheets.map((w) => w.name)).toEqual(['先进个人汇总', '核查结果']);
    expect(part.getWorksheet('先进个人汇总')!.rowCount).toBe(2);
    expect(part.getWorksheet('先进个人汇总')!.getCell('A2').value).toBe(1);
    const pf = part.getWorksheet('核查结果')!;
    expect([...Array(pf.rowCount - 1).keys()].map((i) => pf.getRow(i + 2).getCell(6).value)).toContain('dup.cross-file');
  });
});

describe('award-tally template quota|register, check across files', () => {
  test('templates are written (without --profile: xj-qc-2019)', async () => {
    const q = await cli(['template', 'quota', '-o', 't-quota.xlsx']);
    expect(q.code).toBe(0);
    const r = await cli(['template', 'register', '-o', 't-register.xlsx', '--profile', 'nantong-2020-mayor']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 't-quota.xlsx'));
    expect(wb.worksheets[0].getCell('B5').value).toBe(getProfile('xj-qc-2019').quota!.regions[0].name);
  });

  test('check of several files tallies them together and prints the tally table', async () => {
    const r = await cli(['check', 'quota.xlsx', 'in/a.xlsx', 'in/b.xlsx', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Quota check · by region \(nominated\/quota\)/);
    expect(r.out).toMatch(/1 over quota|2 over quota/);
  });
});
