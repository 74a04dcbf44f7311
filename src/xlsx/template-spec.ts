/**
 * The blank templates as SheetSpecs (src/core/sheet-spec.ts), for an Excel without insertWorksheetsFromBase64
 * (ExcelApi 1.13): the host rebuilds the sheet cell by cell (src/excel/render-sheet.ts). It sits beside
 * from-exceljs.ts (ExcelJS → grid) as ExcelJS → sheet spec; the task pane imports it only through a dynamic
 * import() (src/taskpane/template-payload.ts), so ExcelJS stays out of the pane's first download.
 *
 * The templates are written once, with ExcelJS (src/xlsx/template.ts); `sheetSpecFromWorksheet` turns any ExcelJS
 * worksheet into a spec, so every template kind the writer builds works on both paths. Carried over: values and
 * formulas, number formats, merges, column widths and row heights (and hidden ones), fonts, alignment, indent, wrap,
 * solid fills, borders, data validation (list, custom, whole number, decimal, text length, with their error and
 * input messages) and print setup. What a worksheet has beyond that is named in `spec.omitted`.
 */
import type ExcelJS from 'exceljs';
import { a1Range, parseA1Range, type RangeRef } from '../core/grid';
import {
  cellsToRects,
  type BorderLineStyle,
  type BorderSpec,
  type BorderWeight,
  type CellFormatSpec,
  type EdgeName,
  type FontSpec,
  type HorizontalAlignment,
  type PrintSpec,
  type SheetSpec,
  type SpecValue,
  type ValidationOperator,
  type ValidationRuleSpec,
  type ValidationSpec,
  type VerticalAlignment,
} from '../core/sheet-spec';
import { typedAsText } from '../excel/values';
import { buildTemplateWorkbook, type Annex3TemplateOptions } from './template';

/** The first visible worksheet of template `kind` (any kind of src/xlsx/template.ts), as a SheetSpec. */
export async function templateSpec(kind: string, opts: Annex3TemplateOptions = {}): Promise<SheetSpec> {
  const wb = buildTemplateWorkbook(kind, opts);
  const ws = wb.worksheets.find((s) => s.state === undefined || s.state === 'visible') ?? wb.worksheets[0];
  return sheetSpecFromWorksheet(ws);
}

// ------------------------------------------------------------------------------------------------ converter

type Cell = ExcelJS.Cell;

interface CellAt {
  row: number;
  col: number;
}

/** ExcelJS colour → `#RRGGBB`; undefined for theme / indexed colours (noted in `omitted`). */
function rgb(color: Partial<ExcelJS.Color> | undefined, omit: (what: string) => void): string | undefined {
  if (!color) return undefined;
  const argb = color.argb;
  if (typeof argb === 'string' && /^[0-9a-f]{8}$/i.test(argb)) return `#${argb.slice(2).toUpperCase()}`;
  if (typeof argb === 'string' && /^[0-9a-f]{6}$/i.test(argb)) return `#${argb.toUpperCase()}`;
  omit('theme or indexed colours');
  return undefined;
}

