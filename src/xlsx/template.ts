/**
 * Blank, correctly formatted templates (SPEC §6 "Templates", §7 `award-tally template`).
 *
 * `annex3`: the ili-2025 附件3 推荐对象汇总表 in the seed's layout — 附件3, the title, the
 * `推荐单位（盖章）：… 填表日期：  年  月  日` line, section 一 (先进集体, 8 columns) and section 二 (先进个人,
 * 12 columns, two-line headers `政治\n面貌`, `学历\n学位`, `单位\n性质`), blank pre-numbered rows, the 备注 lines
 * and the `联系人：… 职务：… 联系电话：` signature line. ID and phone columns are text cells ('@'), so an
 * 18-digit number keeps all its digits; 单位性质, 性别 and 身份证号 carry native Excel data validation, so the sheet
 * keeps checking itself in Excel or WPS without the add-in.
 *
 * Header labels come from the form definitions (src/core/forms/annex3.ts), so the template and the locator agree.
 */
import ExcelJS from 'exceljs';
import { a1, colToLetters } from '../core/grid';
import { annex3Collective, annex3Individual } from '../core/forms/annex3';
import type { FormDef } from '../core/forms/form';
import { getProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import type { Profile } from '../core/profiles/schema';
import { idValidationFormula, literalListFormula } from './validation-formulas';
import { buildStatsWorkbook } from './template-stats';
import { awardTitleName } from './template-award';

export { awardTitleName };
import { buildQuotaWorkbook, buildRegisterWorkbook } from './template-quota';

export const TEMPLATE_KINDS = ['annex3', 'qc-stats', 'team-stats', 'quota', 'register'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
/** Kinds `award-tally template` can write today; the others come with their forms. */
export const IMPLEMENTED_TEMPLATES: readonly TemplateKind[] = ['annex3', 'qc-stats', 'team-stats', 'quota', 'register'];

export interface Annex3TemplateOptions {
  profile?: Profile;
  /** Blank rows under each header (defaults 10 and 20). */
  collectiveRows?: number;
  individualRows?: number;
}

/** The 附件3 title and its two section titles for an award. */
export function annex3Titles(profile: Profile): { title: string; collectives: string; individuals: string } {
  const award = awardTitleName(profile);
  return {
    title: `${award}先进集体和先进个人推荐对象汇总表`,
    collectives: `一、${award}先进集体推荐对象汇总表`,
    individuals: `二、${award}先进个人推荐对象汇总表`,
  };
}
export const ANNEX3_SHEET_NAME = '附件3';

const COLLECTIVE_ROLES = ['seq', 'collectiveName', 'unitType', 'leaderName', 'leaderTitle', 'contactName', 'contactPhone', 'remark'];
const INDIVIDUAL_ROLES = ['seq', 'name', 'gender', 'ethnicity', 'politicalStatus', 'education', 'employer', 'unitType', 'position', 'residentId', 'phone', 'remark'];
/** The seed prints these labels on two lines. */
const TWO_LINE: Record<string, string> = { politicalStatus: '政治\n面貌', education: '学历\n学位', unitType: '单位\n性质' };

/** Column widths (characters) for A…L, shared by both tables. */
const WIDTHS = [6, 26, 10, 10, 10, 10, 24, 12, 12, 22, 15, 10];

/** Where things are on the generated sheet (0-based sheet rows), for tests and for the Office.js host. */
export interface Annex3Layout {
  titleRow: number;
  headerInfoRow: number;
  section1Row: number;
  collectiveHeaderRow: number;
  collectiveFirstRow: number;
  collectiveLastRow: number;
  section2Row: number;
  individualHeaderRow: number;
  individualFirstRow: number;
  individualLastRow: number;
  noteRows: [number, number];
  signatureRow: number;
  /** 0-based columns of the individual table, by role. */
  individualColumns: Record<string, number>;
  collectiveColumns: Record<string, number>;
}

export function annex3Layout(opts: Annex3TemplateOptions = {}): Annex3Layout {
  const nc = Math.max(1, opts.collectiveRows ?? 10);
  const ni = Math.max(1, opts.individualRows ?? 20);
  const collectiveHeaderRow = 4;
  const collectiveLastRow = collectiveHeaderRow + nc;
  const section2Row = collectiveLastRow + 2;
  const individualHeaderRow = section2Row + 1;
  const individualLastRow = individualHeaderRow + ni;
  const cols = (roles: string[]) => Object.fromEntries(roles.map((r, i) => [r, i]));
  return {
    titleRow: 1,
    headerInfoRow: 2,
    section1Row: 3,
    collectiveHeaderRow,
    collectiveFirstRow: collectiveHeaderRow + 1,
    collectiveLastRow,
    section2Row,
    individualHeaderRow,
    individualFirstRow: individualHeaderRow + 1,
    individualLastRow,
    noteRows: [individualLastRow + 2, individualLastRow + 3],
    signatureRow: individualLastRow + 5,
    individualColumns: cols(INDIVIDUAL_ROLES),
    collectiveColumns: cols(COLLECTIVE_ROLES),
  };
}

/** `机关、参公、事业、企业、社会团体、村（居）民委员会及其他社会组织等` — the seed's 备注 1, from the profile's list. */
export function unitTypeNote(unitTypes: readonly string[]): string {
  const list = unitTypes.length > 1 ? `${unitTypes.slice(0, -1).join('、')}及${unitTypes[unitTypes.length - 1]}` : unitTypes[0] ?? '';
  return `备注：1．单位性质选填${list}等。`;
}

function label(form: FormDef, role: string, twoLine: boolean): string {
  if (twoLine && TWO_LINE[role]) return TWO_LINE[role];
  const c = form.columns.find((x) => x.role === role);
  if (!c) throw new Error(`form ${form.kind} has no column ${role}`);
  return c.label;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11, bold: true };

/** Build the 附件3 workbook in memory. */
export function buildAnnex3Workbook(opts: Annex3TemplateOptions = {}): ExcelJS.Workbook {
  const profile = opts.profile ?? getProfile(DEFAULT_PROFILE_ID);
  const titles = annex3Titles(profile);
  const L = annex3Layout(opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  const ws = wb.addWorksheet(ANNEX3_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const lastCol = INDIVIDUAL_ROLES.length - 1;
  ws.columns = WIDTHS.map((width) => ({ width }));
  const cell = (row: number, col: number) => ws.getCell(row + 1, col + 1);
  const mergeRow = (row: number, from: number, to: number) => ws.mergeCells(row + 1, from + 1, row + 1, to + 1);

  // 附件3
  cell(0, 0).value = '附件3';
  cell(0, 0).font = { name: '黑体', size: 14 };
  // Title
  cell(L.titleRow, 0).value = titles.title;
  cell(L.titleRow, 0).font = { name: '宋体', size: 18, bold: true };
  cell(L.titleRow, 0).alignment = { horizontal: 'center', vertical: 'middle' };
  mergeRow(L.titleRow, 0, lastCol);
  ws.getRow(L.titleRow + 1).height = 36;
  // 推荐单位（盖章）：…    填表日期：  年  月  日
  cell(L.headerInfoRow, 0).value = '推荐单位（盖章）：';
  mergeRow(L.headerInfoRow, 0, 6);
  cell(L.headerInfoRow, 7).value = '填表日期：      年    月    日';
  mergeRow(L.headerInfoRow, 7, lastCol);
  for (const c of [0, 7]) {
    cell(L.headerInfoRow, c).font = BODY_FONT;
    cell(L.headerInfoRow, c).alignment = { horizontal: 'left', vertical: 'middle' };
  }
  ws.getRow(L.headerInfoRow + 1).height = 24;

  const section = (row: number, text: string) => {
    cell(row, 0).value = text;
    cell(row, 0).font = { name: '黑体', size: 12 };
    cell(row, 0).alignment = { horizontal: 'left', vertical: 'middle' };
    mergeRow(row, 0, lastCol);
    ws.getRow(row + 1).height = 24;
  };

  const table = (form: FormDef, roles: string[], headerRow: number, first: number, last: number, twoLine: boolean) => {
    roles.forEach((role, c) => {
      const h = cell(headerRow, c);
      h.value = label(form, role, twoLine);
      h.font = HEADER_FONT;
      h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      h.border = THIN;
      h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    ws.getRow(headerRow + 1).height = twoLine ? 36 : 28;
    for (let r = first; r <= last; r++) {
      roles.forEach((role, c) => {
        const d = cell(r, c);
        d.border = THIN;
        d.font = BODY_FONT;
        d.alignment = { vertical: 'middle', horizontal: role === 'seq' || role === 'gender' ? 'center' : 'left', wrapText: true };
        if (role === 'residentId' || role === 'phone' || role === 'contactPhone') d.numFmt = '@';
      });
      // Pre-numbered: the locator skips rows that hold only a 序号, so an unfilled row is not a finding.
      cell(r, 0).value = r - first + 1;
      ws.getRow(r + 1).height = 22;
    }
  };

  section(L.section1Row, titles.collectives);
  table(annex3Collective, COLLECTIVE_ROLES, L.collectiveHeaderRow, L.collectiveFirstRow, L.collectiveLastRow, false);
  section(L.section2Row, titles.individuals);
  table(annex3Individual, INDIVIDUAL_ROLES, L.individualHeaderRow, L.individualFirstRow, L.individualLastRow, true);

  // 备注
  const [n1, n2] = L.noteRows;
  cell(n1, 0).value = unitTypeNote(profile.unitTypes);
  cell(n2, 0).value = '      2．表格可加页，每页均需加盖单位公章。';
  for (const r of [n1, n2]) {
    cell(r, 0).font = BODY_FONT;
    cell(r, 0).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    mergeRow(r, 0, lastCol);
  }
  // 联系人：… 职务：… 联系电话：
  cell(L.signatureRow, 0).value = '联系人：';
  mergeRow(L.signatureRow, 0, 3);
  cell(L.signatureRow, 4).value = '职务：';
  mergeRow(L.signatureRow, 4, 7);
  cell(L.signatureRow, 8).value = '联系电话：';
  mergeRow(L.signatureRow, 8, lastCol);
  for (const c of [0, 4, 8]) {
    cell(L.signatureRow, c).font = BODY_FONT;
    cell(L.signatureRow, c).alignment = { horizontal: 'left', vertical: 'middle' };
  }

  // Data validation.
  const range = (col: number, first: number, last: number) => `${a1(first, col)}:${a1(last, col)}`;
  // `dataValidations.add(range, rule)` exists in ExcelJS 4.4 but is missing from its type declarations.
  const dvs = (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
  const unitList = unitTypeListFormula(wb, profile.unitTypes);
  const unitDv = (): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [unitList],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '单位性质',
    error: `请从下拉列表中选择：${profile.unitTypes.join('、')}`.slice(0, 255),
    showInputMessage: true,
    promptTitle: '单位性质',
    prompt: '请从下拉列表中选择',
  });
  dvs.add(range(L.collectiveColumns.unitType, L.collectiveFirstRow, L.collectiveLastRow), unitDv());
  dvs.add(range(L.individualColumns.unitType, L.individualFirstRow, L.individualLastRow), unitDv());
  dvs.add(range(L.individualColumns.gender, L.individualFirstRow, L.individualLastRow), {
    type: 'list',
    allowBlank: true,
    formulae: ['"男,女"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '性别',
    error: '请选择“男”或“女”。',
  });
  const idCol = L.individualColumns.residentId;
  dvs.add(range(idCol, L.individualFirstRow, L.individualLastRow), {
    type: 'custom',
    allowBlank: true,
    formulae: [idValidationFormula(a1(L.individualFirstRow, idCol))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '身份证号有误',
    error: '请输入18位公民身份号码：前17位为数字，末位校验码须正确（可为X）。15位旧号码请换算为18位。',
    showInputMessage: true,
    promptTitle: '身份证号',
    prompt: '18位，末位可为X；本列为文本格式，请勿输入为数字。',
  });

  ws.pageSetup.printArea = `A1:${colToLetters(lastCol)}${L.signatureRow + 1}`;
  return wb;
}

/**
 * The list formula for 单位性质: a literal list when it fits Excel's 255 characters, otherwise a range on a
 * hidden `_lists` sheet (a profile with many unit types).
 */
function unitTypeListFormula(wb: ExcelJS.Workbook, unitTypes: readonly string[]): string {
  const literal = literalListFormula(unitTypes);
  if (literal) return literal;
  const lists = wb.getWorksheet('_lists') ?? wb.addWorksheet('_lists', { state: 'hidden' });
  unitTypes.forEach((t, i) => (lists.getCell(i + 1, 1).value = t));
  return `'_lists'!$A$1:$A$${unitTypes.length}`;
}

/**
 * Template `kind` in memory, for an award: its name in the titles (附件3, the statistics forms, the register), its
 * unit types, categories and quota table in the dropdowns and rows. Without a profile each kind uses its own
 * default (annex3: ili-2025-contribution; quota, register: xj-qc-2019; the statistics forms: no award line).
 * Unknown kinds throw TemplateKindError.
 */
export function buildTemplateWorkbook(kind: string, opts: Annex3TemplateOptions = {}): ExcelJS.Workbook {
  // quota / register: src/xlsx/template-quota.ts (without a profile they use xj-qc-2019, where the tables come from).
  if (kind === 'quota') return buildQuotaWorkbook({ profile: opts.profile });
  if (kind === 'register') return buildRegisterWorkbook({ profile: opts.profile });
  // qc-stats / team-stats: src/xlsx/template-stats.ts (附件7 with live rate formulas, 附件12).
  if (kind === 'qc-stats' || kind === 'team-stats') return buildStatsWorkbook(kind, { award: opts.profile ? awardTitleName(opts.profile) : undefined });
  if (kind !== 'annex3') throw new TemplateKindError(kind);
  return buildAnnex3Workbook(opts);
}

/** Write a template file. Unknown or not-yet-implemented kinds throw TemplateKindError. */
export async function writeTemplate(kind: string, out: string, opts: Annex3TemplateOptions = {}): Promise<void> {
  await buildTemplateWorkbook(kind, opts).xlsx.writeFile(out);
}

export class TemplateKindError extends Error {
  readonly messageEn: string;
  constructor(readonly kind: string) {
    const known = (TEMPLATE_KINDS as readonly string[]).includes(kind);
    super(
      known
        ? `模板“${kind}”尚未提供，目前可用：${IMPLEMENTED_TEMPLATES.join('、')}。`
        : `没有名为“${kind}”的模板，可用：${IMPLEMENTED_TEMPLATES.join('、')}（计划中：${TEMPLATE_KINDS.filter((k) => !IMPLEMENTED_TEMPLATES.includes(k)).join('、')}）。`,
    );
    this.messageEn = known
      ? `Template "${kind}" is not available yet; available: ${IMPLEMENTED_TEMPLATES.join(', ')}.`
      : `No template named "${kind}"; available: ${IMPLEMENTED_TEMPLATES.join(', ')} (planned: ${TEMPLATE_KINDS.filter((k) => !IMPLEMENTED_TEMPLATES.includes(k)).join(', ')}).`;
    this.name = 'TemplateKindError';
  }
}
