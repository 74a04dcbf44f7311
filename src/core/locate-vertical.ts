/**
 * Location of vertical forms (SPEC §2 `qc.activity-stats`, `qc.team-stats`; the indicator tables `form.indicators`):
 * forms whose rows are items and whose columns are 统计项目 / 单位 / 数量 (or 项目 / 单位 / 2022年 / 2023年 …).
 *
 * 1. Header row: a cell naming the label column (统计项目, 项目, 指标 …) and, to its right, either a value column
 *    (数量, 数值, 填报数 …) — a single-value form — or one or more period columns (`2022年`, `2017 年`, 2022) — a
 *    period form. The unit column (单位) is optional.
 * 2. Body: the rows below, up to the first fully empty row, a footnote (`注：…`), a new title (`附件12`,
 *    `…统计表`) or the next header row.
 * 3. Items: each label cell of the body is matched to an item of each candidate form by `matchItem`
 *    (src/core/stats-values.ts documents the normalisation and synonym/keyword rule). Single-value forms: a label
 *    may stand anywhere in the row (the seed puts two pairs on one row: `是否组织发表会 | □是 □否 | 发表小组数 | …`);
 *    a label in the label area has its value in the 数量 column, unless that cell is itself a label — then, as for
 *    a label standing in the 数量 column, the value is the cell to its right; outside the label column only exact
 *    labels and synonyms count (keywords could match free text). A checkbox whose 数量 cell is empty
 *    is read from the unit column when that holds the boxes. `联系人：… 手机：…` cells are read as label：value
 *    pairs. Period forms: labels stand left of the first period column; when a row holds two (a merged group label
 *    `等级品率` and the row's own `优等品产值`), the rightmost one is the row's item.
 * 4. Kind: the title above the header (`附件7` / `质量管理小组活动统计表` vs `附件12` / `质量信得过班组活动统计表`)
 *    decides when it names one of the forms; otherwise the form with the most items matched that are not shared
 *    by both forms. A body where no form has such an item is not a vertical form.
 */
import { cellText, compactText, headerKey } from './normalize';
import { Sheet, isEmptyValue } from './grid';
import type { FormDef, StatsItem } from './forms/form';
import type { LocatedItem, LocatedTable, TitleInfo } from './table';
import { inlineValue, matchItem, readCheckbox } from './stats-values';
import { leadingText } from './locate';
import { CONTACT_ROLES } from './forms/qc-stats';

/** Header cells are short labels. */
const MAX_HEADER_LEN = 24;
const YEAR = /^(?:19|20)\d{2}(?:年度?|年)?$/;
const FOOTNOTE = /^(备注|注|说明|填表说明)\d*[:：.．、]/;
const TITLE_LINE = /^附件\d+$|^附表\d+$|统计表$|^表\d+\S{0,30}$/;

interface HeaderIndex {
  label: Set<string>;
  unit: Set<string>;
  value: Set<string>;
}

function headerIndex(forms: readonly FormDef[]): HeaderIndex {
  const ix: HeaderIndex = { label: new Set(), unit: new Set(), value: new Set() };
  for (const f of forms) {
    for (const c of f.columns) {
      const set = c.role === 'label' ? ix.label : c.role === 'unit' ? ix.unit : c.role === 'value' ? ix.value : null;
      if (!set) continue;
      set.add(headerKey(c.label));
      for (const s of c.synonyms) set.add(headerKey(s));
    }
  }
  return ix;
}

interface HeaderMatch {
  row: number;
  labelCol: number;
  unitCol: number | null;
  valueCols: number[];
  periods: string[];
  periodic: boolean;
}

function keyAt(sheet: Sheet, row: number, col: number): string {
  const v = sheet.value(row, col);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2099) return String(v);
  if (typeof v !== 'string' || v.length > MAX_HEADER_LEN) return '';
  return headerKey(v);
}

