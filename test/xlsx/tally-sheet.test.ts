/**
 * The 名额核对 sheet: live COUNTIFS over the master sheets, recalculated in LibreOffice, equals the engine's tally —
 * with spelling variants of regions, categories and 是, an unknown region, 附件3 tables by category and sub-category.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbooks } from '../../src/core/check';
import { consolidate } from '../../src/core/consolidate';
import { getProfile } from '../../src/core/profiles';
import { categoryKey } from '../../src/core/consolidate';
import { buildMergedWorkbook } from '../../src/xlsx/merge';
import { countFormula, TALLY_SHEET_NAME } from '../../src/xlsx/tally-sheet';
import { findSoffice, readWorkbookFile, runSoffice } from '../../src/xlsx/read';
import { Sheet } from '../../src/core/grid';
import { buildSheet } from '../helpers/rule-tester';
import { many, registerSheet, TODAY } from '../helpers/quota-tester';
import { seedQuotaSheet } from '../helpers/seed-quota';

const HEADER = ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数'];
const COLLECTIVE = ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '推荐方面', '子类', '备注'];

function fixture() {
  const files = {
    'quota.xlsx': [seedQuotaSheet()],
    'a.xlsx': [
      registerSheet(
        [
          ...many(3, { region: '奎屯市工信局', presenting: '是' }),
          { region: '奎屯市工信局', presenting: '√' },
          { region: '奎屯市工信局', category: '自治区优秀质量管理小组', presenting: ' 是 ' },
          { region: '伊犁州', category: '质量信得过班组' },
          { region: '伊犁州工信局 ', category: '优秀QC小组' },
          { region: '阿拉尔市工信局' },
          { region: null },
          { region: '奎屯市工信局', category: '质量管理小组活动推进者' },
          { region: '奎屯市工信局', category: '未列类别*?' },
          // A region name longer than a COUNTIFS criterion can hold (255 characters): counted as a number.
          { region: '长'.repeat(300) + '工信局' },
        ],
        { header: HEADER },
      ),
    ],
    'b.xlsx': [registerSheet(many(2, { region: '乌鲁木齐市工信局', presenting: '是' }), { header: HEADER })],
    'c.xlsx': [
      buildSheet({
        kind: 'annex3.collective',
        header: COLLECTIVE,
        title: '推荐单位（盖章）：伊犁州工信局    填表日期：2025年11月3日',
        rows: [
          { collectiveName: '甲', category: '商务经济方面', subcategory: '外贸' },
          { collectiveName: '乙', category: '商务经济', subcategory: '外贸方面' },
          { collectiveName: '丙', category: '质量提升方面' },
        ],
      }),
    ],
  };
  const run = checkWorkbooks(
    Object.entries(files).map(([file, sheets]) => ({ file, grid: { name: file, sheets } })),
    { profile: getProfile('xj-qc-2019'), today: TODAY },
  );
  return run;
}

describe('countFormula', () => {
  test('criteria are equalities with wildcards escaped; two lists multiply out', () => {
    expect(countFormula([{ sheet: "S'1", criteria: [{ col: 2, values: ['a*b', '?'] }, { col: 3, values: ['是', '√'] }] }], { col: 1, value: 'R~' })).toBe(
      `SUMPRODUCT(COUNTIFS('S''1'!$B:$B,"=R~~",'S''1'!$C:$C,{"=a~*b";"=~?"},'S''1'!$D:$D,{"=是","=√"}))`,
    );
    expect(countFormula([])).toBe('0');
    expect(countFormula([{ sheet: 'S', criteria: [] }])).toBe("(COUNTA('S'!$A:$A)-1)");
  });
});

describe('名额核对 sheet', () => {
  const run = fixture();
  const c = consolidate(run.tallyDetail, getProfile('xj-qc-2019'));
  const { wb, layout } = buildMergedWorkbook(c, run.tally);
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-tally-'));
    file = path.join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(file);
  });
  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  test('master sheets: own 序号, 来源文件, 来源工作表, 推荐单位 = the tally’s region, 填表日期, 原行号, original columns kept, 对象', () => {
    const reg = c.sheets.find((s) => s.kind === 'qc.register')!;
    expect(reg.name).toBe('登记表汇总');
    expect(reg.columns.map((x) => x.label)).toEqual([
      '序号', '来源文件', '来源工作表', '推荐单位', '填表日期', '原行号', '原序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数', '对象', '重复',
    ]);
    expect(reg.rows).toHaveLength(14);
    expect(reg.rows.map((r) => r[0])).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    const yili = reg.rows.find((r) => r[7] === '伊犁州')!;
    expect(yili.slice(1, 4)).toEqual(['a.xlsx', reg.sources[0].sheet, '伊犁州工信局']);
    expect(reg.rows.find((r) => r[8] === '质量管理小组活动推进者')![13]).toBe('个人');
    const coll = c.sheets.find((s) => s.kind === 'annex3.collective')!;
    expect(coll.rows.map((r) => r[3])).toEqual(['伊犁州工信局', '伊犁州工信局', '伊犁州工信局']);
    expect(coll.rows[0][4]).toEqual(new Date(Date.UTC(2025, 10, 3)));
    expect(coll.rows.map((r) => r[5])).toEqual(coll.sources.map((x) => x.row + 1));
  });

  test('no formula longer than Excel’s 8,192 characters or with a criterion over 255; a total without every quota is not compared', async () => {
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet(TALLY_SHEET_NAME)!;
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
        if (!f) return;
        formulas++;
        expect(f.length).toBeLessThanOrEqual(8192);
        for (const m of f.match(/"(?:[^"]|"")*"/g) ?? []) expect(m.length - 2).toBeLessThanOrEqual(255);
      }),
    );
    expect(formulas).toBeGreaterThan(10);
    const long = ws.getCell(layout.regionCells.get('长'.repeat(300) + '工信局\u0000groups')!);
    expect(long.value).toBe(1);
    // The 合计 row: unknown regions have no quota, so the total's 名额 stays empty (never a partial sum turning red).
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === '合计') totalRow = n;
    });
    expect(totalRow).toBeGreaterThan(0);
    expect(ws.getRow(totalRow).getCell(4).value).toBeNull();
    expect((ws.getRow(totalRow).getCell(3).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(/);
  });

  test('one count cell per region × class and per nominated category', () => {
    for (const e of run.tally.byRegion) expect(layout.regionCells.has(`${e.region}\u0000${e.class}`)).toBe(true);
    expect(layout.regionCells.get('奎屯市工信局\u0000groups')).toMatch(/^C\d+$/);
    // Categories unknown to the profile are tallied as written (商务经济方面 and 商务经济 are two here).
    expect(layout.categoryCells.has(categoryKey('商务经济方面', '外贸', 'collective'))).toBe(true);
    expect(layout.categoryCells.has(categoryKey('商务经济', '外贸方面', 'collective'))).toBe(true);
  });

  test('over-quota cells are highlighted by conditional formatting, not by a fixed fill', async () => {
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet(TALLY_SHEET_NAME)!;
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cfs.length).toBeGreaterThanOrEqual(3);
    expect(cfs[0].rules[0]).toMatchObject({ type: 'expression' });
    expect(cfs[0].rules[0].formulae[0]).toMatch(/^AND\(ISNUMBER\(D\d+\),C\d+>D\d+\)$/);
    const kuitun = ws.getCell(layout.regionCells.get('奎屯市工信局\u0000groups')!);
    expect((kuitun.value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUMPRODUCT\(COUNTIFS\('登记表汇总'!\$D:\$D,"=奎屯市工信局"/);
    expect((kuitun.fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    // Every spelling the engine counted is a criterion (a vertical list of 类别, a horizontal one of 是).
    const presenting = (ws.getCell(layout.regionCells.get('奎屯市工信局\u0000presenting')!).value as ExcelJS.CellFormulaValue).formula;
    expect(presenting).toMatch(/\{"=优秀质量管理小组";"=自治区优秀质量管理小组";"=优秀QC小组"\}/);
    expect(presenting).toMatch(/\{"=是","=√","= 是 "\}|\{"=是",.*"=√"/);
  });

  let soffice: string | null = null;
  beforeAll(async () => {
    soffice = await findSoffice();
    if (!soffice) console.log('skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc to recalculate the 名额核对 sheet');
  });

  test('recalculated in LibreOffice, every count equals the engine’s tally', async () => {
    if (!soffice) return;
    const work = path.join(dir, 'lo');
    await fsp.mkdir(work, { recursive: true });
    await runSoffice(soffice, work, ['--convert-to', 'xlsx', '--outdir', path.join(work, 'out'), file]);
    const read = await readWorkbookFile(path.join(work, 'out', 'merged.xlsx'));
    const sheet = new Sheet(read.grid.sheets.find((s) => s.name === TALLY_SHEET_NAME)!);
    const at = (addr: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return sheet.value(Number(m[2]) - 1, col);
    };
    const sheetCounts: Record<string, unknown> = {};
    const engineCounts: Record<string, number> = {};
    for (const e of run.tally.byRegion) {
      const k = `${e.region}/${e.class}`;
      sheetCounts[k] = at(layout.regionCells.get(`${e.region}\u0000${e.class}`)!);
      engineCounts[k] = e.count;
    }
    for (const e of run.tally.byCategory) {
      const addr = layout.categoryCells.get(categoryKey(e.category, e.subcategory, e.side));
      if (!addr) continue;
      const k = `${e.category}/${e.subcategory ?? ''}/${e.side}`;
      sheetCounts[k] = at(addr);
      engineCounts[k] = e.count;
    }
    expect(sheetCounts).toEqual(engineCounts);
    // The interesting ones, spelled out.
    expect(engineCounts['奎屯市工信局/groups']).toBe(5);
    expect(engineCounts['奎屯市工信局/presenting']).toBe(5);
    expect(engineCounts['伊犁州工信局/groups']).toBe(1);
    expect(engineCounts['伊犁州工信局/teams']).toBe(1);
    expect(engineCounts['伊犁州工信局/annex3.collective']).toBe(3);
    expect(engineCounts['阿拉尔市工信局/groups']).toBe(1);
    expect(engineCounts['商务经济方面/外贸方面/collective'] ?? engineCounts['商务经济方面/外贸/collective']).toBe(1);
  }, 180_000);
});