const HORIZONTAL: Record<string, HorizontalAlignment> = {
  general: 'General',
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerContinuous: 'CenterAcrossSelection',
  distributed: 'Distributed',
};
const VERTICAL: Record<string, VerticalAlignment> = { top: 'Top', middle: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' };
const UNDERLINE: Record<string, FontSpec['underline']> = {
  true: 'Single',
  single: 'Single',
  double: 'Double',
  singleAccounting: 'SingleAccountant',
  doubleAccounting: 'DoubleAccountant',
};
/** .xlsx border styles as Office.js line style and weight. */
const BORDER: Record<string, [BorderLineStyle, BorderWeight]> = {
  hair: ['Continuous', 'Hairline'],
  thin: ['Continuous', 'Thin'],
  medium: ['Continuous', 'Medium'],
  thick: ['Continuous', 'Thick'],
  dotted: ['Dot', 'Thin'],
  dashed: ['Dash', 'Thin'],
  dashDot: ['DashDot', 'Thin'],
  dashDotDot: ['DashDotDot', 'Thin'],
  double: ['Double', 'Thick'],
  mediumDashed: ['Dash', 'Medium'],
  mediumDashDot: ['DashDot', 'Medium'],
  mediumDashDotDot: ['DashDotDot', 'Medium'],
  slantDashDot: ['SlantDashDot', 'Medium'],
};
const OPERATOR: Record<string, ValidationOperator> = {
  between: 'Between',
  notBetween: 'NotBetween',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThanOrEqual: 'LessThanOrEqualTo',
};
/** ExcelJS / .xlsx paper size codes (ECMA-376 §18.3.1.63) → Office.js paper names. */
const PAPER: Record<number, string> = { 1: 'Letter', 3: 'Tabloid', 5: 'Legal', 8: 'A3', 9: 'A4', 11: 'A5', 12: 'B4', 13: 'B5' };

/**
 * What to type into a cell for an ExcelJS value (Range.formulas conventions, see sheet-spec.ts). In a text cell
 * (`@`) everything typed stays text; elsewhere text that Excel would read as something else gets an apostrophe.
 */
function cellInput(cell: Cell, textCell: boolean, omit: (what: string) => void): SpecValue {
  const text = (s: string): string => {
    if (textCell) return s;
    if (/^[=+\-@]/.test(s) && !/^[-+]?\d/.test(s)) return `'${s}`; // would be typed as a formula
    return String(typedAsText(s));
  };
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return text(v);
  if (v instanceof Date) {
    // Excel serial day, 1900 system (serials up to 60 sit before Excel's phantom 29 February 1900).
    const serial = v.getTime() / 86400000 + 25569;
    return serial < 61 ? serial - 1 : serial;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const f = cell.formula;
      if (typeof f === 'string' && f !== '') return `=${f}`;
      omit('formulas without formula text');
      return o.result === undefined || o.result === null || typeof o.result === 'object' ? '' : (o.result as SpecValue);
    }
    if (Array.isArray(o.richText)) {
      omit('rich text formatting inside cells');
      return text((o.richText as { text?: string }[]).map((t) => t.text ?? '').join(''));
    }
    if ('hyperlink' in o) {
      omit('hyperlinks');
      return text(String(o.text ?? o.hyperlink ?? ''));
    }
    if (typeof o.error === 'string') return o.error; // `#N/A` typed is the error value
  }
  return text(String(v));
}

function fontSpec(f: Partial<ExcelJS.Font> | undefined, omit: (what: string) => void): FontSpec | undefined {
  if (!f) return undefined;
  const out: FontSpec = {};
  if (f.name) out.name = f.name;
  if (typeof f.size === 'number') out.size = f.size;
  if (f.bold) out.bold = true;
  if (f.italic) out.italic = true;
  if (f.strike) out.strikethrough = true;
  if (f.underline) {
    const u = UNDERLINE[String(f.underline)];
    if (u) out.underline = u;
  }
  const color = rgb(f.color, omit);
  if (color) out.color = color;
  return Object.keys(out).length ? out : undefined;
}

function formatSpec(cell: Cell, omit: (what: string) => void): CellFormatSpec | undefined {
  const out: CellFormatSpec = {};
  const font = fontSpec(cell.font, omit);
  if (font) out.font = font;
  const a = cell.alignment;
  if (a) {
    if (a.horizontal && HORIZONTAL[a.horizontal]) out.horizontal = HORIZONTAL[a.horizontal];
    if (a.vertical && VERTICAL[a.vertical]) out.vertical = VERTICAL[a.vertical];
    if (a.wrapText) out.wrap = true;
    if (typeof a.indent === 'number' && a.indent > 0) out.indent = Math.min(250, Math.round(a.indent));
    if (a.textRotation || a.shrinkToFit) omit('text rotation and shrink-to-fit');
  }
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const c = rgb(fill.fgColor, omit);
    if (c) out.fill = c;
  } else if (fill && !(fill.type === 'pattern' && fill.pattern === 'none')) {
    omit('patterned and gradient fills');
  }
  return Object.keys(out).length ? out : undefined;
}

/** Runs of consecutive indexes: [[from, to], …]. */
function indexRuns(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] + 1 === i) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

const SIDES = ['top', 'bottom', 'left', 'right'] as const;
type Side = (typeof SIDES)[number];
const EDGE: Record<Side, EdgeName> = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' };

/**
 * Borders as few ranges as possible: rectangles of cells boxed on all four sides with the same line get the
 * four edges and the inside lines in one go (a bordered table is one range); any other side goes by runs —
 * top/bottom along a row, left/right down a column.
 */
