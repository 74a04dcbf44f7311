/**
 * Templates of the quota side (SPEC §6 "Templates", §7 `award-tally template quota|register`).
 *
 * `quota`: the xinjiang-2019 附件2 推荐名额表 in the seed's layout — 附件2, the title, the two-row header (序号 and
 * 地区或部门 merged over both rows, 质量管理活动 merged over 小组数 / 发表小组数, 质量信得过班组数), one row per region
 * pre-filled from the profile's quota table, and `总  计` whose cells are live `SUM` formulas (with their values
 * cached, so a reader that does not recalculate sees the right totals). Quota cells accept whole numbers ≥ 0.
 *
 * `register`: the secretariat's list of received applications (qc.register): 序号, 推荐地区或部门 (a dropdown of
 * the quota table's regions, so spellings match it), 类别 (dropdown of the profile's categories, by default the
 * six of xinjiang-2019 附件1), 名称, 企业名称, 是否与会发表 (是/否), 成员人数 (whole number 1–15), 成员名单, 备注.
 *
 * Labels come from the form definitions (src/core/forms/qc-quota.ts), so templates and the locator agree.
 * Without --profile both use xj-qc-2019, the profile these tables come from.
 */
import ExcelJS from 'exceljs';
import { a1, colToLetters } from '../core/grid';
import { qcQuota, qcRegister, QC_CATEGORIES } from '../core/forms/qc-quota';
import { getProfile } from '../core/profiles';
import type { Profile } from '../core/profiles/schema';
import { awardTitleName } from './template-award';
import { literalListFormula } from './validation-formulas';

export const QUOTA_SHEET_NAME = '附件2';
export const REGISTER_SHEET_NAME = '登记表';
const DEFAULT_PROFILE = 'xj-qc-2019';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11, bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

type DataValidations = { add(range: string, dv: ExcelJS.DataValidation): void };
/** `dataValidations.add(range, rule)` exists in ExcelJS 4.4 but is missing from its type declarations. */
function dvsOf(ws: ExcelJS.Worksheet): DataValidations {
  return (ws as unknown as { dataValidations: DataValidations }).dataValidations;
}

function labelOf(form: typeof qcQuota, role: string): string {
  const c = form.columns.find((x) => x.role === role);
  if (!c) throw new Error(`form ${form.kind} has no column ${role}`);
  return c.label;
}

