/**
 * The 名额核对 sheet (SPEC §6 Fill "quota tally sheet with live COUNTIFS formulas"): the tally of the run written
 * as formulas over the consolidated master sheets, so that a later edit of a master row recounts in plain Excel
 * or WPS, and over-quota cells are highlighted by conditional formatting (not by a fixed fill).
 *
 * Block 1, by region: 序号, 地区或部门（名额表写法）, then per quota class 推荐数 (formula) and 名额 (the quota, a
 * constant from the quota table or profile), 备注 (spelling variants counted there, or 不在名额表中), and a 合计 row of
 * SUM formulas. Block 2, by category: 类别, 子类, and per side 推荐数 / 名额.
 *
 * A count is `SUMPRODUCT(COUNTIFS('登记表汇总'!$B:$B,"=伊犁州工信局",'登记表汇总'!$E:$E,{"=优秀质量管理小组";…},…))`:
 * the region column holds the tally's region (consolidate.ts), the other criteria list every spelling that the
 * engine counted (vertical and horizontal array constants, so two lists multiply out), and SUMPRODUCT adds the
 * array up in every Excel version and in LibreOffice. Criteria start with `=` and escape `~ * ?`, so a value is
 * never read as an operator or a wildcard. The formulas carry no cached result: the workbook asks for a full
 * calculation on load, and the test recalculates it in LibreOffice and compares with the engine's tally.
 *
 * The header avoids the exact 附件2 labels in the position the locator looks for, so checking the merged
 * workbook does not take this sheet for a quota table.
 */
import ExcelJS from 'exceljs';
import { a1, colToLetters } from '../core/grid';
import { categoryKey, type Consolidation, type CountTerm } from '../core/consolidate';
import type { CategoryTally, RegionTally, Tally } from '../core/tally';

export const TALLY_SHEET_NAME = '名额核对';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Excel's "light red fill with dark red text". */
export const OVER_STYLE = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
  font: { color: { argb: 'FF9C0006' }, bold: true },
} as const;

/** Where each tally entry's count formula is, for tests and hosts: `region\0class` / categoryKey → A1. */
export interface TallySheetLayout {
  regionCells: Map<string, string>;
  categoryCells: Map<string, string>;
}