function borderSpecs(cells: Map<string, { at: CellAt; border: Partial<ExcelJS.Borders> }>, omit: (what: string) => void): BorderSpec[] {
  const lineOf = (b: Partial<ExcelJS.Border> | undefined): string | null => {
    if (!b || !b.style) return null;
    const sc = BORDER[b.style];
    if (!sc) return null;
    const color = rgb(b.color, omit);
    return `${sc[0]}|${sc[1]}|${color ?? ''}`;
  };
  const spec = (key: string, range: string, edges: EdgeName[]): BorderSpec => {
    const [style, weight, color] = key.split('|');
    return { range, edges, style: style as BorderLineStyle, weight: weight as BorderWeight, ...(color ? { color } : {}) };
  };
  const boxed = new Map<string, CellAt[]>();
  const sides = new Map<string, CellAt[]>(); // `${side}|${line}` → cells
  for (const { at, border } of cells.values()) {
    if (border.diagonal && (border.diagonal.up || border.diagonal.down) && border.diagonal.style) omit('diagonal borders');
    const lines = SIDES.map((s) => lineOf(border[s]));
    if (lines[0] && lines.every((l) => l === lines[0])) {
      let a = boxed.get(lines[0]);
      if (!a) boxed.set(lines[0], (a = []));
      a.push(at);
      continue;
    }
    SIDES.forEach((s, i) => {
      const l = lines[i];
      if (!l) return;
      const k = `${s}|${l}`;
      let a = sides.get(k);
      if (!a) sides.set(k, (a = []));
      a.push(at);
    });
  }
  const out: BorderSpec[] = [];
  for (const [line, list] of boxed) {
    for (const r of cellsToRects(list)) {
      const edges: EdgeName[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (r.bottom > r.top) edges.push('InsideHorizontal');
      if (r.right > r.left) edges.push('InsideVertical');
      out.push(spec(line, a1Range(r), edges));
    }
  }
  for (const [k, list] of sides) {
    const i = k.indexOf('|');
    const side = k.slice(0, i) as Side;
    const line = k.slice(i + 1);
    const along = side === 'top' || side === 'bottom';
    const groups = new Map<number, number[]>();
    for (const c of list) {
      const g = along ? c.row : c.col;
      let a = groups.get(g);
      if (!a) groups.set(g, (a = []));
      a.push(along ? c.col : c.row);
    }
    for (const [g, idx] of groups) {
      for (const [from, to] of indexRuns([...idx].sort((a, b) => a - b))) {
        const r: RangeRef = along ? { top: g, bottom: g, left: from, right: to } : { top: from, bottom: to, left: g, right: g };
        out.push(spec(line, a1Range(r), [EDGE[side]]));
      }
    }
  }
  return out;
}

/** Split `'_lists'!$A$1:$A$7` into sheet name and range; null when it is not a plain reference. */
function reference(formula: string): { sheet?: string; range: RangeRef } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(formula.trim().replace(/^=/, ''));
  if (!m) return null;
  try {
    return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range: parseA1Range(m[3]) };
  } catch {
    return null;
  }
}

function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result ?? '');
  if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(cell.text ?? v);
}

function listRule(formula: unknown, ws: ExcelJS.Worksheet, omit: (what: string) => void): ValidationRuleSpec | null {
  if (typeof formula !== 'string') return null;
  const literal = /^"([\s\S]*)"$/.exec(formula.trim());
  if (literal) return { type: 'list', values: literal[1].split(','), inCellDropDown: true };
  const ref = reference(formula);
  if (ref && (ref.sheet === undefined || ref.sheet.toLowerCase() === ws.name.toLowerCase())) {
    return { type: 'list', source: `=${formula.trim().replace(/^=/, '').replace(/^[^!]*!/, '')}`, inCellDropDown: true };
  }
  const other = ref?.sheet !== undefined ? ws.workbook.getWorksheet(ref.sheet) : undefined;
  if (ref && other) {
    // A list on a helper sheet (template.ts puts long unit-type lists on `_lists`): carried as its values.
    const values: string[] = [];
    for (let r = ref.range.top; r <= ref.range.bottom; r++) {
      for (let c = ref.range.left; c <= ref.range.right; c++) {
        const t = cellText(other.findCell(r + 1, c + 1));
        if (t !== '') values.push(t);
      }
    }
    return { type: 'list', values, inCellDropDown: true };
  }
  omit(`list validations from ${formula}`);
  return null;
}

function basicFormula(f: unknown): number | string | undefined {
  if (typeof f === 'number') return f;
  if (f instanceof Date) return undefined;
  if (typeof f === 'string' && f.trim() !== '') return /^[-+]?\d+(\.\d+)?$/.test(f.trim()) ? Number(f) : `=${f.replace(/^=/, '')}`;
  return undefined;
}

