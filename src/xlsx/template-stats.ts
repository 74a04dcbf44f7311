/**
 * Blank statistics templates (SPEC §6 "Templates", §7 `award-tally template qc-stats|team-stats`):
 *
 * `qc-stats`: xinjiang-2019 附件7 质量管理小组活动统计表 — 附件7, the title, the period line, `推荐地区、部门（盖章）：…
 * 单位盖章：`, the header 统计项目 / 单位 / 数量, the seed's items with their units, the contact lines. In addition to
 * the printed rows: the inputs of the rates (参加QC小组人数 and 职工总数 under 普及率, 取得成果小组数 under 成果率)
 * and 活动率 (SPEC §4), each rate a live formula `=IF(C10=0,"",C9/C10)` in `0.00%`, so the sheet computes its
 * rates in plain Excel or WPS.
 * `team-stats`: 附件12 质量信得过班组活动统计表, same layout, its own items and footnote (no rates on that form).
 *
 * Differences from the printed page, on purpose: the seed's side-by-side pairs (`是否组织发表会 | □是 □否 | 发表小组数
 * | …`, `发表会时间、地点 | … | 参会人数 | …`) become one item per row, so every value stands in the 数量 column with
 * its validation; 是否组织发表会 is a 是/否 dropdown instead of boxes to tick.
 *
 * Validation: counts whole numbers ≥ 0, money decimals ≥ 0, 是/否 lists. The diagnostician count `国家级/自治区级`
 * is a text cell ('@', so Excel does not turn `2/5` into 5 February) with an input prompt; its shape is left to
 * stats.value-type rather than to a long validation formula.
 *
 * Labels and units come from the form definitions (src/core/forms/qc-stats.ts), except where the seed prints more
 * than the item's label (a formula or a bracketed note), which is kept as printed; the tests check that the engine
 * maps every row back to its item.
 */
import ExcelJS from 'exceljs';
import { a1, colToLetters } from '../core/grid';
import { qcActivityStats, qcTeamStats } from '../core/forms/qc-stats';
import type { FormDef, StatsItem } from '../core/forms/form';
import { rateFormula, rateNumberFormat } from '../core/stats-values';

export type StatsTemplateKind = 'qc-stats' | 'team-stats';

/** A row of the template: an item (by role), a free-text block, or a line of text across the table. */
type RowSpec =
  | { item: string; label?: string; unit?: string; input?: boolean }
  | { text: string; role?: string; height?: number }
  | { line: string };

/** The seed prints these labels with their formula or note. */
const PRINTED: Record<string, string> = {
  popularityRate: '本年度QC小组普及率=参加QC小组人数/职工总数x100%',
  achievementRate: '本年度QC小组成果率=取得成果小组数/QC小组注册数x100%',
  activityRate: '本年度QC小组活动率=本年度坚持活动的QC小组数/本年度已登记注册QC小组数x100%',
  funding: '本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）',
  diagnosticians: '具备QC小组活动诊断师资格人数（国家级／自治区级）',
  teamFunding: '本年度对质量信得过班组活动投入费用（培训、交流、规范化等）',
};

const CONTACT_LINES: RowSpec[] = [
  { line: 'QC小组/质量信得过班组工作归口部门及负责人：' },
  { line: '联 系 人：                    手机：                    邮箱：' },
  { line: '通信地址：                                              邮编：' },
];

const SPECS: Record<StatsTemplateKind, { form: FormDef; annex: string; title: string; rows: RowSpec[]; note?: string }> = {
  'qc-stats': {
    form: qcActivityStats,
    annex: '附件7',
    title: '质 量 管 理 小 组 活 动 统 计 表',
    rows: [
      { item: 'cumulativeGroups' },
      { item: 'registeredGroups' },
      { item: 'popularityRate' },
      { item: 'participants', input: true },
      { item: 'employees', input: true },
      { item: 'activeGroups' },
      { item: 'activityRate' },
      { item: 'economicBenefit' },
      { item: 'achievementRate' },
      { item: 'achievedGroups', input: true },
      { item: 'funding' },
      { item: 'rewards' },
      { item: 'diagnosticians' },
      { text: '本年度QC小组活动主要特点与建议：', role: 'features', height: 60 },
      { item: 'conferenceHeld', unit: '是/否' },
      { item: 'presentedGroups' },
      { item: 'conferenceTimePlace' },
      { item: 'attendees' },
      ...CONTACT_LINES,
    ],
  },
  'team-stats': {
    form: qcTeamStats,
    annex: '附件12',
    title: '质量信得过班组活动统计表',
    rows: [
      { item: 'teamsThisYear' },
      { item: 'teamsCumulative' },
      { item: 'teamEmployees' },
      { item: 'teamsRecommended' },
      { item: 'teamFunding' },
      { item: 'teamRewards' },
      { text: '本年度开展质量信得过班组主要特点与问题：', role: 'teamFeatures', height: 60 },
      { item: 'reviewForm' },
      { item: 'conferenceHeld', unit: '是/否' },
      { item: 'presentedTeams' },
      { item: 'conferenceTimePlace' },
      { item: 'attendees' },
      ...CONTACT_LINES,
    ],
    note: '注：本统计表来自企业统计数据资料。应准确、无误，加盖公章原件及电子版一份。',
  },
};