function criterion(v: string): string {
  return `"=${v.replace(/[~*?]/g, (m) => '~' + m).replace(/"/g, '""')}"`;
}
function list(values: readonly string[], vertical: boolean): string {
  if (values.length === 1) return criterion(values[0]);
  return `{${values.map(criterion).join(vertical ? ';' : ',')}}`;
}
function colRef(sheet: string, col: number): string {
  const c = colToLetters(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}:$${c}`;
}

/** Excel's limits: a formula's text (8,192 characters) and a COUNTIFS criterion string (255 characters). */
export const MAX_FORMULA_CHARS = 8192;
export const MAX_CRITERION_CHARS = 255;

/**
 * COUNTIFS terms as one formula (without the leading =); `extra` criteria come first (the region): its value as a
 * literal, or `ref`, a cell of the tally sheet holding it (`"="&$B6`), which keeps long names out of the formula.
 */
export function countFormula(terms: readonly CountTerm[], extra?: { col: number; value: string; ref?: string }): string {
  if (terms.length === 0) return '0';
  const parts = terms.map((t) => {
    const args: string[] = [];
    if (extra) args.push(colRef(t.sheet, extra.col), extra.ref ? `"="&${extra.ref}` : criterion(extra.value));
    let arrays = 0;
    for (const c of t.criteria) {
      // At most two multi-valued lists multiply out (one vertical, one horizontal).
      const multi = c.values.length > 1;
      args.push(colRef(t.sheet, c.col), list(c.values, multi && arrays++ === 0));
    }
    // A term without criteria counts the non-empty 来源文件 cells (every master row has one) minus the header.
    if (args.length === 0) return `(COUNTA(${colRef(t.sheet, 0)})-1)`;
    return `SUMPRODUCT(COUNTIFS(${args.join(',')}))`;
  });
  return parts.join('+');
}

/**
 * Add the 名额核对 sheet to a workbook that already holds the master sheets of `c`. Returns where the counts are.
 */
export function addTallySheet(
  wb: ExcelJS.Workbook,
  tally: Tally,
  c: Consolidation,
  opts: {
    quotaSource?: string | null;
    /**
     * Region spellings to count per row (default: the tally's region only, as 推荐单位 of the master sheets holds
     * it). Counting over the data sheet itself (the add-in's 名额核对), the variants the engine counted there too.
     */
    regionSpellings?: (e: RegionTally) => string[];
  } = {},
): TallySheetLayout {
  const ws = wb.addWorksheet(TALLY_SHEET_NAME, { views: [{ state: 'normal' }] });
  const layout: TallySheetLayout = { regionCells: new Map(), categoryCells: new Map() };
  const cell = (r: number, col: number) => ws.getCell(r + 1, col + 1);
  const head = (r: number, col: number, text: string) => {
    const x = cell(r, col);
    x.value = text;
    x.font = { bold: true };
    x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    x.border = THIN;
    x.fill = HEADER_FILL;
  };
  const body = (r: number, col: number, value: ExcelJS.CellValue, align: 'left' | 'center' = 'center') => {
    const x = cell(r, col);
    x.value = value;
    x.border = THIN;
    x.alignment = { horizontal: align, vertical: 'middle', wrapText: align === 'left' };
  };

  cell(0, 0).value = '名额核对（推荐数 / 名额）';
  cell(0, 0).font = { bold: true, size: 14 };
  cell(1, 0).value =
    `推荐数为 COUNTIFS 公式，随各汇总表的修改自动重算；超出名额的推荐数以红色标出。${opts.quotaSource ? `名额来源：${opts.quotaSource}` : ''}`;
  cell(1, 0).font = { color: { argb: 'FF595959' } };
  let row = 3;

  // ---- by region
  const classes: { id: string; label: string }[] = [];
  for (const e of tally.byRegion) if (!classes.some((k) => k.id === e.class)) classes.push({ id: e.class, label: e.label });
  const regions: RegionTally[][] = [];
  const byName = new Map<string, RegionTally[]>();
  for (const e of tally.byRegion) {
    const k = `${e.known === false ? 'x' : 'k'}\u0000${e.region}`;
    let g = byName.get(k);
    if (!g) {
      byName.set(k, (g = []));
      regions.push(g);
    }
    g.push(e);
  }
  if (regions.length) {
    const h1 = row;
    const h2 = row + 1;
    head(h1, 0, '序号');
    head(h1, 1, '地区或部门（名额表写法）');
    ws.mergeCells(h1 + 1, 1, h2 + 1, 1);
    ws.mergeCells(h1 + 1, 2, h2 + 1, 2);
    head(h2, 0, '');
    head(h2, 1, '');
    classes.forEach((k, i) => {
      const col = 2 + i * 2;
      head(h1, col, k.label);
      head(h1, col + 1, '');
      ws.mergeCells(h1 + 1, col + 1, h1 + 1, col + 2);
      head(h2, col, '推荐数');
      head(h2, col + 1, '名额');
    });
    const noteCol = 2 + classes.length * 2;
    head(h1, noteCol, '备注');
    head(h2, noteCol, '');
    ws.mergeCells(h1 + 1, noteCol + 1, h2 + 1, noteCol + 1);
    const first = h2 + 1;
    regions.forEach((entries, n) => {
      const r = first + n;
      const e0 = entries[0];
      let fixedCounts = false;
      body(r, 0, n + 1);
      body(r, 1, e0.region, 'left');
      classes.forEach((k, i) => {
        const col = 2 + i * 2;
        const e = entries.find((x) => x.class === k.id);
        const spellings = opts.regionSpellings?.(e0) ?? [e0.region];
        const terms = c.classTerms.get(k.id) ?? [];
        let formula: string | null = spellings.map((value) => countFormula(terms, { col: c.recommenderCol, value })).join('+');
        // A long name (or many spellings): the region criterion refers to this row's name cell instead.
        if (formula.length > MAX_FORMULA_CHARS && spellings.length === 1 && !/[~*?]/.test(e0.region)) {
          formula = countFormula(terms, { col: c.recommenderCol, value: e0.region, ref: `$${colToLetters(1)}${r + 1}` });
        }
        // COUNTIFS cannot match a text over 255 characters, and Excel refuses formulas over 8,192: the engine's
        // count is written as a number then, and 备注 says why.
        if (formula.length > MAX_FORMULA_CHARS || spellings.some((v) => v.length > MAX_CRITERION_CHARS)) {
          formula = null;
          fixedCounts = true;
        }
        body(r, col, formula === null ? (e?.count ?? 0) : ({ formula } as ExcelJS.CellFormulaValue));
        body(r, col + 1, e?.quota ?? null);
        layout.regionCells.set(`${e0.region}\u0000${k.id}`, a1(r, col));
      });
      const notes = [e0.known === false ? '不在名额表中' : e0.variants.length ? `含写法：${e0.variants.join('、')}` : ''];
      if (fixedCounts) notes.push('名称过长，无法用公式计数：推荐数为核查时的计数');
      body(r, noteCol, notes.filter(Boolean).join('；') || null, 'left');
    });
    const last = first + regions.length - 1;
    const total = last + 1;
    body(total, 0, null);
    body(total, 1, '合计', 'left');
    cell(total, 1).font = { bold: true };
    classes.forEach((k, i) => {
      // The total's quota only when every region has one: otherwise a sum of some quotas would turn it red.
      const allQuotas = regions.every((entries) => typeof entries.find((x) => x.class === k.id)?.quota === 'number');
      for (const col of [2 + i * 2, 3 + i * 2]) {
        if (col === 3 + i * 2 && !allQuotas) body(total, col, null);
        else body(total, col, { formula: `SUM(${a1(first, col)}:${a1(last, col)})` } as ExcelJS.CellFormulaValue);
        cell(total, col).font = { bold: true };
      }
      // Over quota: 推荐数 > 名额 where there is a quota.
      const cnt = 2 + i * 2;
      const tl = a1(first, cnt);
      const q = colToLetters(cnt + 1) + (first + 1);
      ws.addConditionalFormatting({
        ref: `${a1(first, cnt)}:${a1(total, cnt)}`,
        rules: [{ type: 'expression', priority: 1, formulae: [`AND(ISNUMBER(${q}),${tl}>${q})`], style: OVER_STYLE as ExcelJS.Style }],
      });
    });
    body(total, noteCol, null);
    row = total + 3;
  }

  // ---- by category
  const groups: CategoryTally[][] = [];
  const byCat = new Map<string, CategoryTally[]>();
  // Categories with nominations only: a profile's places alone are not news on this sheet (they are in the JSON).
  const nominated = new Set(tally.byCategory.filter((e) => e.count > 0).map((e) => `${e.category}\u0000${e.subcategory ?? ''}`));
  for (const e of tally.byCategory) {
    const k = `${e.category}\u0000${e.subcategory ?? ''}`;
    if (!nominated.has(k)) continue;
    let g = byCat.get(k);
    if (!g) {
      byCat.set(k, (g = []));
      groups.push(g);
    }
    g.push(e);
  }
  const sides = (['collective', 'individual', 'total'] as const).filter((s) => groups.some((g) => g.some((e) => e.side === s)));
  const sideLabel = { collective: '集体/组织', individual: '个人', total: '合计' };
  if (groups.length) {
    const h1 = row;
    const h2 = row + 1;
    head(h1, 0, '类别');
    head(h1, 1, '子类');
    head(h2, 0, '');
    head(h2, 1, '');
    ws.mergeCells(h1 + 1, 1, h2 + 1, 1);
    ws.mergeCells(h1 + 1, 2, h2 + 1, 2);
    sides.forEach((s, i) => {
      const col = 2 + i * 2;
      head(h1, col, sideLabel[s]);
      head(h1, col + 1, '');
      ws.mergeCells(h1 + 1, col + 1, h1 + 1, col + 2);
      head(h2, col, '推荐数');
      head(h2, col + 1, '评选名额');
    });
    const first = h2 + 1;
    groups.forEach((entries, n) => {
      const r = first + n;
      const e0 = entries[0];
      body(r, 0, e0.category, 'left');
      body(r, 1, e0.subcategory, 'left');
      sides.forEach((s, i) => {
        const col = 2 + i * 2;
        const e = entries.find((x) => x.side === s);
        if (!e) {
          body(r, col, null);
          body(r, col + 1, null);
          return;
        }
        const key = categoryKey(e.category, e.subcategory, e.side);
        const formula = countFormula(c.categoryTerms.get(key) ?? []);
        const tooLong = formula.length > MAX_FORMULA_CHARS || (c.categoryTerms.get(key) ?? []).some((t) => t.criteria.some((x) => x.values.some((v) => v.length > MAX_CRITERION_CHARS)));
        body(r, col, tooLong ? e.count : ({ formula } as ExcelJS.CellFormulaValue));
        body(r, col + 1, e.places);
        layout.categoryCells.set(key, a1(r, col));
      });
    });
    const last = first + groups.length - 1;
    sides.forEach((_, i) => {
      const cnt = 2 + i * 2;
      const tl = colToLetters(cnt) + (first + 1);
      const q = colToLetters(cnt + 1) + (first + 1);
      ws.addConditionalFormatting({
        ref: `${a1(first, cnt)}:${a1(last, cnt)}`,
        rules: [{ type: 'expression', priority: 1, formulae: [`AND(ISNUMBER(${q}),${tl}>${q})`], style: OVER_STYLE as ExcelJS.Style }],
      });
    });
  }

  ws.columns = [
    { width: 8 },
    { width: 32 },
    ...Array.from({ length: Math.max(classes.length, sides.length) * 2 }, () => ({ width: 10 })),
    { width: 28 },
  ];
  // Formulas carry no cached values: ask Excel to calculate everything when the file is opened (a streamed
  // workbook sets it when it writes its workbook part, see merge.ts streamWorkbook).
  const calc = (wb as unknown as { calcProperties?: { fullCalcOnLoad?: boolean } }).calcProperties;
  if (calc) calc.fullCalcOnLoad = true;
  return layout;
}
