/**
 * Build a new worksheet from a SheetSpec with Office.js calls of ExcelApi 1.9 — the template fallback for an
 * Excel without `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13), e.g. Office 2019 / 2016 with updates.
 *
 * Two syncs for a template: (1) the workbook's sheet names, to pick a free name (`附件3`, `附件3 (2)` …);
 * (2) everything else, queued through the ChunkedWriter, so a spec larger than the 4 MB budget is simply sent in
 * more requests. Order inside the write: add the sheet; the text format `@` (before the values, so an ID typed
 * into the sheet stays text); values and formulas; the other number formats (after the values: typing into a
 * General cell can change its format); sizes; merges; cell formats; borders; data validation; activate; print
 * setup last.
 *
 * Requirement sets used: worksheets.add, Range.formulas/numberFormat/format.font/borders/alignment (1.1);
 * merge, format.columnWidth/rowHeight, columnHidden/rowHidden (1.2); dataValidation (1.8); getRanges
 * (RangeAreas) and pageLayout (1.9).
 *
 * Print setup is the least certain part across Excel builds (the zoom "fit to pages" in particular), so it
 * goes after the activation: should Excel reject it, everything before it is already applied (Office.js does
 * not roll a batch back) — one more sync checks that the new sheet is active, and the sheet is kept with
 * `print: 'failed'`.
 */
import { colToLetters, parseA1Range } from '../core/grid';
import type { XlContext, XlDataValidation, XlDataValidationRule, XlRangeFormat, XlWorksheet } from './excel-like';
import { ACTION_COST, BUDGET, ChunkedWriter, MAX_AREAS_ADDRESS, OBJECT_COST, actionBytes, rowsPiece, type Piece } from './batch';
import { ExcelHostError, isSizeError } from './errors';
import type { CellFormatSpec, SheetSpec, ValidationRuleSpec, ValidationSpec } from '../core/sheet-spec';
import { typedAsText } from './values';

export interface RenderResult {
  /** Name of the new sheet. */
  name: string;
  /** Print setup: applied, none in the spec, or rejected by this Excel (the sheet itself is complete). */
  print: 'applied' | 'none' | 'failed';
  printError?: string;
}

export interface RenderOptions {
  /** Called after each sync: 1 of 2 (names), 2 of 2 (written). */
  onProgress?: (done: number, total: number) => void;
  /** Request budget in bytes (tests lower it). */
  budget?: number;
}

/** Longest sheet name Excel accepts. */
export const SHEET_NAME_MAX = 31;
/** Longest literal list (`"a,b,c"` without the quotes) a list validation takes; longer lists go in cells. */
const LIST_SOURCE_MAX = 255;
/**
 * Maximum digit width, in pixels at 96 dpi, of the default font of the .xlsx the templates are written as
 * (Calibri 11; 宋体 11 has the same 7 px digits). Column widths in the file are in these digits.
 */
const MAX_DIGIT_WIDTH_PX = 7;

/**
 * .xlsx column width (characters, padding included, ECMA-376 §18.3.1.13) → Office.js `columnWidth` (points).
 * The file's width W gives Truncate(((256·W + Truncate(128 / MDW)) / 256) · MDW) pixels, MDW being the
 * maximum digit width of the default font (7 px); a pixel is ¾ point at 96 dpi. W = 26 → 182 px → 136.5 pt;
 * Excel's standard 8.43-character column (stored as 9.140625) → 64 px → 48 pt.
 */
export function columnWidthPoints(width: number): number {
  if (!(width > 0)) return 0;
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX);
  return px * 0.75;
}

/**
 * A name Excel accepts and the workbook does not have yet: `附件3`, then `附件3 (2)`, `附件3 (3)` … (Excel's own
 * naming for a copied sheet). Characters Excel forbids (`: \ / ? * [ ]`) become `_`; names compare ignoring case.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  base = base.slice(0, SHEET_NAME_MAX);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Add a worksheet built from `spec` and activate it. Runs inside the caller's Excel.run. */
