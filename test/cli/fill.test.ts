import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import type { CellValue } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/xlsx/read';
import { qcActivitySheet } from '../helpers/stats-sheets';
import { compareRates, note, recalc, verified } from '../helpers/libreoffice';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-fill-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
  if (verified.formulas) console.log(`fill CLI: ${verified.formulas} formula results verified in LibreOffice, max abs error ${verified.maxAbsError}`);
});

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}
const sha = async (p: string) => createHash('sha256').update(await fsp.readFile(p)).digest('hex');

/** A workbook: 附件7 (rows as given) and an 附件3 individuals sheet whose 序号 has a gap. */
async function workbook(name: string, stats: CellValue[][], formats: Record<string, string> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件7');
  stats.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  for (const [a, f] of Object.entries(formats)) ws.getCell(a).numFmt = f;
  ws.mergeCells('A1:C1');
  const a3 = wb.addWorksheet('附件3');
  a3.addRow(['推荐单位（盖章）：伊宁市', null, null, null, null, null, null, '填表日期：2025年11月3日']);
  a3.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
  a3.addRow([1, '张三', '女', '汉族', '中共党员', '大学本科', '伊宁市财政局', '机关', '科长', '11010519491231002X', '13899990001', null]);
  a3.addRow([3, '李四', '女', '汉族', '群众', '大学本科', '伊宁市第一中学', '事业单位', '教师', '11010519491231002X', '13899990002', null]);
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

/** 附件7 with input rows already there; 普及率 C8, 成果率 C13. */
function withInputs(pop: CellValue, ach: CellValue): CellValue[][] {
  const rows = qcActivitySheet({ popularityRate: pop, achievementRate: ach });
  rows.splice(8, 0, ['参加QC小组人数', '人', 353], ['职工总数', '人', 1207]);
  rows.splice(13, 0, ['取得成果小组数', '个', 23]);
  return rows;
}

describe('award-tally fill', () => {
  test('附件7 as printed: inputs inserted, formulas written, 附件3 fixed; the input untouched', async () => {
    const input = await workbook('printed.xlsx', qcActivitySheet());
    const before = await sha(input);
    const r = await cli(['fill', 'printed.xlsx', '-o', 'printed.filled.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(await sha(input)).toBe(before);
    expect(r.out).toContain('printed.xlsx → printed.filled.xlsx');
    expect(r.out).toContain('插入行（3）：');
    expect(r.out).toContain('附件7 第 9–10 行：在“本年度QC小组普及率”下方插入 2 行输入：参加QC小组人数、职工总数');
    expect(r.out).toContain('附件7 第 14 行：在“本年度QC小组成果率”下方插入 1 行输入：取得成果小组数');
    expect(r.out).toContain('附件7!C8  （空） → =IF(C10=0,"",C9/C10)');
    expect(r.out).toContain('附件7!C13  （空） → =IF(C7=0,"",C14/C7)');
    expect(r.out).toContain('附件3!A4  “3” → 2');
    expect(r.out).toContain('附件3!H4  “事业单位” → “事业”');
    expect(r.out).toMatch(/已写入 printed\.filled\.xlsx：插入 3 行，修改 \d+ 处，冲突 0 处未改动（输入文件未修改）/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'printed.filled.xlsx'));
    const ws = wb.getWorksheet('附件7')!;
    expect([ws.getCell('A9').value, ws.getCell('B9').value, ws.getCell('A10').value, ws.getCell('A14').value]).toEqual(['参加QC小组人数', '人', '职工总数', '取得成果小组数']);
    expect(ws.getCell('C8').formula).toBe('IF(C10=0,"",C9/C10)');
    expect(ws.getCell('C13').formula).toBe('IF(C7=0,"",C14/C7)');
    expect(ws.getCell('C13').numFmt).toBe('0.00%');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(wb.getWorksheet('附件3')!.getCell('A4').value).toBe(2);

    // The county types the inputs in Excel; LibreOffice recalculates; the engine agrees.
    ws.getCell('C9').value = 353;
    ws.getCell('C10').value = 1207;
    ws.getCell('C14').value = 23;
    const grid = await recalc(wb, path.join(dir, 'lo-printed'));
    if (!grid) return;
    const cmp = compareRates(grid);
    note(cmp);
    expect(cmp.problems).toEqual([]);
    expect(cmp.compared).toBe(2);
  }, 120_000);

  test('a typed rate that disagrees is a conflict (exit 1) and stays; --replace-rates replaces it', async () => {
    await workbook('typed.xlsx', withInputs('40%', 0.575));
    const r = await cli(['fill', 'typed.xlsx', '-o', 'typed.filled.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('冲突（1，未改动，请人工核实）：');
    expect(r.out).toContain('请加 --replace-rates 重新运行');
    expect(r.out).toContain('附件7!C8  “40%”  “本年度QC小组普及率”填写为 40%，按公式计算为 29.25%，未改动');
    // 成果率 0.575 agrees with 23/40: replaced by the live formula.
    expect(r.out).toContain('附件7!C13  “0.575” → =IF(C7=0,"",C14/C7)');
    let wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'typed.filled.xlsx'));
    expect(wb.getWorksheet('附件7')!.getCell('C8').value).toBe('40%');

    const r2 = await cli(['fill', 'typed.xlsx', '-o', 'typed.replaced.xlsx', '--replace-rates']);
    expect(r2.code).toBe(0);
    expect(r2.out).toContain('附件7!C8  “40%” → =IF(C10=0,"",C9/C10)');
    expect(r2.out).toContain('经确认替换为公式');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'typed.replaced.xlsx'));
    const c8 = wb.getWorksheet('附件7')!.getCell('C8');
    expect(c8.formula).toBe('IF(C10=0,"",C9/C10)');
    // The cached result the CLI wrote is the engine's value …
    expect((c8.value as { result?: number }).result).toBe(353 / 1207);
    // … and LibreOffice, recalculating from scratch, agrees.
    const grid = await recalc(wb, path.join(dir, 'lo-typed'));
    if (!grid) return;
    const cmp = compareRates(grid);
    note(cmp);
    expect(cmp.problems).toEqual([]);
    expect(cmp.compared).toBe(2);
  }, 120_000);

  test('the indicators example: inputs inserted under their ratios, every ratio a formula LibreOffice agrees with', async () => {
    await fsp.copyFile(path.join(__dirname, '..', '..', 'examples', 'indicators.xlsx'), path.join(dir, 'indicators.xlsx'));
    const r = await cli(['fill', 'indicators.xlsx', '-o', 'indicators.filled.xlsx', '--replace-rates']);
    expect(r.err).toBe('');
    expect(r.out).toContain('附表1 第 12–15 行：在“总资产贡献率”下方插入 4 行输入：税金总额、利息支出、期初资产总计、累计月数');
    expect(r.out).toContain('附表1!D15  （空） → 12  累计月数：2022年为全年数据，填 12');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'indicators.filled.xlsx'));
    // The typed ratios stay (their inputs were absent): listed as conflicts to come back to.
    expect(r.code).toBe(1);
    expect(r.out).toContain('附表1!D11  “11.9%”  “总资产贡献率”已填写 11.9%，但 “税金总额”、“利息支出”、“期初资产总计” 尚未填写');
    // The applicant types every empty input of the inserted rows, then fills again, confirming replacements.
    let n = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        const label = String(row.getCell(2).value ?? '');
        if (!/税金|利息|期初|所有者权益|销售收入|流动资产平均|成本费用总额|工业增加值|平均人数|工业销售产值|工业总产值/.test(label)) return;
        for (let c = 4; c <= 6; c++) if (row.getCell(c).value === null) row.getCell(c).value = 1000 + 37 * ++n;
      });
    }
    await wb.xlsx.writeFile(path.join(dir, 'indicators.typed.xlsx'));
    const again = await cli(['fill', 'indicators.typed.xlsx', '-o', 'indicators.final.xlsx', '--replace-rates']);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('插入行');
    await wb.xlsx.readFile(path.join(dir, 'indicators.final.xlsx'));
    const grid = await recalc(wb, path.join(dir, 'lo-indicators'));
    if (!grid) return;
    const cmp = compareRates(grid);
    note(cmp);
    expect(cmp.problems).toEqual([]);
    // 附表1: 7 ratios × 3 years; 表5: 3 ratios × 3 years.
    expect(cmp.compared).toBe(30);
  }, 120_000);

  test('filling a filled workbook again changes nothing', async () => {
    await workbook('again.xlsx', qcActivitySheet());
    expect((await cli(['fill', 'again.xlsx', '-o', 'again.1.xlsx'])).code).toBe(0);
    const r = await cli(['fill', 'again.1.xlsx', '-o', 'again.2.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('无需填充的内容。');
    const { grid } = await readWorkbookFile(path.join(dir, 'again.2.xlsx'));
    expect(grid.sheets[0].values.length).toBe(23);
  });

  test('refuses -o equal to the input, needs -o, --dry-run writes nothing', async () => {
    const input = await workbook('same.xlsx', qcActivitySheet());
    const before = await sha(input);
    const same = await cli(['fill', 'same.xlsx', '-o', './same.xlsx']);
    expect(same.code).toBe(2);
    expect(same.err).toContain('就是输入文件 same.xlsx');
    expect(await sha(input)).toBe(before);
    expect((await cli(['fill', 'same.xlsx'])).code).toBe(2);
    const dry = await cli(['fill', 'same.xlsx', '--dry-run', '-o', 'dry.xlsx']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('未写入任何文件');
    await expect(fsp.access(path.join(dir, 'dry.xlsx'))).rejects.toThrow();
    const en = await cli(['fill', 'same.xlsx', '--dry-run', '--lang', 'en']);
    expect(en.out).toContain('Rows inserted (3):');
    expect(en.out).toContain('(--dry-run: nothing written)');
  });

  test('an unreadable input: exit 2 with the reason', async () => {
    await fsp.writeFile(path.join(dir, 'bad.xlsx'), 'not a workbook');
    const r = await cli(['fill', 'bad.xlsx', '-o', 'bad.out.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 Excel 工作簿');
  });
});
