/**
 * A worksheet described as plain data: what render-sheet.ts needs to rebuild a template sheet with Office.js
 * calls of ExcelApi 1.9, on an Excel that cannot insert a whole .xlsx (`insertWorksheetsFromBase64`, ExcelApi
 * 1.13). Plain JSON — no ExcelJS, no proxies — so the ExcelJS converter (src/xlsx/template-spec.ts) stays in
 * the lazily loaded template chunk and the renderer (src/excel/render-sheet.ts) in the Excel host's chunk, and tests can compare specs.
 *
 * Units and conventions:
 * - addresses are A1 on the sheet itself (`B3`, `A2:L2`), no sheet name;
 * - `values` follow Office.js `Range.formulas`: `=…` is a formula, a leading apostrophe keeps text as text (it is
 *   not part of the value), anything else is typed as it stands — the converter escapes text Excel would read
 *   as a number, date, boolean or formula;
 * - column widths are in characters of the workbook's default font (the .xlsx / ExcelJS unit, ECMA-376
 *   §18.3.1.13); the renderer converts them to points. Row heights and margins are in points;
 * - colours are `#RRGGBB`; enumerations use Office.js names (`'Center'`, `'Continuous'`, `'Stop'` …).
 */
import type { RangeRef } from './grid';

export type SpecValue = string | number | boolean;

export type HorizontalAlignment = 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed';
export type VerticalAlignment = 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';

export interface FontSpec {
  name?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  underline?: 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant';
  strikethrough?: boolean;
}

/** The look of a set of cells, like a cell style. Only what is set is applied; the rest keeps Excel's default. */
export interface CellFormatSpec {
  font?: FontSpec;
  horizontal?: HorizontalAlignment;
  vertical?: VerticalAlignment;
  wrap?: boolean;
  /** Indent level (0–250), with a left or right alignment. */
  indent?: number;
  /** Solid fill colour. */
  fill?: string;
}

export type EdgeName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
export type BorderLineStyle = 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';
export type BorderWeight = 'Hairline' | 'Thin' | 'Medium' | 'Thick';

/** The same line on the given edges of one range (`InsideHorizontal` / `InsideVertical`: between its cells). */
export interface BorderSpec {
  range: string;
  edges: EdgeName[];
  style: BorderLineStyle;
  weight: BorderWeight;
  color?: string;
}

export type ValidationOperator = 'Between' | 'NotBetween' | 'EqualTo' | 'NotEqualTo' | 'GreaterThan' | 'LessThan' | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo';

/**
 * A data-validation rule. Formulas carry their `=` and are relative to the top-left cell of the validation's
 * first range (as in the .xlsx and in Excel's dialog).
 */
export type ValidationRuleSpec =
  /** A dropdown: literal `values`, or `source`, a formula such as `=$N$1:$N$9` on the same sheet. */
  | { type: 'list'; values?: string[]; source?: string; inCellDropDown: boolean }
  | { type: 'custom'; formula: string }
  | { type: 'wholeNumber' | 'decimal' | 'textLength'; operator: ValidationOperator; formula1: number | string; formula2?: number | string };

export interface ValidationSpec {
  /** A1 ranges the rule applies to; usually one. */
  ranges: string[];
  rule: ValidationRuleSpec;
  /** Blank cells pass (`allowBlank` in the .xlsx). */
  ignoreBlanks: boolean;
  /** The error shown on a rejected entry; with `show: false` Excel accepts anything silently. */
  error: { show: boolean; style: 'Stop' | 'Warning' | 'Information'; title: string; message: string };
  /** The input message shown when a cell is selected. */
  prompt?: { title: string; message: string };
}

export interface PrintSpec {
  orientation?: 'Portrait' | 'Landscape';
  /** Office.js paper name (`'A4'`). */
  paperSize?: string;
  centerHorizontally?: boolean;
  centerVertically?: boolean;
  /** Points. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** `A1:L38`. */
  printArea?: string;
  /** Fit to pages (0 = as many as needed in that direction) or a percentage scale. */
  fitToPages?: { wide: number; tall: number };
  scale?: number;
}

export interface SheetSpec {
  /** Preferred name; the renderer appends ` (2)`, ` (3)` … when the workbook already has it. */
  name: string;
  /** Size of the area `values` and `numberFormats` cover, from A1. */
  rowCount: number;
  columnCount: number;
  /** rowCount × columnCount; `''` is an empty cell. See the conventions above. */
  values: SpecValue[][];
  /** rowCount × columnCount; null = General. `'@'` (text) is applied before the values. */
  numberFormats: (string | null)[][];
  /** Merged areas (`A2:L2`). */
  merges: string[];
  /** Column widths in characters (see above), by 0-based column; null = the sheet's default. */
  columnWidths: (number | null)[];
  hiddenColumns?: number[];
  /** Row heights in points, by 0-based row; null = automatic. */
  rowHeights: (number | null)[];
  hiddenRows?: number[];
  formats: { ranges: string[]; format: CellFormatSpec }[];
  borders: BorderSpec[];
  validations: ValidationSpec[];
  print?: PrintSpec;
  /** What the source had that this spec does not carry (for the record; the sheet works without it). */
  omitted?: string[];
}

// ------------------------------------------------------------------------------------------------- helpers

/**
 * Cover a set of cells (any order, duplicates allowed) with few rectangles: runs along each row, stacked while
 * consecutive rows have a run with the same columns. Exact: every cell once, no other cell.
 */
export function cellsToRects(cells: Iterable<{ row: number; col: number }>): RangeRef[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let a = byRow.get(row);
    if (!a) byRow.set(row, (a = new Set()));
    a.add(col);
  }
  let open = new Map<string, RangeRef>(); // `left:right` → rectangle still growing downwards
  const out: RangeRef[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...byRow.get(row)!].sort((a, b) => a - b);
    const next = new Map<string, RangeRef>();
    let i = 0;
    while (i < cols.length) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const k = `${cols[i]}:${cols[j]}`;
      const r = open.get(k);
      if (r && r.bottom + 1 === row) {
        r.bottom = row;
        next.set(k, r);
      } else {
        const fresh = { top: row, left: cols[i], bottom: row, right: cols[j] };
        out.push(fresh);
        next.set(k, fresh);
      }
      i = j + 1;
    }
    open = next;
  }
  return out;
}