export async function renderSheet(ctx: XlContext, spec: SheetSpec, options: RenderOptions = {}): Promise<RenderResult> {
  checkSpec(spec);
  const wss = ctx.workbook.worksheets;
  wss.load('items/name');
  await ctx.sync();
  const name = uniqueSheetName(spec.name, wss.items.map((s) => s.name));
  options.onProgress?.(1, 2);

  let ws!: XlWorksheet;
  const pieces: Piece[] = [];
  const R = spec.rowCount;
  const C = spec.columnCount;

  pieces.push({ bytes: OBJECT_COST + actionBytes(name), queue: () => void (ws = wss.add(name)) });

  // Number formats and values, by rows of the used area (split further only if a piece outgrows the budget).
  const cellsPiece = (grid: unknown[][], set: (from: number, n: number) => void): Piece =>
    rowsPiece(0, R, (from, n) => OBJECT_COST + actionBytes(grid.slice(from, from + n)), set);
  const textFormats = spec.numberFormats.map((row) => row.map((f) => (f === '@' ? '@' : null)));
  const otherFormats = spec.numberFormats.map((row) => row.map((f) => (f !== null && f !== '@' ? f : null)));
  const any = (grid: unknown[][]) => grid.some((row) => row.some((x) => x !== null));
  if (R > 0 && C > 0) {
    if (any(textFormats)) pieces.push(cellsPiece(textFormats, (from, n) => void (ws.getRangeByIndexes(from, 0, n, C).numberFormat = textFormats.slice(from, from + n))));
    pieces.push(cellsPiece(spec.values, (from, n) => void (ws.getRangeByIndexes(from, 0, n, C).formulas = spec.values.slice(from, from + n))));
    if (any(otherFormats)) pieces.push(cellsPiece(otherFormats, (from, n) => void (ws.getRangeByIndexes(from, 0, n, C).numberFormat = otherFormats.slice(from, from + n))));
  }

  // Lists too long for a literal source (or with commas in a value) go into hidden columns after the used area.
  const listColumns = new Map<string, { col: number; values: string[] }>(); // one column per distinct list
  const validations = spec.validations.map((v) => {
    if (v.rule.type !== 'list' || !v.rule.values || literalList(v.rule.values) !== null) return v;
    const key = JSON.stringify(v.rule.values);
    let list = listColumns.get(key);
    if (!list) listColumns.set(key, (list = { col: C + 1 + listColumns.size, values: v.rule.values }));
    const col = colToLetters(list.col);
    const source = `=$${col}$1:$${col}$${Math.max(1, list.values.length)}`;
    return { ...v, rule: { type: 'list', source, inCellDropDown: v.rule.inCellDropDown } } satisfies ValidationSpec;
  });
  for (const { col, values } of listColumns.values()) {
    const cells = values.map((x) => [typedAsText(x)]);
    pieces.push({
      bytes: 2 * OBJECT_COST + 2 * ACTION_COST + actionBytes(cells),
      queue: () => {
        ws.getRangeByIndexes(0, col, Math.max(1, cells.length), 1).formulas = cells.length ? cells : [['']];
        ws.getRangeByIndexes(0, col, 1, 1).columnHidden = true;
      },
    });
  }

  // Column widths and row heights, one call per run of equal sizes.
  for (const [from, n, w] of runs(spec.columnWidths)) {
    const pt = columnWidthPoints(w);
    pieces.push({ bytes: OBJECT_COST + ACTION_COST + 40, queue: () => void (ws.getRangeByIndexes(0, from, 1, n).format.columnWidth = pt) });
  }
  for (const [from, n, h] of runs(spec.rowHeights)) {
    pieces.push({ bytes: OBJECT_COST + ACTION_COST + 40, queue: () => void (ws.getRangeByIndexes(from, 0, n, 1).format.rowHeight = h) });
  }
  for (const [from, n] of runs(flags(spec.hiddenColumns))) {
    pieces.push({ bytes: OBJECT_COST + ACTION_COST + 40, queue: () => void (ws.getRangeByIndexes(0, from, 1, n).columnHidden = true) });
  }
  for (const [from, n] of runs(flags(spec.hiddenRows))) {
    pieces.push({ bytes: OBJECT_COST + ACTION_COST + 40, queue: () => void (ws.getRangeByIndexes(from, 0, n, 1).rowHidden = true) });
  }

  for (const m of spec.merges) {
    pieces.push({ bytes: OBJECT_COST + actionBytes(m) + ACTION_COST, queue: () => ws.getRange(m).merge(false) });
  }

  // Cell formats: every range of one format at once (a RangeAreas when there are several).
  for (const { ranges, format } of spec.formats) {
    const n = formatActions(format);
    if (n === 0) continue;
    for (const address of joinAreas(ranges)) {
      pieces.push({
        bytes: 3 * OBJECT_COST + actionBytes(address) + n * ACTION_COST + actionBytes(format),
        queue: () => applyFormat(address.includes(',') ? ws.getRanges(address).format : ws.getRange(address).format, format),
      });
    }
  }

  for (const b of spec.borders) {
    pieces.push({
      bytes: OBJECT_COST * (3 + b.edges.length) + actionBytes(b.range) + b.edges.length * 3 * (ACTION_COST + 16),
      queue: () => {
        const borders = ws.getRange(b.range).format.borders;
        for (const edge of b.edges) {
          const e = borders.getItem(edge);
          e.style = b.style;
          e.weight = b.weight;
          if (b.color) e.color = b.color;
        }
      },
    });
  }

  for (const v of validations) {
    for (const address of joinAreas(v.ranges)) {
      pieces.push({
        bytes: 2 * OBJECT_COST + actionBytes(address) + 4 * ACTION_COST + actionBytes(v.rule, v.error, v.prompt ?? null),
        queue: () => applyValidation(address.includes(',') ? ws.getRanges(address).dataValidation : ws.getRange(address).dataValidation, v),
      });
    }
  }

  pieces.push({ bytes: ACTION_COST, queue: () => ws.activate() });

  const print = spec.print;
  const printActions = print ? printSetup(print) : [];
  if (printActions.length > 0) {
    pieces.push({ bytes: OBJECT_COST + printActions.length * (ACTION_COST + 40), queue: () => printActions.forEach((f) => f(ws)) });
  }

  const writer = new ChunkedWriter(ctx, () => undefined, options.budget ?? BUDGET);
  try {
    for (const p of pieces) await writer.addPiece(p);
    await writer.flush();
  } catch (e) {
    // A rejected print setup: the sheet is complete and active if the activation (just before it) went through.
    if (printActions.length === 0 || isSizeError(e)) throw e;
    const active = wss.getActiveWorksheet();
    active.load('name');
    await ctx.sync();
    if (active.name !== name) throw e;
    options.onProgress?.(2, 2);
    return { name, print: 'failed', printError: e instanceof Error ? e.message : String(e) };
  }
  options.onProgress?.(2, 2);
  return { name, print: printActions.length > 0 ? 'applied' : 'none' };
}