/** A list validation formula: literal when it fits, else a column of a hidden `_lists` sheet. */
function listFormula(wb: ExcelJS.Workbook, values: readonly string[], column: number): string {
  const literal = literalListFormula(values);
  if (literal) return literal;
  const lists = wb.getWorksheet('_lists') ?? wb.addWorksheet('_lists', { state: 'hidden' });
  values.forEach((v, i) => (lists.getCell(i + 1, column + 1).value = v));
  const col = colToLetters(column);
  return `'_lists'!$${col}$1:$${col}$${Math.max(1, values.length)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// 附件2 推荐名额表

export interface QuotaTemplateOptions {
  profile?: Profile;
  /** Blank rows when the profile has no quota table (default 20). */
  blankRows?: number;
}

/** Where things are on the generated 附件2 sheet (0-based sheet rows and columns). */
export interface QuotaLayout {
  titleRow: number;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  totalRow: number;
  columns: { seq: number; region: number; groups: number; presenting: number; teams: number };
}

const QUOTA_CLASSES = ['groups', 'presenting', 'teams'] as const;

export function quotaLayout(regions: number): QuotaLayout {
  const firstRow = 4;
  const lastRow = firstRow + Math.max(1, regions) - 1;
  return {
    titleRow: 1,
    headerRow: 2,
    firstRow,
    lastRow,
    totalRow: lastRow + 1,
    columns: { seq: 0, region: 1, groups: 2, presenting: 3, teams: 4 },
  };
}

export function buildQuotaWorkbook(opts: QuotaTemplateOptions = {}): ExcelJS.Workbook {
  const profile = opts.profile ?? getProfile(DEFAULT_PROFILE);
  const regions = profile.quota?.regions ?? [];
  const L = quotaLayout(regions.length || (opts.blankRows ?? 20));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  const ws = wb.addWorksheet(QUOTA_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  ws.columns = [8, 34, 12, 12, 18].map((width) => ({ width }));
  const cell = (r: number, c: number) => ws.getCell(r + 1, c + 1);
  const C = L.columns;

  cell(0, 0).value = '附件2';
  cell(0, 0).font = { name: '黑体', size: 14 };
  // The quota table's own title (xj-qc-2019's seed title), else the award's name: an award without a quota table.
  cell(L.titleRow, 0).value = profile.quota?.title ?? `${awardTitleName(profile)}推荐名额表`;
  cell(L.titleRow, 0).font = { name: '方正小标宋简体', size: 16, bold: true };
  cell(L.titleRow, 0).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(L.titleRow + 1, 1, L.titleRow + 1, 5);
  ws.getRow(L.titleRow + 1).height = 40;

  // Two-row header: 序号 / 地区或部门 / 质量信得过班组数 span both rows; 质量管理活动 spans its two sub-columns.
  const h1 = L.headerRow;
  const h2 = L.headerRow + 1;
  cell(h1, C.seq).value = labelOf(qcQuota, 'seq');
  cell(h1, C.region).value = labelOf(qcQuota, 'region');
  cell(h1, C.groups).value = '质量管理活动';
  cell(h1, C.teams).value = labelOf(qcQuota, 'teams');
  cell(h2, C.groups).value = labelOf(qcQuota, 'groups');
  cell(h2, C.presenting).value = labelOf(qcQuota, 'presenting');
  for (let r = h1; r <= h2; r++) {
    for (let c = 0; c <= C.teams; c++) {
      const x = cell(r, c);
      x.font = HEADER_FONT;
      x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      x.border = THIN;
      x.fill = HEADER_FILL;
    }
    ws.getRow(r + 1).height = 24;
  }
  ws.mergeCells(h1 + 1, C.seq + 1, h2 + 1, C.seq + 1);
  ws.mergeCells(h1 + 1, C.region + 1, h2 + 1, C.region + 1);
  ws.mergeCells(h1 + 1, C.groups + 1, h1 + 1, C.presenting + 1);
  ws.mergeCells(h1 + 1, C.teams + 1, h2 + 1, C.teams + 1);

  for (let r = L.firstRow; r <= L.lastRow; r++) {
    const region = regions[r - L.firstRow];
    cell(r, C.seq).value = r - L.firstRow + 1;
    if (region) {
      cell(r, C.region).value = region.name;
      for (const k of QUOTA_CLASSES) if (region.quota[k] !== undefined) cell(r, C[k]).value = region.quota[k];
    }
    for (let c = 0; c <= C.teams; c++) {
      const x = cell(r, c);
      x.border = THIN;
      x.font = BODY_FONT;
      x.alignment = { horizontal: c === C.region ? 'left' : 'center', vertical: 'middle' };
    }
    ws.getRow(r + 1).height = 20;
  }

  // 总  计: live SUM formulas, their values cached.
  cell(L.totalRow, C.region).value = '总  计';
  for (const k of QUOTA_CLASSES) {
    const col = C[k];
    const sum = regions.reduce((a, r) => a + (r.quota[k] ?? 0), 0);
    cell(L.totalRow, col).value = { formula: `SUM(${a1(L.firstRow, col)}:${a1(L.lastRow, col)})`, result: sum } as ExcelJS.CellFormulaValue;
  }
  for (let c = 0; c <= C.teams; c++) {
    const x = cell(L.totalRow, c);
    x.border = THIN;
    x.font = HEADER_FONT;
    x.alignment = { horizontal: 'center', vertical: 'middle' };
  }
  ws.getRow(L.totalRow + 1).height = 22;

  const dvs = dvsOf(ws);
  dvs.add(`${a1(L.firstRow, C.groups)}:${a1(L.lastRow, C.teams)}`, {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '名额',
    error: '名额应为不小于 0 的整数。',
  });
  ws.views = [{ state: 'frozen', ySplit: L.headerRow + 2 }];
  ws.pageSetup.printArea = `A1:${colToLetters(C.teams)}${L.totalRow + 1}`;
  // The cached totals serve readers that do not calculate; spreadsheets recalculate on open.
  (wb as unknown as { calcProperties: { fullCalcOnLoad?: boolean } }).calcProperties.fullCalcOnLoad = true;
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// 申报登记表

export interface RegisterTemplateOptions {
  profile?: Profile;
  /** Blank pre-numbered rows (default 50). */
  rows?: number;
}

export const REGISTER_ROLES = ['seq', 'region', 'category', 'name', 'enterprise', 'presenting', 'members', 'roster', 'remark'] as const;
const REGISTER_WIDTHS = [6, 28, 26, 30, 32, 10, 10, 40, 16];

export interface RegisterLayout {
  titleRow: number;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  noteRow: number;
  columns: Record<(typeof REGISTER_ROLES)[number], number>;
}

export function registerLayout(opts: RegisterTemplateOptions = {}): RegisterLayout {
  const n = Math.max(1, opts.rows ?? 50);
  return {
    titleRow: 0,
    headerRow: 1,
    firstRow: 2,
    lastRow: 1 + n,
    noteRow: 3 + n,
    columns: Object.fromEntries(REGISTER_ROLES.map((r, i) => [r, i])) as RegisterLayout['columns'],
  };
}

/** 类别 choices of a register: the profile's categories, else the six of xinjiang-2019 附件1. */
export function registerCategories(profile: Profile): string[] {
  return profile.categories.length ? profile.categories.map((c) => c.name) : [...QC_CATEGORIES];
}

export function buildRegisterWorkbook(opts: RegisterTemplateOptions = {}): ExcelJS.Workbook {
  const profile = opts.profile ?? getProfile(DEFAULT_PROFILE);
  const L = registerLayout(opts);
  const C = L.columns;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  const ws = wb.addWorksheet(REGISTER_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = REGISTER_WIDTHS.map((width) => ({ width }));
  const cell = (r: number, c: number) => ws.getCell(r + 1, c + 1);
  const last = REGISTER_ROLES.length - 1;

  cell(L.titleRow, 0).value = `${profile.name}申报登记表`;
  cell(L.titleRow, 0).font = { name: '宋体', size: 16, bold: true };
  cell(L.titleRow, 0).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(L.titleRow + 1, 1, L.titleRow + 1, last + 1);
  ws.getRow(L.titleRow + 1).height = 32;

  REGISTER_ROLES.forEach((role, c) => {
    const h = cell(L.headerRow, c);
    h.value = labelOf(qcRegister, role);
    h.font = HEADER_FONT;
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    h.border = THIN;
    h.fill = HEADER_FILL;
  });
  ws.getRow(L.headerRow + 1).height = 28;
  for (let r = L.firstRow; r <= L.lastRow; r++) {
    REGISTER_ROLES.forEach((role, c) => {
      const d = cell(r, c);
      d.border = THIN;
      d.font = BODY_FONT;
      d.alignment = { vertical: 'middle', horizontal: role === 'seq' || role === 'presenting' || role === 'members' ? 'center' : 'left', wrapText: true };
    });
    // Pre-numbered: the locator skips rows that hold only a 序号.
    cell(r, C.seq).value = r - L.firstRow + 1;
  }
  cell(L.noteRow, 0).value =
    '备注：推荐地区或部门、类别请从下拉列表选择；是否与会发表填“是”或“否”；成员人数为 1–15 的整数；成员名单用顿号“、”分隔（QC小组10人以内，质量信得过班组列前15名）。';
  cell(L.noteRow, 0).font = BODY_FONT;
  cell(L.noteRow, 0).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.mergeCells(L.noteRow + 1, 1, L.noteRow + 1, last + 1);
  ws.getRow(L.noteRow + 1).height = 32;

  const range = (col: number) => `${a1(L.firstRow, col)}:${a1(L.lastRow, col)}`;
  const dvs = dvsOf(ws);
  const categories = registerCategories(profile);
  dvs.add(range(C.category), {
    type: 'list',
    allowBlank: true,
    formulae: [listFormula(wb, categories, 1)],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '类别',
    error: `请从下拉列表中选择：${categories.join('、')}`.slice(0, 255),
    showInputMessage: true,
    promptTitle: '类别',
    prompt: '请从下拉列表中选择',
  });
  const regions = profile.quota?.regions.map((r) => r.name) ?? [];
  if (regions.length) {
    // A warning, not a stop: an application from a region outside the table is possible; the check reports it.
    dvs.add(range(C.region), {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(wb, regions, 0)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '推荐地区或部门',
      error: '不在名额表中：请从下拉列表中选择名额表中的写法（如“伊犁州工信局”）。',
    });
  }
  dvs.add(range(C.presenting), {
    type: 'list',
    allowBlank: true,
    formulae: ['"是,否"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '是否与会发表',
    error: '请选择“是”或“否”。',
  });
  dvs.add(range(C.members), {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 15],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '成员人数',
    error: '成员人数应为 1–15 的整数（QC小组10人以内）。',
  });
  ws.views = [{ state: 'frozen', ySplit: L.headerRow + 1 }];
  ws.pageSetup.printArea = `A1:${colToLetters(last)}${L.noteRow + 1}`;
  return wb;
}