function matchHeader(sheet: Sheet, row: number, single: HeaderIndex | null, periodic: HeaderIndex | null): HeaderMatch | null {
  let labelCol = -1;
  let unitCol: number | null = null;
  let valueCol = -1;
  let periodicLabel = -1;
  const years: number[] = [];
  const periods: string[] = [];
  // A header names its label column in text: rows without a short text cell (data, a helper column of numbers down
  // to row 1,048,576) are no header.
  const cells = sheet.grid.values[row - sheet.top];
  if (!cells) return null;
  let text = false;
  for (let j = 0; j < cells.length && !text; j++) {
    const v = cells[j];
    if (typeof v === 'string' && v.length <= MAX_HEADER_LEN) text = true;
  }
  if (!text) return null;
  for (let c = sheet.left; c < sheet.right; c++) {
    const k = keyAt(sheet, row, c);
    if (!k) continue;
    if (single && labelCol < 0 && single.label.has(k)) labelCol = c;
    if (periodic && periodicLabel < 0 && periodic.label.has(k)) periodicLabel = c;
    if (labelCol >= 0 && c > labelCol && valueCol < 0 && single?.value.has(k)) valueCol = c;
    const anyLabel = Math.max(labelCol, periodicLabel);
    if (anyLabel >= 0 && c > anyLabel && unitCol === null && (single?.unit.has(k) || periodic?.unit.has(k))) unitCol = c;
    if (periodicLabel >= 0 && c > periodicLabel && YEAR.test(k)) {
      years.push(c);
      periods.push(k);
    }
  }
  if (single && labelCol >= 0 && valueCol > labelCol) {
    return { row, labelCol, unitCol: unitCol !== null && unitCol < valueCol ? unitCol : null, valueCols: [valueCol], periods: [], periodic: false };
  }
  if (periodic && periodicLabel >= 0 && years.length > 0) {
    return { row, labelCol: periodicLabel, unitCol: unitCol !== null && unitCol < years[0] ? unitCol : null, valueCols: years, periods, periodic: true };
  }
  return null;
}

function rowText(sheet: Sheet, row: number): string {
  let s = '';
  for (let c = sheet.left; c < sheet.right; c++) {
    const v = sheet.value(row, c);
    if (!isEmptyValue(v)) s += cellText(v);
  }
  return compactText(s);
}

const CONTACT_LABEL = /(QC小组\/质量信得过班组工作归口部门及负责人|质量信得过班组工作归口部门及负责人|QC小组工作归口部门及负责人|工作归口部门及负责人|归口部门及负责人|联系人|手机|邮箱|通信地址|通讯地址|邮编)[:]/g;
const CONTACT_ROLE: Record<string, string> = { 联系人: 'contactName', 手机: 'contactMobile', 邮箱: 'contactEmail', 通信地址: 'address', 通讯地址: 'address', 邮编: 'postcode' };

/** `联 系 人：张三  手机：139…  邮箱：…` → role → value ('' when blank), in compact text. */
function contactPairs(text: string): { role: string; value: string }[] {
  const s = compactText(text);
  const hits: { role: string; start: number; end: number }[] = [];
  CONTACT_LABEL.lastIndex = 0;
  for (let m = CONTACT_LABEL.exec(s); m; m = CONTACT_LABEL.exec(s)) {
    hits.push({ role: CONTACT_ROLE[m[1]] ?? 'department', start: m.index, end: m.index + m[0].length });
  }
  return hits.map((h, i) => ({ role: h.role, value: s.slice(h.end, i + 1 < hits.length ? hits[i + 1].start : s.length).replace(/^_+|_+$/g, '') }));
}

interface Candidate {
  item: StatsItem;
  row: number;
  labelCol: number;
  col: number;
  label: string;
  inline?: string;
}