// ------------------------------------------------------------------------------------------------- pieces

function checkSpec(spec: SheetSpec): void {
  const bad = (what: string) => new ExcelHostError('excel', { detail: `template sheet spec: ${what}` });
  if (spec.values.length !== spec.rowCount || spec.values.some((r) => r.length !== spec.columnCount)) throw bad('values do not match rowCount × columnCount');
  if (spec.numberFormats.length !== spec.rowCount || spec.numberFormats.some((r) => r.length !== spec.columnCount)) {
    throw bad('numberFormats do not match rowCount × columnCount');
  }
  for (const a of [...spec.merges, ...spec.borders.map((b) => b.range), ...spec.formats.flatMap((f) => f.ranges), ...spec.validations.flatMap((v) => v.ranges)]) {
    try {
      parseA1Range(a);
    } catch {
      throw bad(`not an A1 range: ${a}`);
    }
  }
}

/** `[from, count, value]` for each run of equal, non-null values. */
function runs<T extends number | boolean>(list: readonly (T | null | undefined)[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  let i = 0;
  while (i < list.length) {
    const v = list[i];
    if (v === null || v === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < list.length && list[j] === v) j++;
    out.push([i, j - i, v]);
    i = j;
  }
  return out;
}

function flags(indexes: readonly number[] | undefined): (true | null)[] {
  const out: (true | null)[] = [];
  for (const i of indexes ?? []) {
    while (out.length < i) out.push(null);
    out[i] = true;
  }
  return out;
}

/** Ranges joined into comma-separated RangeAreas addresses under Excel's address-length limit. */
function joinAreas(ranges: readonly string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of ranges) {
    if (cur && cur.length + 1 + r.length > MAX_AREAS_ADDRESS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${r}` : r;
  }
  if (cur) out.push(cur);
  return out;
}

function formatActions(f: CellFormatSpec): number {
  return Object.keys(f.font ?? {}).length + (f.horizontal ? 1 : 0) + (f.vertical ? 1 : 0) + (f.wrap !== undefined ? 1 : 0) + (f.indent ? 1 : 0) + (f.fill ? 1 : 0);
}

function applyFormat(target: XlRangeFormat, f: CellFormatSpec): void {
  const font = f.font;
  if (font) {
    const t = target.font;
    if (font.name !== undefined) t.name = font.name;
    if (font.size !== undefined) t.size = font.size;
    if (font.bold !== undefined) t.bold = font.bold;
    if (font.italic !== undefined) t.italic = font.italic;
    if (font.color !== undefined) t.color = font.color;
    if (font.underline !== undefined) t.underline = font.underline;
    if (font.strikethrough !== undefined) t.strikethrough = font.strikethrough;
  }
  if (f.horizontal) target.horizontalAlignment = f.horizontal;
  if (f.vertical) target.verticalAlignment = f.vertical;
  if (f.wrap !== undefined) target.wrapText = f.wrap;
  if (f.indent) target.indentLevel = f.indent; // after the alignment it goes with
  if (f.fill) target.fill.color = f.fill;
}

/** `男,女` for a list Excel takes literally; null when too long or a value holds a comma. */
function literalList(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(','))) return null;
  const s = values.join(',');
  return s.length <= LIST_SOURCE_MAX ? s : null;
}

function ruleOf(r: ValidationRuleSpec): XlDataValidationRule {
  switch (r.type) {
    case 'list':
      return { list: { inCellDropDown: r.inCellDropDown, source: r.source ?? literalList(r.values ?? []) ?? '' } };
    case 'custom':
      return { custom: { formula: r.formula } };
    default: {
      const basic = { operator: r.operator, formula1: r.formula1, ...(r.formula2 !== undefined ? { formula2: r.formula2 } : {}) };
      return r.type === 'wholeNumber' ? { wholeNumber: basic } : r.type === 'decimal' ? { decimal: basic } : { textLength: basic };
    }
  }
}

function applyValidation(dv: XlDataValidation, v: ValidationSpec): void {
  dv.rule = ruleOf(v.rule);
  dv.ignoreBlanks = v.ignoreBlanks;
  dv.errorAlert = { showAlert: v.error.show, style: v.error.style, title: v.error.title, message: v.error.message };
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
}

function printSetup(p: NonNullable<SheetSpec['print']>): ((ws: XlWorksheet) => void)[] {
  const out: ((ws: XlWorksheet) => void)[] = [];
  if (p.printArea) {
    const area = p.printArea;
    out.push((ws) => ws.pageLayout.setPrintArea(area));
  }
  if (p.orientation) {
    const o = p.orientation;
    out.push((ws) => void (ws.pageLayout.orientation = o));
  }
  if (p.paperSize) {
    const s = p.paperSize;
    out.push((ws) => void (ws.pageLayout.paperSize = s));
  }
  if (p.centerHorizontally !== undefined) {
    const c = p.centerHorizontally;
    out.push((ws) => void (ws.pageLayout.centerHorizontally = c));
  }
  if (p.centerVertically !== undefined) {
    const c = p.centerVertically;
    out.push((ws) => void (ws.pageLayout.centerVertically = c));
  }
  if (p.margins) {
    const m = p.margins;
    out.push((ws) => {
      const l = ws.pageLayout;
      l.leftMargin = m.left;
      l.rightMargin = m.right;
      l.topMargin = m.top;
      l.bottomMargin = m.bottom;
      l.headerMargin = m.header;
      l.footerMargin = m.footer;
    });
  }
  // Last: the zoom is where Excel builds differ most.
  if (p.fitToPages) {
    const f = p.fitToPages;
    out.push((ws) => void (ws.pageLayout.zoom = { horizontalFitToPages: f.wide, verticalFitToPages: f.tall }));
  } else if (p.scale !== undefined) {
    const s = p.scale;
    out.push((ws) => void (ws.pageLayout.zoom = { scale: s }));
  }
  return out;
}

