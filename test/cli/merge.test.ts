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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['登记表汇总', '名额核对']);
    const master = wb.getWorksheet('登记表汇总')!;
    expect(master.getRow(1).values).toEqual([undefined, '来源文件', '推荐单位', '序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数', '成员名单', '备注', '对象']);
    expect([master.getCell('A2').value, master.getCell('B6').value, master.getCell('D6').value]).toEqual([path.join('in', 'a.xlsx'), '伊犁州工信局', '伊犁州']);
  });

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