/** Where things are on the generated sheet (0-based rows; columns A–C = 0–2), for tests and the Office.js host. */
export interface StatsLayout {
  kind: StatsTemplateKind;
  sheetName: string;
  titleRow: number;
  headerRow: number;
  /** Item role → 0-based row (value in column C, except free text across B:C). */
  rows: Record<string, number>;
  lastRow: number;
  labelCol: number;
  unitCol: number;
  valueCol: number;
}

const FIRST_ITEM_ROW = 5;

export function statsLayout(kind: StatsTemplateKind): StatsLayout {
  const spec = SPECS[kind];
  const rows: Record<string, number> = {};
  let r = FIRST_ITEM_ROW;
  for (const s of spec.rows) {
    if ('item' in s) rows[s.item] = r;
    else if ('role' in s && s.role) rows[s.role] = r;
    r++;
  }
  return {
    kind,
    sheetName: kind === 'qc-stats' ? '附件7' : '附件12',
    titleRow: 1,
    headerRow: 4,
    rows,
    lastRow: r - 1 + (spec.note ? 2 : 0),
    labelCol: 0,
    unitCol: 1,
    valueCol: 2,
  };
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const BODY: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E6' } };

function item(form: FormDef, role: string): StatsItem {
  const it = form.items?.find((i) => i.role === role);
  if (!it) throw new Error(`form ${form.kind} has no item ${role}`);
  return it;
}

export interface StatsTemplateOptions {
  /** The award, printed as the title's first line (the seed's title stays the second). */
  award?: string;
}

/** Build the statistics workbook in memory. */
export function buildStatsWorkbook(kind: StatsTemplateKind, opts: StatsTemplateOptions = {}): ExcelJS.Workbook {
  const spec = SPECS[kind];
  const L = statsLayout(kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  const ws = wb.addWorksheet(L.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  ws.columns = [{ width: 62 }, { width: 12 }, { width: 18 }];
  const cell = (row: number, col: number) => ws.getCell(row + 1, col + 1);
  const mergeRow = (row: number, from: number, to: number) => ws.mergeCells(row + 1, from + 1, row + 1, to + 1);
  const dvs = (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations;

  cell(0, 0).value = spec.annex;
  cell(0, 0).font = { name: '黑体', size: 14 };
  const award = opts.award?.trim();
  cell(L.titleRow, 0).value = award ? `${award}\n${spec.title}` : spec.title;
  cell(L.titleRow, 0).font = { name: '宋体', size: award ? 16 : 18, bold: true };
  cell(L.titleRow, 0).alignment = { horizontal: 'center', vertical: 'middle', wrapText: !!award };
  mergeRow(L.titleRow, 0, 2);
  ws.getRow(L.titleRow + 1).height = award ? 60 : 36;
  cell(2, 0).value = '（      年    月至      年    月）';
  cell(2, 0).alignment = { horizontal: 'center' };
  mergeRow(2, 0, 2);
  cell(3, 0).value = '推荐地区、部门（盖章）：';
  cell(3, 2).value = '单位盖章：';
  for (const c of [0, 2]) cell(3, c).font = BODY;

  const header = ['统计项目', '单位', '数量'];
  header.forEach((h, c) => {
    const x = cell(L.headerRow, c);
    x.value = h;
    x.font = { ...BODY, bold: true };
    x.alignment = { horizontal: 'center', vertical: 'middle' };
    x.border = THIN;
    x.fill = COMPUTED_FILL;
  });
  ws.getRow(L.headerRow + 1).height = 26;

  // Value cells by role (after the layout), for the formulas.
  const addr = (role: string) => {
    const r = L.rows[role];
    if (r === undefined) throw new Error(`template ${kind}: no row for ${role}`);
    return a1(r, L.valueCol);
  };
  const range = (row: number) => `${a1(row, L.valueCol)}:${a1(row, L.valueCol)}`;

  let r = FIRST_ITEM_ROW;
  for (const s of spec.rows) {
    const row = r++;
    ws.getRow(row + 1).height = 22;
    if ('line' in s) {
      cell(row, 0).value = s.line;
      cell(row, 0).font = BODY;
      cell(row, 0).border = THIN;
      cell(row, 0).alignment = { vertical: 'middle' };
      mergeRow(row, 0, 2);
      continue;
    }
    if ('text' in s) {
      cell(row, 0).value = s.text;
      cell(row, 0).alignment = { vertical: 'top', wrapText: true };
      cell(row, 1).alignment = { vertical: 'top', wrapText: true };
      for (const c of [0, 1, 2]) {
        cell(row, c).border = THIN;
        cell(row, c).font = BODY;
      }
      mergeRow(row, 1, 2);
      ws.getRow(row + 1).height = s.height ?? 48;
      continue;
    }
    const it = item(spec.form, s.item);
    const label = cell(row, L.labelCol);
    label.value = PRINTED[it.role] ?? it.label;
    label.alignment = { vertical: 'middle', wrapText: true, indent: s.input ? 2 : 0 };
    const unit = cell(row, L.unitCol);
    unit.value = s.unit ?? it.unit;
    unit.alignment = { horizontal: 'center', vertical: 'middle' };
    const value = cell(row, L.valueCol);
    value.alignment = { horizontal: it.type === 'text' ? 'left' : 'right', vertical: 'middle', wrapText: it.type === 'text' };
    for (const c of [0, 1, 2]) {
      cell(row, c).border = THIN;
      cell(row, c).font = BODY;
    }
    if (s.input) value.fill = INPUT_FILL;
    switch (it.type) {
      case 'count':
        value.numFmt = '0';
        dvs.add(range(row), {
          type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorStyle: 'stop',
          errorTitle: it.label.slice(0, 32), error: '请填写不小于 0 的整数。',
        });
        break;
      case 'money':
        value.numFmt = '#,##0.00';
        dvs.add(range(row), {
          type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorStyle: 'stop',
          errorTitle: it.label.slice(0, 32), error: '请填写不小于 0 的金额（元）。',
        });
        break;
      case 'checkbox':
        dvs.add(range(row), {
          type: 'list', formulae: ['"是,否"'], allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: it.label.slice(0, 32), error: '请选择“是”或“否”。',
        });
        value.alignment = { horizontal: 'center', vertical: 'middle' };
        break;
      case 'pair':
        value.numFmt = '@';
        dvs.add(range(row), {
          type: 'textLength', operator: 'lessThanOrEqual', formulae: [20], allowBlank: true, showInputMessage: true,
          promptTitle: '国家级/自治区级', prompt: '按“国家级人数/自治区级人数”填写，如 2/5（本格为文本格式）。',
        });
        break;
      case 'rate': {
        const def = spec.form.rates?.find((d) => d.role === it.role);
        if (def) {
          const formula = rateFormula(def, addr);
          value.value = { formula: formula.replace(/^=/, ''), result: '' } as unknown as ExcelJS.CellFormulaValue;
          value.numFmt = rateNumberFormat(def);
          value.fill = COMPUTED_FILL;
        }
        break;
      }
      case 'text':
        if (it.role === 'reviewForm') {
          // The seed's boxes, to tick (several may apply), across the unit and value columns.
          mergeRow(row, 1, 2);
          unit.value = '发表评审□ 现场评审□ 与QC小组合开□ 单独举办□';
          unit.alignment = { vertical: 'middle', wrapText: true };
          ws.getRow(row + 1).height = 36;
        }
        break;
    }
  }
  if (spec.note) {
    const row = r + 1;
    cell(row, 0).value = spec.note;
    cell(row, 0).font = { ...BODY, size: 10 };
    cell(row, 0).alignment = { wrapText: true };
    mergeRow(row, 0, 2);
    ws.getRow(row + 1).height = 30;
  }
  ws.pageSetup.printArea = `A1:${colToLetters(2)}${L.lastRow + 1}`;
  return wb;
}