/** Items of one form found in the body rows. */
function matchItems(sheet: Sheet, form: FormDef, h: HeaderMatch, rows: number[]): Map<string, Candidate> {
  const items = form.items ?? [];
  const found = new Map<string, Candidate>();
  const valueCol = h.valueCols[0];
  const take = (c: Candidate) => {
    if (!found.has(c.item.role)) found.set(c.item.role, c);
  };
  for (const row of rows) {
    if (h.periodic) {
      let best: Candidate | null = null;
      for (let c = h.labelCol; c < valueCol; c++) {
        if (c === h.unitCol) continue;
        const v = sheet.value(row, c);
        if (typeof v !== 'string') continue;
        const it = matchItem(items, v);
        if (it) best = { item: it, row, labelCol: c, col: valueCol, label: v };
      }
      if (best) take(best);
      continue;
    }
    const rowHits: Candidate[] = [];
    const labelCells = new Set<number>();
    for (let c = h.labelCol; c < sheet.right; c++) {
      const v = sheet.value(row, c);
      if (typeof v !== 'string' || isEmptyValue(v)) continue;
      const pairs = /[:：]/.test(v) ? contactPairs(v) : [];
      if (pairs.length > 0 && (pairs.length > 1 || CONTACT_ROLES.includes(pairs[0].role) || pairs[0].role === 'department')) {
        for (const p of pairs) {
          const it = items.find((i) => i.role === p.role);
          if (it) rowHits.push({ item: it, row, labelCol: c, col: c, label: v, inline: p.value || undefined });
        }
        labelCells.add(c);
        continue;
      }
      // Outside the label column a cell is a label only when it names an item exactly (the seed's side-by-side
      // 发表小组数 / 参会人数): free text such as 特点与建议 may mention 经费 or 参加人数 without being a label.
      const it = matchItem(items, v, c !== h.labelCol);
      if (!it) continue;
      const inline = inlineValue(v);
      rowHits.push({ item: it, row, labelCol: c, col: -1, label: v, inline: inline ?? undefined });
      labelCells.add(c);
    }
    for (const hit of rowHits) {
      if (hit.col >= 0) {
        take(hit);
        continue;
      }
      const inLabelArea = hit.labelCol < valueCol && hit.labelCol !== h.unitCol;
      let col = inLabelArea && !labelCells.has(valueCol) ? valueCol : hit.labelCol + 1;
      if (hit.item.type === 'checkbox' && h.unitCol !== null && col === valueCol && isEmptyValue(sheet.value(row, col))) {
        const u = sheet.value(row, h.unitCol);
        const r = readCheckbox(u);
        if (r.kind === 'checked' || r.kind === 'both') col = h.unitCol;
      }
      // Free text (特点与建议, 评审及交流形式) is often written right after its label, across the unit column.
      if (hit.item.type === 'text' && col === valueCol && isEmptyValue(sheet.value(row, col)) && !labelCells.has(hit.labelCol + 1) && !isEmptyValue(sheet.value(row, hit.labelCol + 1))) {
        col = hit.labelCol + 1;
      }
      take({ ...hit, col });
    }
  }
  return found;
}

/** A line marking the input block: `计算所需数据`, `以下为输入行`, `附：计算用数据`, `输入项（用于计算普及率、成果率）`. */
const INPUT_MARK = /输入|计算(所需|所用|用|依据|基础)|基础数据|辅助数据/;

/**
 * The input rows of the rates typed as a block below a vertical form (SPEC §4 "or in a clearly marked input
 * block"): after the table's end at `from` (an empty row or the marking line), up to two empty rows, then a marking
 * line and/or rows each labelled with an input item (参加QC小组人数, 职工总数, 取得成果小组数 …). Unmarked, every row
 * must be an input; marked, the block runs to the next empty row, footnote, title or header. Null when there is
 * no such block.
 */
function inputBlock(sheet: Sheet, from: number, inputs: readonly StatsItem[], isHeader: (row: number) => boolean): { rows: number[]; end: number } | null {
  if (inputs.length === 0) return null;
  let k = from;
  for (let empty = 0; k < sheet.bottom && sheet.isRowEmpty(k) && empty < 2; k++) empty++;
  if (k >= sheet.bottom) return null;
  let marked = false;
  const lead = leadingText(sheet, k);
  if (lead && lead.length <= 40 && INPUT_MARK.test(lead) && !matchItem(inputs, lead)) {
    marked = true;
    k++;
  }
  const rows: number[] = [];
  let inputsSeen = 0;
  for (; k < sheet.bottom; k++) {
    if (sheet.isRowEmpty(k)) break;
    const text = leadingText(sheet, k);
    if (text && (TITLE_LINE.test(text) || (FOOTNOTE.test(text) && !INPUT_MARK.test(text)))) break;
    if (isHeader(k)) break;
    const isInput = text !== '' && matchItem(inputs, text) !== null;
    if (!isInput && !marked) return null;
    if (isInput) inputsSeen++;
    rows.push(k);
  }
  return inputsSeen > 0 ? { rows, end: k } : null;
}

function titleAbove(sheet: Sheet, headerRow: number, floor: number): { texts: string[]; info: TitleInfo | null } {
  const texts: string[] = [];
  let info: TitleInfo | null = null;
  for (let r = headerRow - 1; r >= Math.max(floor, headerRow - 6); r--) {
    const t = rowText(sheet, r);
    if (!t) continue;
    texts.push(t);
    const m = /推荐(?:地区、部门|地区|部门|单位)(?:\((?:盖章|公章)\))?:(.*?)(?:单位盖章|填表日期|$)/.exec(t);
    if (m && !info) {
      let col = sheet.left;
      while (col < sheet.right && isEmptyValue(sheet.value(r, col))) col++;
      const rec = m[1].replace(/[:_]/g, '');
      info = { row: r, col, recommender: rec || null, formDateText: null, formDate: null };
    }
  }
  return { texts, info };
}