function validationSpecs(ws: ExcelJS.Worksheet, omit: (what: string) => void): ValidationSpec[] {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations?.model ?? {};
  // One rule may sit under many keys (ExcelJS reading a file keys it by every cell): group by the rule object.
  const groups = new Map<ExcelJS.DataValidation, RangeRef[]>();
  for (const [key, dv] of Object.entries(model)) {
    if (!dv) continue;
    for (const part of key.trim().split(/\s+/)) {
      try {
        const r = parseA1Range(part.replace(/\$/g, ''));
        let a = groups.get(dv);
        if (!a) groups.set(dv, (a = []));
        a.push(r);
      } catch {
        omit(`data validation on ${part}`);
      }
    }
  }
  const out: (ValidationSpec & { at: RangeRef })[] = [];
  for (const [dv, refs] of groups) {
    let rule: ValidationRuleSpec | null = null;
    const f = dv.formulae ?? [];
    switch (dv.type) {
      case 'list':
        rule = listRule(f[0], ws, omit);
        break;
      case 'custom':
        rule = typeof f[0] === 'string' && f[0] !== '' ? { type: 'custom', formula: `=${f[0].replace(/^=/, '')}` } : null;
        break;
      case 'whole':
      case 'decimal':
      case 'textLength': {
        const f1 = basicFormula(f[0]);
        const f2 = basicFormula(f[1]);
        const operator = OPERATOR[dv.operator ?? 'between'];
        const two = operator === 'Between' || operator === 'NotBetween';
        if (f1 !== undefined && operator && (!two || f2 !== undefined)) {
          rule = { type: dv.type === 'whole' ? 'wholeNumber' : dv.type, operator, formula1: f1, ...(two ? { formula2: f2 } : {}) };
        }
        break;
      }
      default:
        omit(`${String(dv.type)} validations`);
        continue;
    }
    if (!rule) continue;
    // Several keys: cover their cells exactly (the first range's top-left is where relative references point).
    const rects = refs.length === 1 ? refs : mergeRefs(refs);
    const ranges = rects.map(a1Range);
    const style = dv.errorStyle === 'warning' ? 'Warning' : dv.errorStyle === 'information' ? 'Information' : 'Stop';
    out.push({
      at: rects[0],
      ranges,
      rule,
      ignoreBlanks: dv.allowBlank === true,
      error: { show: dv.showErrorMessage === true, style, title: dv.errorTitle ?? '', message: dv.error ?? '' },
      ...(dv.showInputMessage ? { prompt: { title: dv.promptTitle ?? '', message: dv.prompt ?? '' } } : {}),
    });
  }
  // In sheet order (top to bottom, left to right), whatever order the source kept them in.
  out.sort((x, y) => x.at.top - y.at.top || x.at.left - y.at.left);
  return out.map((v) => {
    const { at, ...rest } = v;
    void at;
    return rest;
  });
}

function mergeRefs(refs: readonly RangeRef[]): RangeRef[] {
  const cells: CellAt[] = [];
  for (const r of refs) for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) cells.push({ row: i, col: j });
  return cellsToRects(cells);
}

function printSpec(ws: ExcelJS.Worksheet, omit: (what: string) => void): PrintSpec | undefined {
  const p = ws.pageSetup as Partial<ExcelJS.PageSetup> | undefined;
  if (!p) return undefined;
  const out: PrintSpec = {};
  if (p.orientation === 'landscape') out.orientation = 'Landscape';
  if (typeof p.paperSize === 'number') {
    if (PAPER[p.paperSize]) out.paperSize = PAPER[p.paperSize];
    else omit(`paper size ${p.paperSize}`);
  }
  if (p.horizontalCentered) out.centerHorizontally = true;
  if (p.verticalCentered) out.centerVertically = true;
  const m = p.margins;
  const DEFAULT = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  if (m && (Object.keys(DEFAULT) as (keyof typeof DEFAULT)[]).some((k) => m[k] !== undefined && m[k] !== DEFAULT[k])) {
    const pt = (k: keyof typeof DEFAULT) => Math.round((m[k] ?? DEFAULT[k]) * 72 * 100) / 100;
    out.margins = { left: pt('left'), right: pt('right'), top: pt('top'), bottom: pt('bottom'), header: pt('header'), footer: pt('footer') };
  }
  if (p.printArea) {
    const area = String(p.printArea).replace(/\$/g, '');
    try {
      parseA1Range(area);
      out.printArea = area;
    } catch {
      omit(`print area ${p.printArea}`);
    }
  }
  if (p.fitToPage) out.fitToPages = { wide: p.fitToWidth ?? 1, tall: p.fitToHeight ?? 1 };
  else if (typeof p.scale === 'number' && p.scale !== 100) out.scale = p.scale;
  if (p.printTitlesRow || p.printTitlesColumn) omit('print titles');
  return Object.keys(out).length ? out : undefined;
}