function titledForm(texts: string[], forms: readonly FormDef[]): FormDef | null {
  // The nearest title line first: a sheet holding both forms has each one's title right above it. `附件7` must
  // match as a whole number (not inside `附件71`).
  for (const t of texts) {
    for (const f of forms) {
      const hit = (f.titles ?? []).some((x) => {
        const k = compactText(x);
        const annex = /^附件(\d+)$/.exec(k);
        return annex ? new RegExp(`附件${annex[1]}(?!\\d)`).test(t) : t.includes(k);
      });
      if (hit) return f;
    }
  }
  return null;
}

/**
 * Find the vertical forms on a sheet. `forms` are the vertical form definitions (layout 'vertical'); the table
 * forms are left to locateTables.
 */
/**
 * `claimed`: rows already taken by tables of the table layout (header to last row), skipped without reading:
 * a 100,000-row 附件3 sheet costs nothing here.
 */
export function locateVerticalTables(
  sheet: Sheet,
  forms: readonly FormDef[],
  claimed: readonly { top: number; bottom: number }[] = [],
): LocatedTable[] {
  const vertical = forms.filter((f) => f.layout === 'vertical' && (f.items?.length ?? 0) > 0);
  const singleForms = vertical.filter((f) => !f.periodColumns);
  const periodForms = vertical.filter((f) => f.periodColumns);
  const single = singleForms.length ? headerIndex(singleForms) : null;
  const periodic = periodForms.length ? headerIndex(periodForms) : null;
  const inputItems = vertical.flatMap((f) => (f.items ?? []).filter((i) => i.origin === 'input'));
  const tables: LocatedTable[] = [];
  let floor = sheet.top;
  let row = sheet.top;
  while (row < sheet.bottom) {
    const inTable = claimed.find((c) => row >= c.top && row <= c.bottom);
    if (inTable) {
      row = inTable.bottom + 1;
      continue;
    }
    const h = matchHeader(sheet, row, single, periodic);
    if (!h) {
      row++;
      continue;
    }
    const rows: number[] = [];
    let r = row + 1;
    for (; r < sheet.bottom; r++) {
      if (sheet.isRowEmpty(r)) break;
      const lead = leadingText(sheet, r);
      if (lead && (FOOTNOTE.test(lead) || TITLE_LINE.test(lead))) break;
      if (matchHeader(sheet, r, single, periodic)) break;
      rows.push(r);
    }
    // The rates' input rows in a clearly marked block below the table (SPEC §4): read as rows of the table.
    const block = inputBlock(sheet, r, inputItems, (k) => matchHeader(sheet, k, single, periodic) !== null);
    if (block) {
      rows.push(...block.rows);
      r = block.end;
    }
    const candidates = h.periodic ? periodForms : singleForms;
    const { texts, info } = titleAbove(sheet, row, floor);
    const titled = titledForm(texts, candidates);
    let best: { form: FormDef; found: Map<string, Candidate>; score: number } | null = null;
    for (const form of candidates) {
      const found = matchItems(sheet, form, h, rows);
      let score = 0;
      for (const c of found.values()) if (!c.item.shared) score++;
      if (titled === form && found.size > 0) {
        best = { form, found, score: Number.POSITIVE_INFINITY };
        break;
      }
      if (score > 0 && (!best || score > best.score)) best = { form, found, score };
    }
    if (best) {
      const items: Record<string, LocatedItem> = {};
      let right = Math.max(h.labelCol, h.unitCol ?? -1, ...h.valueCols);
      for (const c of best.found.values()) {
        items[c.item.role] = { row: c.row, labelCol: c.labelCol, col: c.col, label: c.label, ...(c.inline !== undefined ? { inline: c.inline } : {}) };
        if (!h.periodic) right = Math.max(right, c.col);
      }
      const columns: Record<string, number> = { label: h.labelCol };
      if (h.unitCol !== null) columns.unit = h.unitCol;
      columns.value = h.valueCols[0];
      const bottom = rows.length ? rows[rows.length - 1] : row;
      tables.push({
        kind: best.form.kind,
        form: best.form,
        sheet: sheet.name,
        headerRow: row,
        headerRows: 1,
        columns,
        missing: [],
        rows,
        left: Math.min(h.labelCol, ...Object.values(items).map((i) => i.labelCol)),
        right,
        bottom,
        category: null,
        title: info,
        items,
        valueCols: h.valueCols,
        ...(h.periodic ? { periods: h.periods } : {}),
      });
      floor = bottom + 1;
    }
    row = r;
  }
  return tables;
}