/** Any ExcelJS worksheet → SheetSpec (see the module comment for what is carried over). */
export function sheetSpecFromWorksheet(ws: ExcelJS.Worksheet): SheetSpec {
  const omitted = new Set<string>();
  const omit = (what: string) => void omitted.add(what);

  const rowCount = ws.rowCount;
  let columnCount = 0;
  for (let r = 1; r <= rowCount; r++) columnCount = Math.max(columnCount, ws.findRow(r)?.cellCount ?? 0);

  const values: SpecValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formats = new Map<string, { format: CellFormatSpec; cells: CellAt[] }>();
  const borders = new Map<string, { at: CellAt; border: Partial<ExcelJS.Borders> }>();
  for (let r = 0; r < rowCount; r++) {
    const vrow: SpecValue[] = new Array(columnCount).fill('');
    const frow: (string | null)[] = new Array(columnCount).fill(null);
    const row = ws.findRow(r + 1);
    for (let c = 0; c < columnCount && row; c++) {
      const cell = row.findCell(c + 1);
      if (!cell) continue;
      const nf = cell.numFmt;
      const fmt = nf && nf !== 'General' ? nf : null;
      // Only the top-left cell of a merged area holds the value (ExcelJS echoes it in every cell).
      if (cell.master === cell || cell.master.address === cell.address) vrow[c] = cellInput(cell, fmt === '@', omit);
      frow[c] = cell.value instanceof Date && !fmt ? 'yyyy-mm-dd' : fmt;
      const f = formatSpec(cell, omit);
      if (f) {
        const k = JSON.stringify(f);
        let g = formats.get(k);
        if (!g) formats.set(k, (g = { format: f, cells: [] }));
        g.cells.push({ row: r, col: c });
      }
      if (cell.border && Object.keys(cell.border).length) borders.set(`${r}:${c}`, { at: { row: r, col: c }, border: cell.border });
      if (cell.note) omit('cell notes');
    }
    values.push(vrow);
    numberFormats.push(frow);
  }

  const columnWidths: (number | null)[] = [];
  const hiddenColumns: number[] = [];
  const nCols = Math.max(columnCount, (ws.columns ?? []).length);
  for (let c = 0; c < nCols; c++) {
    const col = ws.getColumn(c + 1);
    columnWidths.push(typeof col.width === 'number' ? col.width : null);
    if (col.hidden) hiddenColumns.push(c);
  }
  const rowHeights: (number | null)[] = [];
  const hiddenRows: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = ws.findRow(r + 1);
    rowHeights.push(row && typeof row.height === 'number' ? row.height : null);
    if (row?.hidden) hiddenRows.push(r);
  }

  const model = ws.model as unknown as { merges?: string[] };
  const merges = (model.merges ?? []).map((m) => m.replace(/\$/g, ''));

  if (((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []).length) omit('conditional formatting');
  if (ws.getImages().length) omit('images');
  if ((ws.views ?? []).some((v) => v.state === 'frozen' || v.state === 'split')) omit('frozen panes');
  if (ws.autoFilter) omit('auto filter');
  if (Object.keys((ws as unknown as { tables?: object }).tables ?? {}).length) omit('tables');
  const hf = ws.headerFooter as Partial<ExcelJS.HeaderFooter> | undefined;
  if (hf && (hf.oddHeader || hf.oddFooter || hf.evenHeader || hf.evenFooter || hf.firstHeader || hf.firstFooter)) omit('print headers and footers');
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) omit('sheet protection');
  if (ws.properties?.tabColor) omit('tab colour');

  const print = printSpec(ws, omit);
  const spec: SheetSpec = {
    name: ws.name,
    rowCount,
    columnCount,
    values,
    numberFormats,
    merges,
    columnWidths,
    rowHeights,
    formats: [...formats.values()].map((g) => ({ ranges: cellsToRects(g.cells).map(a1Range), format: g.format })),
    borders: borderSpecs(borders, omit),
    validations: validationSpecs(ws, omit),
  };
  if (hiddenColumns.length) spec.hiddenColumns = hiddenColumns;
  if (hiddenRows.length) spec.hiddenRows = hiddenRows;
  if (print) spec.print = print;
  if (omitted.size) spec.omitted = [...omitted].sort();
  return spec;
}
