/**
 * A strict in-memory fake of the slice of Office.js `Excel` that src/excel/ uses (src/excel/excel-like.ts): the
 * request side (proxies, load/sync) over the workbook of test/fakes/excel-model.ts. Host tests go through
 * Microsoft's own client instead (test/fakes/office-client.ts), which plays its requests on these proxies as the
 * server; the direct use stays for notes (the client predates them) and for tests of the fake itself.
 *
 * Like the real API:
 *  - every proxy call only queues work; `context.sync()` sends it. Object paths are resolved at sync time, so a
 *    `getItem` of a missing sheet fails at the sync (ItemNotFound), not at the call.
 *  - a property can be read only after it was `load`ed and synced (else PropertyNotLoaded); a `ClientResult`'s
 *    `value` only after the sync; `isNullObject` of an `…OrNullObject` proxy after the next sync.
 *  - queued actions run in order; the first failing one stops the batch (earlier writes stay applied) and loads
 *    of that batch are not delivered.
 *  - each sync's request and response are measured as the UTF-8 length of an Office.js-like JSON envelope
 *    (object paths + actions; results), and a request/response over the configured limit (5 MB by default, as
 *    Excel on the web) fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded. A single
 *    range read over `cellReadLimit` cells (5,000,000) fails with RangeExceedsLimit.
 *  - writing values behaves like typing: number-like text becomes a number (15 significant digits) unless the
 *    cell is formatted '@'; a leading apostrophe forces text; `null` in a values array leaves the cell alone.
 *  - a cell holds either a note or a threaded comment, never both.
 *  - API members newer than the configured `apiVersion` fail at sync with ApiNotFound.
 *  - cell formats (font, alignment, wrap, borders), column widths / row heights, merges, data validation and
 *    page layout keep what was set; values outside the API's enumerations and limits fail with InvalidArgument,
 *    and reading any of them needs a load like every other property. Merging keeps the upper-left value only.
 * Not modelled: formulas are stored as their text (not calculated); dates typed as text stay text; borders are
 * kept per cell side (Excel's shared edge between two cells is two sides here).
 */
import type {
  ExcelLike,
  XlCellProperties,
  XlCellPropertiesLoadOptions,
  XlClientResult,
  XlComment,
  XlCommentCollection,
  XlContext,
  XlInsertWorksheetOptions,
  XlNote,
  XlNoteCollection,
  XlRange,
  XlRangeAreas,
  XlRangeFill,
  XlRangeFormat,
  XlBorderIndex,
  XlDataValidation,
  XlDataValidationErrorAlert,
  XlDataValidationPrompt,
  XlDataValidationRule,
  XlPageLayout,
  XlRangeBorder,
  XlRangeBorderCollection,
  XlRangeFont,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../../src/excel/excel-like';

/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors the real API's any[][] cell arrays */

import {
  DEFAULT_FONT,
  FakeBorder,
  FakeCell,
  FakeComment,
  FakeFill,
  FakeFont,
  FakeNote,
  FakeOfficeError,
  FakePageSetup,
  FakeSheet,
  FakeSide,
  FakeValidation,
  FakeValue,
  FakeWorkbook,
  MAX_COLS,
  MAX_ROWS,
  MB,
  NO_BORDER,
  NO_FILL,
  NO_VALIDATION,
  PATTERNS,
  Rect,
  checkRect,
  checkSheetName,
  parseRect,
  quoteSheet,
  rectA1,
  splitAreas,
  splitSheet,
  utf8,
  versionAtLeast,
} from './excel-model';

export * from './excel-model';

// ---------------------------------------------------------------------------------------------- proxies

interface Op {
  id: number;
  /** ActionType as in the Office.js wire format: 1 instantiate, 2 query (load), 3 method, 4 set property. */
  type: 1 | 2 | 3 | 4;
  proxy: ProxyBase;
  name: string;
  args?: unknown[];
  /** Requirement-set version this action needs. */
  requires?: string;
  /** Runs the action; returns the JSON value carried back in the response (loads and ClientResults). */
  exec(): unknown;
  /** Delivers the response value after a successful sync (loads, ClientResults). */
  deliver?(value: unknown): void;
}

abstract class ProxyBase {
  readonly _id: number;
  protected _loaded = new Map<string, unknown>();
  private _resolved = false;
  private _target: unknown = undefined;
  constructor(
    readonly _ctx: FakeContext,
    readonly _parent: ProxyBase | null,
    readonly _pathName: string,
    readonly _pathArgs: unknown[] = [],
    /** Whether the object is created by its own instantiate action (false for objects made by a method action). */
    instantiate = true,
    readonly _requires?: string,
  ) {
    this._id = _ctx._nextId();
    if (instantiate) {
      _ctx._queue({ type: 1, proxy: this, name: '', requires: _requires, exec: () => void this._t() });
    }
  }
  /** The object this proxy designates; resolved once, at the first sync that uses it. */
  _t(): any {
    if (!this._resolved) {
      this._target = this._resolve();
      this._resolved = true;
      if (this._nullable) this._loaded.set('isNullObject', this._target === null);
    }
    return this._target;
  }
  _setTarget(t: unknown): void {
    this._target = t;
    this._resolved = true;
  }
  /** Resolved again in every request that uses it (an item addressed by index, like Office.js's GetItemAt). */
  _perRequest = false;
  _unresolve(): void {
    this._resolved = false;
  }
  protected get _nullable(): boolean {
    return false;
  }
  /** Like `_t()`, but a null object here is an error (calls on a null object fail like the real API). */
  _req(): any {
    const t = this._t();
    if (t === null) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this._pathName}).`);
    return t;
  }
  protected abstract _resolve(): unknown;
  protected abstract _props(target: any, prop: string): unknown;

  protected _read<T>(prop: string): T {
    if (!this._loaded.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    if (!this._nullable) return this._loaded.has('__synced') ? false : this._read<boolean>('isNullObject');
    return this._read<boolean>('isNullObject');
  }
  /** Queue a load of scalar properties (comma-separated string or array). */
  _load(propertyNames?: string | string[]): void {
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(','))
      .map((s) => s.trim())
      .filter((s) => s !== '');
    this._ctx._queue({
      type: 2,
      proxy: this,
      name: 'load',
      args: [names],
      exec: () => {
        const t = this._t();
        if (t === null) return {}; // loading a null object is allowed; nothing arrives
        const out: Record<string, unknown> = {};
        for (const n of names) out[n] = this._props(t, n);
        return out;
      },
      deliver: (v) => {
        const o = v as Record<string, unknown>;
        for (const k of Object.keys(o)) this._loaded.set(k, o[k]);
        this._loaded.set('__synced', true);
      },
    });
  }
  _set(name: string, value: unknown, apply: (t: any) => void, requires?: string): void {
    this._ctx._queue({ type: 4, proxy: this, name, args: [value], requires, exec: () => apply(this._req()) });
  }
  _call(name: string, args: unknown[], apply: (t: any) => unknown, requires?: string): void {
    this._ctx._queue({ type: 3, proxy: this, name, args, requires, exec: () => void apply(this._req()) });
  }
  /** Collections deliver their items already loaded. */
  _preload(o: Record<string, unknown>, names: string[]): void {
    for (const n of names) if (n in o) this._loaded.set(n, o[n]);
    this._loaded.set('__synced', true);
  }
  _pathJson(): unknown {
    return {
      Id: this._id,
      ObjectPathType: this._parent ? 3 : 1,
      Name: this._pathName,
      ParentObjectPathId: this._parent?._id,
      ArgumentInfo: this._pathArgs.length ? { Arguments: this._pathArgs } : undefined,
    };
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function liveSheet(wb: FakeWorkbook, s: FakeSheet): FakeSheet {
  if (!wb.sheets.includes(s)) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
  return s;
}

function cellArrays(t: RangeTarget, prop: 'values' | 'formulas' | 'valueTypes' | 'numberFormat'): unknown[][] {
  const out: unknown[][] = [];
  const { top, left, rows, cols } = t.rect;
  for (let i = 0; i < rows; i++) {
    const src = t.sheet.rows[top + i];
    const row = new Array<unknown>(cols);
    for (let j = 0; j < cols; j++) {
      const c = src?.[left + j];
      if (prop === 'values' || prop === 'formulas') row[j] = c && c.value !== null ? c.value : ''; // formulas are kept as their text
      else if (prop === 'numberFormat') row[j] = c?.numberFormat ?? 'General';
      else if (!c || c.value === null || c.value === '') row[j] = 'Empty';
      else if (c.error) row[j] = 'Error';
      else row[j] = typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
    }
    out.push(row);
  }
  return out;
}

/** Typing text into a cell: number-like text becomes a number unless the cell is text-formatted. */
function typed(v: unknown, fmt: string | undefined): { value: FakeValue; formula?: boolean } | null {
  if (v === null || v === undefined) return null; // null leaves the cell unchanged
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'Unsupported cell value.');
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (fmt === '@') return { value: v };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return { value: Number(Number(v.trim()).toPrecision(15)) };
  // Like typing: = starts a formula, and so do + - (Lotus style: "+A1", "-B2") and @ (implicit intersection).
  if (/^[=+\-@]/.test(v) && v.length > 1) return { value: v, formula: true };
  return { value: v };
}

function checkShape(t: RangeTarget, v: unknown, what: string): unknown[][] {
  if (!Array.isArray(v) || v.length !== t.rect.rows || v.some((r) => !Array.isArray(r) || r.length !== t.rect.cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return v as unknown[][];
}

function normColor(c: string): string {
  if (/^#?[0-9a-f]{6}$/i.test(c)) return ('#' + c.replace('#', '')).toUpperCase();
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00', orange: '#FFA500' };
  const n = named[c.toLowerCase()];
  if (!n) throw new FakeOfficeError('InvalidArgument', `Invalid color ${c}.`);
  return n;
}

/** The cells a fill applies to: a range, or every area of a RangeAreas. */
type FillTarget = { sheet: FakeSheet; rects: Rect[] };

function forEachCell(t: FillTarget, f: (cell: FakeCell) => void): void {
  for (const r of t.rects) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) f(t.sheet.ensure(r.top + i, r.left + j));
}

class FakeRangeFill extends ProxyBase implements XlRangeFill {
  constructor(ctx: FakeContext, parent: ProxyBase, private readonly targetOf: () => FillTarget) {
    super(ctx, parent, 'fill');
  }
  protected _resolve(): unknown {
    return this.targetOf();
  }
  protected _props(t: FillTarget, prop: string): unknown {
    const first = t.sheet.cellAt(t.rects[0].top, t.rects[0].left)?.fill ?? NO_FILL;
    if (prop in first) return first[prop as keyof FakeFill];
    throw new FakeOfficeError('InvalidArgument', `Unknown property ${prop}`);
  }
  private upd(name: string, v: unknown, f: (fill: FakeFill) => void, requires?: string) {
    this._set(name, v, (t: FillTarget) => forEachCell(t, (c) => { const fill = { ...(c.fill ?? NO_FILL) }; f(fill); c.fill = fill; }), requires);
  }
  get color(): string {
    return this._read('color');
  }
  set color(v: string) {
    this.upd('Color', v, (f) => {
      f.color = normColor(v);
      if (f.pattern === 'None') f.pattern = 'Solid';
    });
  }
  get pattern(): string {
    return this._read('pattern');
  }
  set pattern(v: string) {
    this.upd('Pattern', v, (f) => {
      if (!PATTERNS.has(v)) throw new FakeOfficeError('InvalidArgument', `Unsupported fill pattern ${v}.`);
      f.pattern = v;
    }, '1.9');
  }
  get patternColor(): string {
    return this._read('patternColor');
  }
  set patternColor(v: string) {
    this.upd('PatternColor', v, (f) => void (f.patternColor = normColor(v)), '1.9');
  }
  get tintAndShade(): number {
    return this._read('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.upd('TintAndShade', v, (f) => void (f.tintAndShade = v), '1.9');
  }
  get patternTintAndShade(): number {
    return this._read('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.upd('PatternTintAndShade', v, (f) => void (f.patternTintAndShade = v), '1.9');
  }
  clear(): void {
    this._call('Clear', [], (t: FillTarget) => forEachCell(t, (c) => void (c.fill = undefined)));
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

/** The one value every cell (or column / row) of a target reports, or null when they differ (as Excel does). */
function uniform<T>(list: readonly T[]): T | null {
  if (list.length === 0) return null;
  const k = JSON.stringify(list[0]);
  return list.every((x) => JSON.stringify(x) === k) ? list[0] : null;
}
function cellsOf(t: FillTarget): { row: number; col: number; cell: FakeCell | undefined }[] {
  const out: { row: number; col: number; cell: FakeCell | undefined }[] = [];
  for (const r of t.rects) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push({ row: r.top + i, col: r.left + j, cell: t.sheet.cellAt(r.top + i, r.left + j) });
  return out;
}
function columnsOf(t: FillTarget): number[] {
  const s = new Set<number>();
  for (const r of t.rects) for (let j = 0; j < r.cols; j++) s.add(r.left + j);
  return [...s];
}
function rowsOf(t: FillTarget): number[] {
  const s = new Set<number>();
  for (const r of t.rects) for (let i = 0; i < r.rows; i++) s.add(r.top + i);
  return [...s];
}
function bad(what: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${what}).`);
}
function oneOf(v: unknown, allowed: readonly string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw bad(`${what} ${String(v)}`);
  return v;
}
function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw bad(`${what} must be a boolean`);
  return v;
}
function num(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw bad(`${what} ${String(v)}`);
  return v;
}

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
const UNDERLINES = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;
const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
const WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;
const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'] as const;
/** Excel's limits: 409 points for a row; 255 characters for a column (≈ 1,790 px of Calibri 11). */
const MAX_ROW_HEIGHT = 409;
const MAX_COLUMN_WIDTH = 1342.5;

/** `range.format` itself: alignment, wrap and sizes (its `fill`, `font` and `borders` are their own proxies). */
class FakeFormatProxy extends ProxyBase {
  constructor(ctx: FakeContext, parent: ProxyBase, private readonly targetOf: () => FillTarget) {
    super(ctx, parent, 'Format');
    Object.preventExtensions(this);
  }
  protected _resolve(): unknown {
    return this.targetOf();
  }
  protected _props(t: FillTarget, prop: string): unknown {
    const cells = () => cellsOf(t).map((x) => x.cell);
    switch (prop) {
      case 'wrapText':
        return uniform(cells().map((c) => c?.wrapText ?? false));
      case 'horizontalAlignment':
        return uniform(cells().map((c) => c?.horizontalAlignment ?? 'General'));
      case 'verticalAlignment':
        return uniform(cells().map((c) => c?.verticalAlignment ?? 'Bottom'));
      case 'indentLevel':
        return uniform(cells().map((c) => c?.indentLevel ?? 0));
      case 'columnWidth':
        return uniform(columnsOf(t).map((c) => t.sheet.columnWidth(c)));
      case 'rowHeight':
        return uniform(rowsOf(t).map((r) => t.sheet.rowHeight(r)));
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown property RangeFormat.${prop}`);
    }
  }
  read<T>(prop: string): T {
    return this._read(prop);
  }
  setCells(name: string, v: unknown, check: (v: unknown) => unknown, apply: (c: FakeCell, v: any) => void, requires?: string): void {
    this._set(name, v, (t: FillTarget) => {
      const ok = check(v);
      forEachCell(t, (c) => apply(c, ok));
    }, requires);
  }
  setSizes(name: string, v: unknown, apply: (t: FillTarget, v: number) => void, max: number): void {
    this._set(name, v, (t: FillTarget) => apply(t, num(v, name, 0, max)));
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

class FakeRangeFont extends ProxyBase implements XlRangeFont {
  constructor(ctx: FakeContext, parent: ProxyBase, private readonly targetOf: () => FillTarget) {
    super(ctx, parent, 'Font');
    Object.preventExtensions(this);
  }
  protected _resolve(): unknown {
    return this.targetOf();
  }
  protected _props(t: FillTarget, prop: string): unknown {
    if (!(prop in DEFAULT_FONT)) throw new FakeOfficeError('InvalidArgument', `Unknown property RangeFont.${prop}`);
    return uniform(cellsOf(t).map((x) => (x.cell?.font ?? DEFAULT_FONT)[prop as keyof FakeFont]));
  }
  private upd<K extends keyof FakeFont>(name: string, key: K, v: unknown, check: (v: unknown) => FakeFont[K], requires?: string): void {
    this._set(name, v, (t: FillTarget) => {
      const ok = check(v);
      forEachCell(t, (c) => void (c.font = { ...(c.font ?? DEFAULT_FONT), [key]: ok }));
    }, requires);
  }
  get bold(): boolean {
    return this._read('bold');
  }
  set bold(v: boolean) {
    this.upd('Bold', 'bold', v, (x) => bool(x, 'bold'));
  }
  get italic(): boolean {
    return this._read('italic');
  }
  set italic(v: boolean) {
    this.upd('Italic', 'italic', v, (x) => bool(x, 'italic'));
  }
  get name(): string {
    return this._read('name');
  }
  set name(v: string) {
    this.upd('Name', 'name', v, (x) => {
      if (typeof x !== 'string' || x.trim() === '' || x.length > 31) throw bad(`font name ${String(x)}`);
      return x;
    });
  }
  get size(): number {
    return this._read('size');
  }
  set size(v: number) {
    this.upd('Size', 'size', v, (x) => num(x, 'font size', 1, 409));
  }
  get color(): string {
    return this._read('color');
  }
  set color(v: string) {
    this.upd('Color', 'color', v, (x) => normColor(String(x)));
  }
  get underline(): string {
    return this._read('underline');
  }
  set underline(v: string) {
    this.upd('Underline', 'underline', v, (x) => oneOf(x, UNDERLINES, 'underline'));
  }
  get strikethrough(): boolean {
    return this._read('strikethrough');
  }
  set strikethrough(v: boolean) {
    this.upd('Strikethrough', 'strikethrough', v, (x) => bool(x, 'strikethrough'), '1.9');
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

/** The cell sides an edge of a range stands for. */
function sidesOf(r: Rect, index: XlBorderIndex): { row: number; col: number; side: FakeSide }[] {
  const out: { row: number; col: number; side: FakeSide }[] = [];
  const bottom = r.top + r.rows - 1;
  const right = r.left + r.cols - 1;
  const rowCells = (row: number, side: FakeSide) => {
    for (let j = r.left; j <= right; j++) out.push({ row, col: j, side });
  };
  const colCells = (col: number, side: FakeSide) => {
    for (let i = r.top; i <= bottom; i++) out.push({ row: i, col, side });
  };
  switch (index) {
    case 'EdgeTop':
      rowCells(r.top, 'EdgeTop');
      break;
    case 'EdgeBottom':
      rowCells(bottom, 'EdgeBottom');
      break;
    case 'EdgeLeft':
      colCells(r.left, 'EdgeLeft');
      break;
    case 'EdgeRight':
      colCells(right, 'EdgeRight');
      break;
    case 'InsideHorizontal':
      for (let i = r.top; i < bottom; i++) {
        rowCells(i, 'EdgeBottom');
        rowCells(i + 1, 'EdgeTop');
      }
      break;
    case 'InsideVertical':
      for (let j = r.left; j < right; j++) {
        colCells(j, 'EdgeRight');
        colCells(j + 1, 'EdgeLeft');
      }
      break;
    default:
      for (let i = r.top; i <= bottom; i++) for (let j = r.left; j <= right; j++) out.push({ row: i, col: j, side: index });
  }
  return out;
}

class FakeRangeBorder extends ProxyBase implements XlRangeBorder {
  constructor(ctx: FakeContext, parent: ProxyBase, private readonly index: XlBorderIndex, private readonly targetOf: () => FillTarget) {
    super(ctx, parent, 'GetItem', [index]);
    Object.preventExtensions(this);
  }
  protected _resolve(): unknown {
    oneOf(this.index, BORDER_INDEXES, 'border index');
    return this.targetOf();
  }
  private sides(t: FillTarget) {
    return t.rects.flatMap((r) => sidesOf(r, this.index));
  }
  protected _props(t: FillTarget, prop: string): unknown {
    if (prop === 'sideIndex') return this.index;
    if (!(prop in NO_BORDER)) throw new FakeOfficeError('InvalidArgument', `Unknown property RangeBorder.${prop}`);
    return uniform(this.sides(t).map((s) => (t.sheet.cellAt(s.row, s.col)?.borders?.[s.side] ?? NO_BORDER)[prop as keyof FakeBorder]));
  }
  private upd(name: string, key: keyof FakeBorder, v: unknown, check: (v: unknown) => string): void {
    this._set(name, v, (t: FillTarget) => {
      const ok = check(v);
      for (const s of this.sides(t)) {
        const c = t.sheet.ensure(s.row, s.col);
        c.borders = { ...c.borders, [s.side]: { ...(c.borders?.[s.side] ?? NO_BORDER), [key]: ok } };
      }
    });
  }
  get style(): string {
    return this._read('style');
  }
  set style(v: string) {
    this.upd('Style', 'style', v, (x) => oneOf(x, LINE_STYLES, 'border style'));
  }
  get weight(): string {
    return this._read('weight');
  }
  set weight(v: string) {
    this.upd('Weight', 'weight', v, (x) => oneOf(x, WEIGHTS, 'border weight'));
  }
  get color(): string {
    return this._read('color');
  }
  set color(v: string) {
    this.upd('Color', 'color', v, (x) => normColor(String(x)));
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

class FakeRangeBorderCollection extends ProxyBase implements XlRangeBorderCollection {
  constructor(ctx: FakeContext, parent: ProxyBase, private readonly targetOf: () => FillTarget) {
    super(ctx, parent, 'Borders');
    Object.preventExtensions(this);
  }
  protected _resolve(): unknown {
    return this.targetOf();
  }
  protected _props(_t: FillTarget, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown property RangeBorderCollection.${prop}`);
  }
  getItem(index: XlBorderIndex): FakeRangeBorder {
    return new FakeRangeBorder(this._ctx, this, index, this.targetOf);
  }
}

class FakeRangeFormat implements XlRangeFormat {
  readonly fill: FakeRangeFill;
  private _self: FakeFormatProxy | undefined = undefined;
  private _font: FakeRangeFont | undefined = undefined;
  private _borders: FakeRangeBorderCollection | undefined = undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly parent: ProxyBase,
    private readonly targetOf: () => FillTarget,
  ) {
    this.fill = new FakeRangeFill(ctx, parent, targetOf);
    Object.preventExtensions(this);
  }
  /** Made on first use, so a fill-only caller sends the same requests as before these members existed. */
  private self(): FakeFormatProxy {
    if (!this._self) this._self = new FakeFormatProxy(this.ctx, this.parent, this.targetOf);
    return this._self;
  }
  get font(): FakeRangeFont {
    if (!this._font) this._font = new FakeRangeFont(this.ctx, this.self(), this.targetOf);
    return this._font;
  }
  get borders(): FakeRangeBorderCollection {
    if (!this._borders) this._borders = new FakeRangeBorderCollection(this.ctx, this.self(), this.targetOf);
    return this._borders;
  }
  get wrapText(): boolean {
    return this.self().read('wrapText');
  }
  set wrapText(v: boolean) {
    this.self().setCells('WrapText', v, (x) => bool(x, 'wrapText'), (c, x) => void (c.wrapText = x));
  }
  get horizontalAlignment(): string {
    return this.self().read('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.self().setCells('HorizontalAlignment', v, (x) => oneOf(x, HORIZONTAL, 'horizontalAlignment'), (c, x) => void (c.horizontalAlignment = x));
  }
  get verticalAlignment(): string {
    return this.self().read('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.self().setCells('VerticalAlignment', v, (x) => oneOf(x, VERTICAL, 'verticalAlignment'), (c, x) => void (c.verticalAlignment = x));
  }
  get indentLevel(): number {
    return this.self().read('indentLevel');
  }
  set indentLevel(v: number) {
    const check = (x: unknown) => (Number.isInteger(x) ? num(x, 'indentLevel', 0, 250) : num(NaN, 'indentLevel', 0, 250));
    this.self().setCells('IndentLevel', v, check, (c, x) => void (c.indentLevel = x), '1.9');
  }
  get columnWidth(): number {
    return this.self().read('columnWidth');
  }
  set columnWidth(v: number) {
    this.self().setSizes('ColumnWidth', v, (t, w) => columnsOf(t).forEach((c) => t.sheet.columnWidths.set(c, w)), MAX_COLUMN_WIDTH);
  }
  get rowHeight(): number {
    return this.self().read('rowHeight');
  }
  set rowHeight(v: number) {
    this.self().setSizes('RowHeight', v, (t, h) => rowsOf(t).forEach((r) => t.sheet.rowHeights.set(r, h)), MAX_ROW_HEIGHT);
  }
  load(propertyNames?: string | string[]): this {
    this.self().load(propertyNames);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------- data validation

const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'] as const;
const RULE_TYPES: Record<string, string> = { list: 'List', custom: 'Custom', wholeNumber: 'WholeNumber', decimal: 'Decimal', textLength: 'TextLength', date: 'Date', time: 'Time' };
/** Excel's limits on a validation: 255 characters per formula or list, 32 per title, 255 per message. */
const DV_FORMULA_LIMIT = 255;
const DV_TITLE_LIMIT = 32;
const DV_MESSAGE_LIMIT = 255;

function onlyKeys(o: unknown, keys: readonly string[], what: string): Record<string, unknown> {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw bad(`${what} must be an object`);
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw bad(`${what}.${k}`);
  return o as Record<string, unknown>;
}
function text(v: unknown, max: number, what: string): string {
  if (typeof v !== 'string' || v.length > max) throw bad(`${what} (text of at most ${max} characters)`);
  return v;
}
/** A rule as the real API takes it: exactly one criterion; what it reads back (formulas as `=…` text). */
function checkRule(rule: unknown): XlDataValidationRule {
  const r = onlyKeys(rule, Object.keys(RULE_TYPES), 'rule');
  const kinds = Object.keys(r).filter((k) => r[k] !== undefined);
  if (kinds.length !== 1) throw bad('a rule has exactly one criterion');
  const kind = kinds[0];
  const formula = (f: unknown, what: string): string => {
    if (typeof f === 'number' && Number.isFinite(f)) return `=${f}`;
    if (typeof f === 'string' && f !== '') return text(f.startsWith('=') ? f : `=${f}`, DV_FORMULA_LIMIT + 1, what);
    throw bad(what);
  };
  switch (kind) {
    case 'list': {
      const l = onlyKeys(r.list, ['inCellDropDown', 'source'], 'list');
      const source = l.source;
      if (typeof source !== 'string' || source.trim() === '') throw bad('list.source (a Range proxy is not modelled)');
      return { list: { inCellDropDown: l.inCellDropDown === undefined ? true : bool(l.inCellDropDown, 'list.inCellDropDown'), source: text(source, DV_FORMULA_LIMIT, 'list.source') } };
    }
    case 'custom': {
      const c = onlyKeys(r.custom, ['formula'], 'custom');
      if (typeof c.formula !== 'string' || !c.formula.startsWith('=')) throw bad('custom.formula must start with =');
      return { custom: { formula: text(c.formula, DV_FORMULA_LIMIT + 1, 'custom.formula') } };
    }
    case 'wholeNumber':
    case 'decimal':
    case 'textLength': {
      const b = onlyKeys(r[kind], ['formula1', 'formula2', 'operator'], kind);
      const operator = oneOf(b.operator, OPERATORS, `${kind}.operator`);
      const two = operator === 'Between' || operator === 'NotBetween';
      if (two && b.formula2 === undefined) throw bad(`${kind}.formula2 is needed for ${operator}`);
      const out = { operator, formula1: formula(b.formula1, `${kind}.formula1`), ...(two ? { formula2: formula(b.formula2, `${kind}.formula2`) } : {}) };
      return { [kind]: out } as XlDataValidationRule;
    }
    default:
      throw bad(`${kind} rules are not modelled by the fake`);
  }
}

class FakeDataValidation extends ProxyBase implements XlDataValidation {
  constructor(ctx: FakeContext, parent: ProxyBase, private readonly targetOf: () => FillTarget) {
    super(ctx, parent, 'DataValidation', [], true, '1.8');
    Object.preventExtensions(this);
  }
  protected _resolve(): unknown {
    return this.targetOf();
  }
  protected _props(t: FillTarget, prop: string): unknown {
    const all = cellsOf(t).map((x) => x.cell?.validation ?? NO_VALIDATION);
    const one = uniform(all);
    switch (prop) {
      case 'type':
        if (!one) return all.every((v) => v.rule === null) ? 'None' : 'Inconsistent';
        return one.rule ? RULE_TYPES[Object.keys(one.rule)[0]] : 'None';
      case 'rule':
      case 'errorAlert':
      case 'prompt':
      case 'ignoreBlanks':
        return one ? one[prop] : null;
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown property DataValidation.${prop}`);
    }
  }
  private upd<K extends keyof FakeValidation>(name: string, key: K, v: unknown, check: (v: unknown) => FakeValidation[K]): void {
    this._set(name, v, (t: FillTarget) => {
      const ok = check(v);
      forEachCell(t, (c) => void (c.validation = { ...(c.validation ?? NO_VALIDATION), [key]: ok }));
    }, '1.8');
  }
  get rule(): XlDataValidationRule {
    return this._read('rule');
  }
  set rule(v: XlDataValidationRule) {
    this.upd('Rule', 'rule', v, checkRule);
  }
  get errorAlert(): XlDataValidationErrorAlert {
    return this._read('errorAlert');
  }
  set errorAlert(v: XlDataValidationErrorAlert) {
    this.upd('ErrorAlert', 'errorAlert', v, (x) => {
      const e = onlyKeys(x, ['message', 'showAlert', 'style', 'title'], 'errorAlert');
      return {
        message: e.message === undefined ? '' : text(e.message, DV_MESSAGE_LIMIT, 'errorAlert.message'),
        showAlert: e.showAlert === undefined ? true : bool(e.showAlert, 'errorAlert.showAlert'),
        style: e.style === undefined ? 'Stop' : oneOf(e.style, ['Stop', 'Warning', 'Information'], 'errorAlert.style'),
        title: e.title === undefined ? '' : text(e.title, DV_TITLE_LIMIT, 'errorAlert.title'),
      };
    });
  }
  get prompt(): XlDataValidationPrompt {
    return this._read('prompt');
  }
  set prompt(v: XlDataValidationPrompt) {
    this.upd('Prompt', 'prompt', v, (x) => {
      const p = onlyKeys(x, ['message', 'showPrompt', 'title'], 'prompt');
      return {
        message: p.message === undefined ? '' : text(p.message, DV_MESSAGE_LIMIT, 'prompt.message'),
        showPrompt: p.showPrompt === undefined ? true : bool(p.showPrompt, 'prompt.showPrompt'),
        title: p.title === undefined ? '' : text(p.title, DV_TITLE_LIMIT, 'prompt.title'),
      };
    });
  }
  get ignoreBlanks(): boolean {
    return this._read('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this.upd('IgnoreBlanks', 'ignoreBlanks', v, (x) => bool(x, 'ignoreBlanks'));
  }
  get type(): string {
    return this._read('type');
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------- page layout

const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro'] as const;

class FakePageLayout extends ProxyBase implements XlPageLayout {
  constructor(ctx: FakeContext, parent: FakeWorksheet) {
    super(ctx, parent, 'PageLayout', [], true, '1.9');
    Object.preventExtensions(this);
  }
  protected _resolve(): unknown {
    return liveSheet(this._ctx.excel.workbook, (this._parent as FakeWorksheet)._req() as FakeSheet);
  }
  protected _props(s: FakeSheet, prop: string): unknown {
    if (prop === 'printArea' || !(prop in s.page)) throw new FakeOfficeError('InvalidArgument', `Unknown property PageLayout.${prop}`);
    const v = s.page[prop as keyof FakePageSetup];
    return typeof v === 'object' && v !== null ? { ...v } : v;
  }
  private upd<K extends Exclude<keyof FakePageSetup, 'printArea'>>(name: string, key: K, v: unknown, check: (v: unknown) => FakePageSetup[K]): void {
    this._set(name, v, (s: FakeSheet) => void (s.page[key] = check(v)), '1.9');
  }
  get orientation(): string {
    return this._read('orientation');
  }
  set orientation(v: string) {
    this.upd('Orientation', 'orientation', v, (x) => oneOf(x, ['Portrait', 'Landscape'], 'orientation'));
  }
  get paperSize(): string {
    return this._read('paperSize');
  }
  set paperSize(v: string) {
    this.upd('PaperSize', 'paperSize', v, (x) => oneOf(x, PAPER_TYPES, 'paperSize'));
  }
  get centerHorizontally(): boolean {
    return this._read('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.upd('CenterHorizontally', 'centerHorizontally', v, (x) => bool(x, 'centerHorizontally'));
  }
  get centerVertically(): boolean {
    return this._read('centerVertically');
  }
  set centerVertically(v: boolean) {
    this.upd('CenterVertically', 'centerVertically', v, (x) => bool(x, 'centerVertically'));
  }
  private margin(name: string, key: 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin', v: number): void {
    this.upd(name, key, v, (x) => num(x, key, 0, 1584));
  }
  get leftMargin(): number {
    return this._read('leftMargin');
  }
  set leftMargin(v: number) {
    this.margin('LeftMargin', 'leftMargin', v);
  }
  get rightMargin(): number {
    return this._read('rightMargin');
  }
  set rightMargin(v: number) {
    this.margin('RightMargin', 'rightMargin', v);
  }
  get topMargin(): number {
    return this._read('topMargin');
  }
  set topMargin(v: number) {
    this.margin('TopMargin', 'topMargin', v);
  }
  get bottomMargin(): number {
    return this._read('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.margin('BottomMargin', 'bottomMargin', v);
  }
  get headerMargin(): number {
    return this._read('headerMargin');
  }
  set headerMargin(v: number) {
    this.margin('HeaderMargin', 'headerMargin', v);
  }
  get footerMargin(): number {
    return this._read('footerMargin');
  }
  set footerMargin(v: number) {
    this.margin('FooterMargin', 'footerMargin', v);
  }
  get zoom(): FakePageSetup['zoom'] {
    return this._read('zoom');
  }
  set zoom(v: FakePageSetup['zoom']) {
    this.upd('Zoom', 'zoom', v, (x) => {
      const z = onlyKeys(x, ['horizontalFitToPages', 'verticalFitToPages', 'scale'], 'zoom');
      if (z.scale !== undefined) {
        if (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined) throw bad('zoom: a scale or pages to fit, not both');
        return { scale: num(z.scale, 'zoom.scale', 10, 400) };
      }
      const pages = (p: unknown, what: string) => (p === undefined ? undefined : Number.isInteger(p) ? num(p, what, 0, 32767) : (() => { throw bad(what); })());
      const out: FakePageSetup['zoom'] = {};
      const h = pages(z.horizontalFitToPages, 'zoom.horizontalFitToPages');
      const w = pages(z.verticalFitToPages, 'zoom.verticalFitToPages');
      if (h !== undefined) out.horizontalFitToPages = h;
      if (w !== undefined) out.verticalFitToPages = w;
      if (h === undefined && w === undefined) throw bad('zoom needs a scale or pages to fit');
      return out;
    });
  }
  setPrintArea(printArea: XlRange | XlRangeAreas | string): void {
    if (typeof printArea !== 'string') throw bad('printArea: only an address is modelled');
    this._call('SetPrintArea', [printArea], (s: FakeSheet) => {
      const rects = splitAreas(printArea).map((a) => {
        const p = splitSheet(a);
        if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) throw bad('print area on another sheet');
        return parseRect(p.local);
      });
      if (rects.length === 0) throw bad('empty print area');
      s.page.printArea = rects.map(rectA1).join(',');
    }, '1.9');
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

export class FakeClientResult<T> implements XlClientResult<T> {
  private _v: { value: T } | null = null;
  _deliver(v: T): void {
    this._v = { value: v };
  }
  get value(): T {
    if (!this._v) throw new FakeOfficeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this._v.value;
  }
}

type RangeResolver = () => RangeTarget | null;

export class FakeRange extends ProxyBase implements XlRange {
  private _format?: FakeRangeFormat;
  private _dataValidation?: FakeDataValidation;
  constructor(
    ctx: FakeContext,
    parent: ProxyBase,
    name: string,
    args: unknown[],
    private readonly resolver: RangeResolver,
    private readonly nullable = false,
  ) {
    super(ctx, parent, name, args);
  }
  protected get _nullable(): boolean {
    return this.nullable;
  }
  protected _resolve(): unknown {
    const t = this.resolver();
    if (t) liveSheet(this._ctx.excel.workbook, t.sheet);
    return t;
  }
  protected _props(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case 'address':
        return `${quoteSheet(t.sheet.name)}!${rectA1(t.rect)}`;
      case 'rowIndex':
        return t.rect.top;
      case 'columnIndex':
        return t.rect.left;
      case 'rowCount':
        return t.rect.rows;
      case 'columnCount':
        return t.rect.cols;
      case 'cellCount':
        return t.rect.rows * t.rect.cols;
      case 'columnHidden':
        return Array.from({ length: t.rect.cols }, (_, j) => t.rect.left + j).every((c) => t.sheet.hiddenColumns.has(c));
      case 'rowHidden':
        return Array.from({ length: t.rect.rows }, (_, i) => t.rect.top + i).every((r) => t.sheet.hiddenRows.has(r));
      case 'values':
      case 'formulas':
      case 'valueTypes':
      case 'numberFormat':
        if (t.rect.rows * t.rect.cols > this._ctx.excel.cellReadLimit) {
          throw new FakeOfficeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
        }
        return cellArrays(t, prop);
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown property Range.${prop}`);
    }
  }
  get address(): string {
    return this._read('address');
  }
  get rowIndex(): number {
    return this._read('rowIndex');
  }
  get columnIndex(): number {
    return this._read('columnIndex');
  }
  get rowCount(): number {
    return this._read('rowCount');
  }
  get columnCount(): number {
    return this._read('columnCount');
  }
  get values(): any[][] {
    return this._read('values');
  }
  set values(v: any[][]) {
    this._set('Values', v, (t: RangeTarget) => {
      const rows = checkShape(t, v, 'values');
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const r = t.rect.top + i;
          const c = t.rect.left + j;
          const w = typed(rows[i][j], t.sheet.cellAt(r, c)?.numberFormat);
          if (!w) continue;
          const cell = t.sheet.ensure(r, c);
          cell.value = w.value === '' ? null : w.value;
          cell.error = false;
          cell.formula = w.formula;
        }
      }
    });
  }
  get formulas(): any[][] {
    return this._read('formulas');
  }
  /** Like typing: `=…` is kept as formula text (not calculated), other values as `values` would write them. */
  set formulas(v: any[][]) {
    this._set('Formulas', v, (t: RangeTarget) => {
      const rows = checkShape(t, v, 'formulas');
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const r = t.rect.top + i;
          const c = t.rect.left + j;
          const w = typed(rows[i][j], t.sheet.cellAt(r, c)?.numberFormat);
          if (!w) continue;
          const cell = t.sheet.ensure(r, c);
          cell.value = w.value === '' ? null : w.value;
          cell.error = false;
          cell.formula = w.formula;
        }
      }
    });
  }
  get columnHidden(): boolean {
    return this._read('columnHidden');
  }
  set columnHidden(v: boolean) {
    this._set('ColumnHidden', v, (t: RangeTarget) => {
      const hide = bool(v, 'columnHidden');
      for (let j = 0; j < t.rect.cols; j++) {
        if (hide) t.sheet.hiddenColumns.add(t.rect.left + j);
        else t.sheet.hiddenColumns.delete(t.rect.left + j);
      }
    });
  }
  get rowHidden(): boolean {
    return this._read('rowHidden');
  }
  set rowHidden(v: boolean) {
    this._set('RowHidden', v, (t: RangeTarget) => {
      const hide = bool(v, 'rowHidden');
      for (let i = 0; i < t.rect.rows; i++) {
        if (hide) t.sheet.hiddenRows.add(t.rect.top + i);
        else t.sheet.hiddenRows.delete(t.rect.top + i);
      }
    });
  }
  get dataValidation(): FakeDataValidation {
    if (!this._dataValidation) this._dataValidation = new FakeDataValidation(this._ctx, this, () => { const t = this._req() as RangeTarget; return { sheet: t.sheet, rects: [t.rect] }; });
    return this._dataValidation;
  }
  /**
   * Merge into one cell (`across`: each row on its own). Like Excel: only the upper-left value stays; merged
   * areas inside the range are absorbed; one that sticks out of it is an error (the fake's choice).
   */
  merge(across = false): void {
    this._call('Merge', [across], (t: RangeTarget) => {
      const areas: Rect[] = across ? Array.from({ length: t.rect.rows }, (_, i) => ({ top: t.rect.top + i, left: t.rect.left, rows: 1, cols: t.rect.cols })) : [t.rect];
      for (const a of areas) {
        if (a.rows === 1 && a.cols === 1) continue;
        const inside = (m: Rect) => m.top >= a.top && m.left >= a.left && m.top + m.rows <= a.top + a.rows && m.left + m.cols <= a.left + a.cols;
        const overlaps = (m: Rect) => m.top < a.top + a.rows && a.top < m.top + m.rows && m.left < a.left + a.cols && a.left < m.left + m.cols;
        for (const m of t.sheet.merges) {
          if (overlaps(m) && !inside(m)) throw new FakeOfficeError('InvalidOperation', `Cannot merge ${rectA1(a)}: it overlaps the merged cells ${rectA1(m)}.`);
        }
        for (let k = t.sheet.merges.length - 1; k >= 0; k--) if (inside(t.sheet.merges[k])) t.sheet.merges.splice(k, 1);
        for (let i = 0; i < a.rows; i++) {
          for (let j = 0; j < a.cols; j++) {
            if (i === 0 && j === 0) continue;
            const c = t.sheet.cellAt(a.top + i, a.left + j);
            if (c) {
              c.value = null;
              c.error = false;
            }
          }
        }
        t.sheet.merges.push({ ...a });
      }
    });
  }
  get valueTypes(): string[][] {
    return this._read('valueTypes');
  }
  get numberFormat(): any[][] {
    return this._read('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._set('NumberFormat', v, (t: RangeTarget) => {
      const rows = checkShape(t, v, 'numberFormat');
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const f = rows[i][j];
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') throw new FakeOfficeError('InvalidArgument', 'A number format must be text.');
          t.sheet.ensure(t.rect.top + i, t.rect.left + j).numberFormat = f;
        }
      }
    });
  }
  get format(): FakeRangeFormat {
    if (!this._format) this._format = new FakeRangeFormat(this._ctx, this, () => { const t = this._req() as RangeTarget; return { sheet: t.sheet, rects: [t.rect] }; });
    return this._format;
  }
  private sub(name: string, args: unknown[], f: (t: RangeTarget) => Rect): FakeRange {
    return new FakeRange(this._ctx, this, name, args, () => {
      const t = this._req() as RangeTarget;
      const rect = f(t);
      checkRect(rect);
      return { sheet: t.sheet, rect };
    });
  }
  getRow(row: number): FakeRange {
    return this.sub('GetRow', [row], (t) => {
      if (row < 0 || row >= t.rect.rows) throw new FakeOfficeError('InvalidArgument', 'Row index out of range.');
      return { top: t.rect.top + row, left: t.rect.left, rows: 1, cols: t.rect.cols };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.sub('GetCell', [row, column], (t) => ({ top: t.rect.top + row, left: t.rect.left + column, rows: 1, cols: 1 }));
  }
  /** The merged areas met by this range, whole (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this._ctx, this, '', this);
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.sub('GetResizedRange', [deltaRows, deltaColumns], (t) => ({ ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }));
  }
  /** The smallest range holding this one and `other` (same sheet); Office.js's client uses it to split big writes. */
  getBoundingRect(other: FakeRange): FakeRange {
    return this.sub('GetBoundingRect', [`#${other._id}`], (t) => {
      const o = other._req() as RangeTarget;
      if (o.sheet !== t.sheet) throw new FakeOfficeError('InvalidArgument', 'The ranges are on different sheets.');
      const top = Math.min(t.rect.top, o.rect.top);
      const left = Math.min(t.rect.left, o.rect.left);
      const bottom = Math.max(t.rect.top + t.rect.rows, o.rect.top + o.rect.rows);
      const right = Math.max(t.rect.left + t.rect.cols, o.rect.left + o.rect.cols);
      return { top, left, rows: bottom - top, cols: right - left };
    });
  }
  getCellProperties(options: XlCellPropertiesLoadOptions): FakeClientResult<XlCellProperties[][]> {
    const result = new FakeClientResult<XlCellProperties[][]>();
    const want = options.format?.fill ?? {};
    this._ctx._queue({
      type: 3,
      proxy: this,
      name: 'GetCellProperties',
      args: [options],
      requires: '1.9',
      exec: () => {
        const t = this._req() as RangeTarget;
        if (t.rect.rows * t.rect.cols > this._ctx.excel.cellReadLimit) throw new FakeOfficeError('RangeExceedsLimit', 'Too many cells.');
        const out: XlCellProperties[][] = [];
        for (let i = 0; i < t.rect.rows; i++) {
          const row: XlCellProperties[] = [];
          for (let j = 0; j < t.rect.cols; j++) {
            const f = t.sheet.cellAt(t.rect.top + i, t.rect.left + j)?.fill ?? NO_FILL;
            const fill: Record<string, unknown> = {};
            for (const k of Object.keys(want) as (keyof FakeFill)[]) if ((want as Record<string, boolean>)[k]) fill[k] = f[k];
            row.push({ format: { fill } });
          }
          out.push(row);
        }
        return out;
      },
      deliver: (v) => result._deliver(v as XlCellProperties[][]),
    });
    return result;
  }
  select(): void {
    this._call('Select', [], (t: RangeTarget) => {
      const wb = this._ctx.excel.workbook;
      if (t.sheet.id !== wb.activeSheetId) throw new FakeOfficeError('InvalidOperation', 'Select needs the range on the active sheet.');
      wb.selection = { sheetId: t.sheet.id, address: rectA1(t.rect) };
    });
  }
  /** Only whole rows with 'Down' are modelled (Insert ▸ Sheet Rows); anything else fails loudly. */
  insert(shift: 'Down' | 'Right'): FakeRange {
    if (shift !== 'Down' && shift !== 'Right') throw new FakeOfficeError('InvalidArgument', `Invalid shift ${String(shift)}.`);
    this._call('Insert', [shift], (t: RangeTarget) => {
      if (shift !== 'Down' || t.rect.left !== 0 || t.rect.cols !== MAX_COLS) {
        throw new FakeOfficeError('NotImplemented', 'The fake models whole-row inserts only (getRange("8:9").insert("Down")).');
      }
      t.sheet.insertRows(t.rect.top, t.rect.rows);
    });
    return this.sub('Insert', [shift], (t) => ({ ...t.rect }));
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._call('Clear', [applyTo], (t: RangeTarget) => {
      for (let i = 0; i < t.rect.rows; i++) {
        const row = t.sheet.rows[t.rect.top + i];
        if (!row) continue;
        for (let j = 0; j < t.rect.cols; j++) {
          const c = row[t.rect.left + j];
          if (!c) continue;
          if (applyTo !== 'Formats') {
            c.value = null;
            c.error = false;
          }
          if (applyTo !== 'Contents') {
            c.numberFormat = undefined;
            c.fill = undefined;
            c.font = undefined;
            c.horizontalAlignment = undefined;
            c.verticalAlignment = undefined;
            c.wrapText = undefined;
            c.indentLevel = undefined;
            c.borders = undefined;
          }
        }
      }
    });
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

class FakeRangeCollection {
  private _items: FakeRange[] | null = null;
  constructor(private readonly owner: FakeRangeAreas) {}
  get items(): FakeRange[] {
    if (!this._items) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this._items;
  }
  load(propertyNames?: string | string[]): this {
    const owner = this.owner;
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? 'address').split(',')).map((s) => s.replace(/^items\//, '').trim());
    owner._ctx._queue({
      type: 2,
      proxy: owner,
      name: 'load',
      args: [names],
      exec: () => {
        const t = owner._req() as FillTarget;
        return t.rects.map((r) => ({ address: `${quoteSheet(t.sheet.name)}!${rectA1(r)}`, rowIndex: r.top, columnIndex: r.left, rowCount: r.rows, columnCount: r.cols }));
      },
      deliver: (v) => {
        const t = owner._t() as FillTarget;
        this._items = (v as Record<string, unknown>[]).map((o, i) => {
          const r = new FakeRange(owner._ctx, owner, 'GetItemAt', [i], () => ({ sheet: t.sheet, rect: t.rects[i] }));
          r._preload(o, names);
          return r;
        });
      },
    });
    return this;
  }
}

export class FakeRangeAreas extends ProxyBase implements XlRangeAreas {
  private _format?: FakeRangeFormat;
  private _dataValidation?: FakeDataValidation;
  readonly areas: FakeRangeCollection;
  /** `mergedIn`: the merged areas met by that range (Range.getMergedAreasOrNullObject, ExcelApi 1.13). */
  constructor(ctx: FakeContext, parent: FakeWorksheet | FakeRange, private readonly requested: string, private readonly mergedIn?: FakeRange) {
    super(ctx, parent, mergedIn ? 'GetMergedAreasOrNullObject' : 'GetRanges', mergedIn ? [] : [requested], true, mergedIn ? '1.13' : '1.9');
    this.areas = new FakeRangeCollection(this);
  }
  get address(): string {
    return this._read<string>('address');
  }
  protected get _nullable(): boolean {
    return this.mergedIn !== undefined;
  }
  protected _resolve(): unknown {
    if (this.mergedIn) {
      const t = this.mergedIn._req() as RangeTarget;
      const r = t.rect;
      const rects = t.sheet.merges.filter((m) => m.top < r.top + r.rows && r.top < m.top + m.rows && m.left < r.left + r.cols && r.left < m.left + m.cols);
      if (rects.length === 0) return null;
      // "if the merged areas count in this range is more than 512, then this method will fail" (@types/office-js).
      if (rects.length > 512) throw new FakeOfficeError('GeneralException', 'There are more than 512 merged areas in the range.');
      return { sheet: t.sheet, rects: rects.map((m) => ({ ...m })) } satisfies FillTarget;
    }
    const sheet = liveSheet(this._ctx.excel.workbook, (this._parent as FakeWorksheet)._req() as FakeSheet);
    const rects = splitAreas(this.requested).map((a) => {
      const p = splitSheet(a);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument', 'All areas must be on the same sheet.');
      return parseRect(p.local);
    });
    if (rects.length === 0) throw new FakeOfficeError('InvalidArgument', 'Empty address.');
    // Users report getRanges failing from about 513 areas / 8,207 characters (Excel on the web).
    const fake = this._ctx.excel;
    if (rects.length > fake.areasLimit || this.requested.length > fake.areasCharLimit) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return { sheet, rects } satisfies FillTarget;
  }
  protected _props(t: FillTarget, prop: string): unknown {
    if (prop === 'address') return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectA1(r)}`).join(',');
    if (prop === 'areaCount') return t.rects.length;
    if (prop === 'cellCount') return t.rects.reduce((n, r) => n + r.rows * r.cols, 0);
    throw new FakeOfficeError('InvalidArgument', `Unknown property RangeAreas.${prop}`);
  }
  get format(): FakeRangeFormat {
    if (!this._format) this._format = new FakeRangeFormat(this._ctx, this, () => this._req() as FillTarget);
    return this._format;
  }
  get dataValidation(): FakeDataValidation {
    if (!this._dataValidation) this._dataValidation = new FakeDataValidation(this._ctx, this, () => this._req() as FillTarget);
    return this._dataValidation;
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

interface NoteTarget {
  sheet: FakeSheet;
  key: number;
}

export class FakeNoteProxy extends ProxyBase implements XlNote {
  constructor(ctx: FakeContext, parent: ProxyBase, name: string, args: unknown[], private readonly resolver: () => NoteTarget | null, instantiate = true, private readonly nullable = false) {
    super(ctx, parent, name, args, instantiate, '1.18');
  }
  protected get _nullable(): boolean {
    return this.nullable;
  }
  protected _resolve(): unknown {
    return this.resolver();
  }
  private note(t: NoteTarget): FakeNote {
    const n = t.sheet.notes.get(t.key);
    if (!n) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
    return n;
  }
  protected _props(t: NoteTarget, prop: string): unknown {
    const n = this.note(t);
    if (prop === 'content') return n.content;
    if (prop === 'authorName') return n.author;
    throw new FakeOfficeError('InvalidArgument', `Unknown property Note.${prop}`);
  }
  get content(): string {
    return this._read('content');
  }
  set content(v: string) {
    this._set('Content', v, (t: NoteTarget) => void (this.note(t).content = v), '1.18');
  }
  delete(): void {
    this._call('Delete', [], (t: NoteTarget) => {
      this.note(t);
      t.sheet.notes.delete(t.key);
    }, '1.18');
  }
  getLocation(): FakeRange {
    return new FakeRange(this._ctx, this, 'GetLocation', [], () => {
      const t = this._req() as NoteTarget;
      this.note(t);
      return { sheet: t.sheet, rect: { top: Math.floor(t.key / MAX_COLS), left: t.key % MAX_COLS, rows: 1, cols: 1 } };
    });
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

/** Resolve a cell address given to notes/comments `add` (a Range proxy, `B3` or `Sheet1!B3`). */
function cellOf(ctx: FakeContext, sheet: FakeSheet, cellAddress: XlRange | string): { sheet: FakeSheet; row: number; col: number } {
  if (typeof cellAddress !== 'string') {
    const t = (cellAddress as FakeRange)._req() as RangeTarget;
    if (t.rect.rows !== 1 || t.rect.cols !== 1) throw new FakeOfficeError('InvalidArgument', 'A note or comment needs a single cell.');
    return { sheet: t.sheet, row: t.rect.top, col: t.rect.left };
  }
  const p = splitSheet(cellAddress);
  const s = p.sheet !== undefined ? ctx.excel.workbook.findSheet(p.sheet) : sheet;
  if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet ${p.sheet}.`);
  const r = parseRect(p.local);
  if (r.rows !== 1 || r.cols !== 1) throw new FakeOfficeError('InvalidArgument', 'A note or comment needs a single cell.');
  return { sheet: s, row: r.top, col: r.left };
}

export class FakeNoteCollection extends ProxyBase implements XlNoteCollection {
  private _items: FakeNoteProxy[] | null = null;
  constructor(ctx: FakeContext, parent: FakeWorksheet) {
    super(ctx, parent, 'Notes', [], true, '1.18');
  }
  protected _resolve(): unknown {
    return liveSheet(this._ctx.excel.workbook, (this._parent as FakeWorksheet)._req() as FakeSheet);
  }
  protected _props(): unknown {
    throw new FakeOfficeError('InvalidArgument', 'Load items/… on a collection.');
  }
  get items(): FakeNoteProxy[] {
    if (!this._items) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this._items;
  }
  add(cellAddress: XlRange | string, content: any): FakeNoteProxy {
    let made: NoteTarget | null = null;
    const note = new FakeNoteProxy(this._ctx, this, 'Add', [typeof cellAddress === 'string' ? cellAddress : `#${(cellAddress as FakeRange)._id}`, content], () => made, false);
    this._ctx._queue({
      type: 3,
      proxy: note, // the new object's path (with the arguments) is what goes on the wire
      name: 'Add',
      requires: '1.18',
      exec: () => {
        const own = this._req() as FakeSheet;
        const c = cellOf(this._ctx, own, cellAddress);
        const key = c.row * MAX_COLS + c.col;
        if (c.sheet.notes.has(key)) throw new FakeOfficeError('InvalidOperation', 'The cell already has a note.');
        if (this._ctx.excel.workbook.commentAt(c.sheet.id, c.row, c.col)) throw new FakeOfficeError('InvalidOperation', 'The cell already has a comment.');
        c.sheet.notes.set(key, { content: String(content), author: 'Award Tally' });
        made = { sheet: c.sheet, key };
        note._setTarget(made);
      },
    });
    return note;
  }
  /** The note of a cell (ExcelApi 1.18); ItemNotFound at sync when it has none. */
  getItem(key: string): FakeNoteProxy {
    return new FakeNoteProxy(this._ctx, this, 'GetItem', [key], () => {
      const own = this._req() as FakeSheet;
      const c = cellOf(this._ctx, own, key);
      const k = c.row * MAX_COLS + c.col;
      if (!c.sheet.notes.has(k)) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist (note).");
      return { sheet: c.sheet, key: k };
    });
  }
  getItemOrNullObject(key: string): FakeNoteProxy {
    return new FakeNoteProxy(this._ctx, this, 'GetItemOrNullObject', [key], () => {
      const own = this._req() as FakeSheet;
      const c = cellOf(this._ctx, own, key);
      const k = c.row * MAX_COLS + c.col;
      return c.sheet.notes.has(k) ? { sheet: c.sheet, key: k } : null;
    }, true, true);
  }
  load(propertyNames?: string | string[]): this {
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',')).map((s) => s.trim().replace(/^items\//, '')).filter((s) => s && s !== 'items');
    this._ctx._queue({
      type: 2,
      proxy: this,
      name: 'load',
      args: [names],
      requires: '1.18',
      exec: () => {
        const sheet = this._req() as FakeSheet;
        return [...sheet.notes.entries()].sort((a, b) => a[0] - b[0]).map(([key, n]) => {
          const o: Record<string, unknown> = { _key: key };
          for (const p of names) o[p] = p === 'content' ? n.content : p === 'authorName' ? n.author : undefined;
          return o;
        });
      },
      deliver: (v) => {
        const sheet = this._t() as FakeSheet;
        // Like Office.js, a loaded note (it has no id) is addressed by its index in the collection, resolved when
        // a later request uses it: a note added before it in the same request shifts it.
        this._items = (v as Record<string, unknown>[]).map((o, index) => {
          const p = new FakeNoteProxy(this._ctx, this, 'GetItemAt', [index], () => {
            const keys = [...sheet.notes.keys()].sort((a, b) => a - b);
            return index < keys.length ? { sheet, key: keys[index] } : null;
          }, false);
          p._perRequest = true;
          p._preload(o, names);
          return p;
        });
      },
    });
    return this;
  }
}

export class FakeCommentProxy extends ProxyBase implements XlComment {
  constructor(ctx: FakeContext, parent: ProxyBase, name: string, args: unknown[], private readonly resolver: () => string | null, instantiate = true, private readonly nullable = false, requires = '1.10') {
    super(ctx, parent, name, args, instantiate, requires);
  }
  protected get _nullable(): boolean {
    return this.nullable;
  }
  protected _resolve(): unknown {
    return this.resolver();
  }
  private comment(id: string): FakeComment {
    const c = this._ctx.excel.workbook.comments.get(id);
    if (!c) throw new FakeOfficeError('ItemNotFound', 'The comment does not exist.');
    return c;
  }
  protected _props(id: string, prop: string): unknown {
    const c = this.comment(id);
    if (prop === 'id') return c.id;
    if (prop === 'content') return c.content;
    if (prop === 'authorName') return c.author;
    throw new FakeOfficeError('InvalidArgument', `Unknown property Comment.${prop}`);
  }
  get id(): string {
    return this._read('id');
  }
  get content(): string {
    return this._read('content');
  }
  set content(v: string) {
    this._set('Content', v, (id: string) => void (this.comment(id).content = v), '1.10');
  }
  delete(): void {
    this._call('Delete', [], (id: string) => {
      this.comment(id);
      this._ctx.excel.workbook.comments.delete(id);
    }, '1.10');
  }
  getLocation(): FakeRange {
    return new FakeRange(this._ctx, this, 'GetLocation', [], () => {
      const c = this.comment(this._req() as string);
      const sheet = this._ctx.excel.workbook.sheets.find((s) => s.id === c.sheetId);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'Sheet gone.');
      return { sheet, rect: { top: c.row, left: c.col, rows: 1, cols: 1 } };
    });
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

export class FakeCommentCollection extends ProxyBase implements XlCommentCollection {
  private _items: FakeCommentProxy[] | null = null;
  constructor(ctx: FakeContext, parent: FakeWorksheet) {
    super(ctx, parent, 'Comments', [], true, '1.10');
  }
  protected _resolve(): unknown {
    return liveSheet(this._ctx.excel.workbook, (this._parent as FakeWorksheet)._req() as FakeSheet);
  }
  protected _props(): unknown {
    throw new FakeOfficeError('InvalidArgument', 'Load items/… on a collection.');
  }
  get items(): FakeCommentProxy[] {
    if (!this._items) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this._items;
  }
  add(cellAddress: XlRange | string, content: any): FakeCommentProxy {
    let made: string | null = null;
    const proxy = new FakeCommentProxy(this._ctx, this, 'Add', [typeof cellAddress === 'string' ? cellAddress : `#${(cellAddress as FakeRange)._id}`, content], () => made, false);
    this._ctx._queue({
      type: 3,
      proxy,
      name: 'Add',
      requires: '1.10',
      exec: () => {
        const own = this._req() as FakeSheet;
        const c = cellOf(this._ctx, own, cellAddress);
        const made0 = this._ctx.excel.workbook.addComment(c.sheet, c.row, c.col, String(content), 'Award Tally');
        made = made0.id;
        proxy._setTarget(made);
      },
    });
    return proxy;
  }
  /** ExcelApi 1.10. */
  getItem(commentId: string): FakeCommentProxy {
    return new FakeCommentProxy(this._ctx, this, 'GetItem', [commentId], () => {
      if (!this._ctx.excel.workbook.comments.has(commentId)) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist (comment).");
      return commentId;
    });
  }
  /** ExcelApi 1.14 (not 1.10 like the rest of the collection). */
  getItemOrNullObject(commentId: string): FakeCommentProxy {
    return new FakeCommentProxy(this._ctx, this, 'GetItemOrNullObject', [commentId], () => (this._ctx.excel.workbook.comments.has(commentId) ? commentId : null), true, true, '1.14');
  }
  load(propertyNames?: string | string[]): this {
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',')).map((s) => s.trim().replace(/^items\//, '')).filter((s) => s && s !== 'items');
    this._ctx._queue({
      type: 2,
      proxy: this,
      name: 'load',
      args: [names],
      requires: '1.10',
      exec: () => {
        const sheet = this._req() as FakeSheet;
        return [...this._ctx.excel.workbook.comments.values()]
          .filter((c) => c.sheetId === sheet.id)
          .map((c) => {
            const o: Record<string, unknown> = { _id: c.id };
            for (const p of names) o[p] = p === 'id' ? c.id : p === 'content' ? c.content : p === 'authorName' ? c.author : undefined;
            return o;
          });
      },
      deliver: (v) => {
        this._items = (v as Record<string, unknown>[]).map((o) => {
          const id = o._id as string;
          const p = new FakeCommentProxy(this._ctx, this, 'GetItemAt', [id], () => id, false);
          p._setTarget(id);
          p._preload(o, names);
          return p;
        });
      },
    });
    return this;
  }
}

type SheetResolver = () => FakeSheet | null;

export class FakeWorksheet extends ProxyBase implements XlWorksheet {
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  private _pageLayout?: FakePageLayout;
  constructor(ctx: FakeContext, parent: ProxyBase, name: string, args: unknown[], private readonly resolver: SheetResolver, private readonly nullable = false, instantiate = true) {
    super(ctx, parent, name, args, instantiate);
  }
  protected get _nullable(): boolean {
    return this.nullable;
  }
  protected _resolve(): unknown {
    return this.resolver();
  }
  protected _props(s: FakeSheet, prop: string): unknown {
    liveSheet(this._ctx.excel.workbook, s);
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this._ctx.excel.workbook.sheets.indexOf(s);
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown property Worksheet.${prop}`);
    }
  }
  get id(): string {
    return this._read('id');
  }
  get name(): string {
    return this._read('name');
  }
  set name(v: string) {
    this._set('Name', v, (s: FakeSheet) => {
      checkSheetName(v);
      if (this._ctx.excel.workbook.findSheet(v) && this._ctx.excel.workbook.findSheet(v) !== s) throw new FakeOfficeError('ItemAlreadyExists', 'Name taken.');
      s.name = v;
    });
  }
  get visibility(): string {
    return this._read('visibility');
  }
  set visibility(v: string) {
    this._set('Visibility', v, (s: FakeSheet) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `Bad visibility ${v}`);
      if (v !== 'Visible' && this._ctx.excel.workbook.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      s.visibility = v;
    });
  }
  private sheetRange(name: string, args: unknown[], f: (s: FakeSheet) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(this._ctx, this, name, args, () => {
      const s = liveSheet(this._ctx.excel.workbook, this._req() as FakeSheet);
      const rect = f(s);
      if (!rect) return null;
      checkRect(rect);
      return { sheet: s, rect };
    }, nullable);
  }
  getRange(address?: string): FakeRange {
    return this.sheetRange('GetRange', [address ?? ''], (s) => {
      if (!address) return { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const p = splitSheet(address);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument', 'Address on another sheet.');
      return parseRect(p.local);
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.sheetRange('GetRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => ({ top: startRow, left: startColumn, rows: rowCount, cols: columnCount }));
  }
  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(this._ctx, this, address ?? '');
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.sheetRange('GetUsedRange', [valuesOnly === true], (s) => s.usedRect(valuesOnly === true) ?? { top: 0, left: 0, rows: 1, cols: 1 });
  }
  activate(): void {
    this._call('Activate', [], (s: FakeSheet) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this._ctx.excel.workbook.activeSheetId = s.id;
    });
  }
  delete(): void {
    this._call('Delete', [], (s: FakeSheet) => {
      const wb = this._ctx.excel.workbook;
      liveSheet(wb, s);
      if (s.visibility === 'Visible' && wb.sheets.filter((x) => x.visibility === 'Visible').length <= 1) throw new FakeOfficeError('InvalidOperation', 'Cannot delete the last visible sheet.');
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      for (const [id, c] of wb.comments) if (c.sheetId === s.id) wb.comments.delete(id);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === 'Visible')?.id ?? '';
    });
  }
  get notes(): FakeNoteCollection {
    if (!this._notes) this._notes = new FakeNoteCollection(this._ctx, this);
    return this._notes;
  }
  get comments(): FakeCommentCollection {
    if (!this._comments) this._comments = new FakeCommentCollection(this._ctx, this);
    return this._comments;
  }
  get pageLayout(): FakePageLayout {
    if (!this._pageLayout) this._pageLayout = new FakePageLayout(this._ctx, this);
    return this._pageLayout;
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

export class FakeWorksheetCollection extends ProxyBase implements XlWorksheetCollection {
  private _items: FakeWorksheet[] | null = null;
  constructor(ctx: FakeContext, parent: FakeWorkbookProxy) {
    super(ctx, parent, 'Worksheets');
  }
  protected _resolve(): unknown {
    return this._ctx.excel.workbook;
  }
  protected _props(): unknown {
    throw new FakeOfficeError('InvalidArgument', 'Load items/… on a collection.');
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this._items;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this, 'GetItem', [key], () => {
      const s = this._ctx.excel.workbook.findSheet(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (worksheet ${key}).`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this, 'GetItemOrNullObject', [key], () => this._ctx.excel.workbook.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this, 'GetActiveWorksheet', [], () => this._ctx.excel.workbook.activeSheet());
  }
  add(name?: string): FakeWorksheet {
    let made: FakeSheet | null = null;
    const ws = new FakeWorksheet(this._ctx, this, 'Add', [name ?? ''], () => made, false, false);
    this._ctx._queue({
      type: 3,
      proxy: ws,
      name: 'Add',
      exec: () => {
        const wb = this._ctx.excel.workbook;
        let n = name;
        if (n === undefined || n === '') for (let i = wb.sheets.length + 1; !n || wb.findSheet(n); i++) n = `Sheet${i}`;
        checkSheetName(n);
        if (wb.findSheet(n)) throw new FakeOfficeError('ItemAlreadyExists', 'The resource with the same name or identifier already exists.');
        made = wb.addSheet(n);
        ws._setTarget(made);
      },
    });
    return ws;
  }
  load(propertyNames?: string | string[]): this {
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',')).map((s) => s.trim().replace(/^items\//, '')).filter((s) => s && s !== 'items');
    this._ctx._queue({
      type: 2,
      proxy: this,
      name: 'load',
      args: [names],
      exec: () =>
        this._ctx.excel.workbook.sheets.map((s) => {
          const o: Record<string, unknown> = { _id: s.id };
          for (const p of names) o[p] = p === 'name' ? s.name : p === 'id' ? s.id : p === 'visibility' ? s.visibility : undefined;
          return o;
        }),
      deliver: (v) => {
        const wb = this._ctx.excel.workbook;
        this._items = (v as Record<string, unknown>[]).map((o) => {
          const id = o._id as string;
          const w = new FakeWorksheet(this._ctx, this, 'GetItem', [id], () => wb.findSheet(id) ?? null, false, false);
          w._setTarget(wb.findSheet(id) ?? null);
          w._preload(o, names);
          return w;
        });
      },
    });
    return this;
  }
}

export class FakeWorkbookProxy extends ProxyBase implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    super(ctx, null, 'Workbook', [], false);
    this._setTarget(ctx.excel.workbook);
    this.worksheets = new FakeWorksheetCollection(ctx, this);
  }
  protected _resolve(): unknown {
    return this._ctx.excel.workbook;
  }
  protected _props(wb: FakeWorkbook, prop: string): unknown {
    if (prop === 'name') return wb.name;
    throw new FakeOfficeError('InvalidArgument', `Unknown property Workbook.${prop}`);
  }
  get name(): string {
    return this._read('name');
  }
  insertWorksheetsFromBase64(base64File: string, options?: XlInsertWorksheetOptions): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this._ctx._queue({
      type: 3,
      proxy: this,
      name: 'InsertWorksheetsFromBase64',
      args: [base64File, options ? { ...options, relativeTo: typeof options.relativeTo === 'string' ? options.relativeTo : undefined } : undefined],
      requires: '1.13',
      exec: () => this._ctx.excel.workbook.insertFromBase64(base64File),
      deliver: (v) => result._deliver(v as string[]),
    });
    return result;
  }
  load(propertyNames?: string | string[]): this {
    this._load(propertyNames);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------- context, run

export class FakeContext implements XlContext {
  readonly workbook: FakeWorkbookProxy;
  private ops: Op[] = [];
  private sentPaths = new Set<number>();
  private idSeq = 0;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  _nextId(): number {
    return ++this.idSeq;
  }
  _queue(op: Omit<Op, 'id'>): void {
    this.ops.push({ ...op, id: this._nextId() });
  }
  get pending(): number {
    return this.ops.length;
  }

  private pathChain(p: ProxyBase, out: ProxyBase[]): void {
    if (this.sentPaths.has(p._id) || out.includes(p)) return;
    if (p._parent) this.pathChain(p._parent, out);
    out.push(p);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const fake = this.excel;
    fake.stats.syncs++;
    // Request: the object paths not yet sent, then the actions.
    const newPaths: ProxyBase[] = [];
    let request = 2 + '{"Actions":[],"ObjectPaths":{}}'.length;
    for (const op of ops) {
      this.pathChain(op.proxy, newPaths);
      request += utf8(JSON.stringify({ Id: op.id, ActionType: op.type, Name: op.name, ObjectPathId: op.proxy._id, ArgumentInfo: op.args ? { Arguments: op.args } : undefined })) + 1;
    }
    for (const p of newPaths) request += utf8(JSON.stringify(p._pathJson())) + 8;
    fake.stats.requestBytes.push(request);
    const injected = fake._takeInjectedError();
    if (request > fake.requestLimit) {
      fake.stats.responseBytes.push(0);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
    }
    for (const p of newPaths) this.sentPaths.add(p._id);
    if (injected) {
      fake.stats.responseBytes.push(0);
      throw injected;
    }
    for (const op of ops) if (op.proxy._perRequest) op.proxy._unresolve();
    // Run in order; the first failure stops the batch.
    if (fake.tracing) for (const op of ops) fake.trace.push({ sync: fake.stats.syncs, name: op.name, path: op.proxy._pathName, pathArgs: op.proxy._pathArgs, args: op.args });
    let response = '{"Results":[]}'.length;
    const deliveries: { op: Op; value: unknown }[] = [];
    try {
      for (const op of ops) {
        if (op.requires && !versionAtLeast(fake.apiVersion, op.requires)) {
          throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (needs ExcelApi ${op.requires}).`);
        }
        fake._failIfAsked(op.name);
        const v = op.exec();
        if (op.deliver) {
          response += utf8(JSON.stringify({ ActionId: op.id, Value: v })) + 1;
          deliveries.push({ op, value: v });
        }
      }
    } catch (e) {
      fake.stats.responseBytes.push(response);
      throw e;
    }
    fake.stats.responseBytes.push(response);
    if (response > fake.responseLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes).`);
    }
    for (const d of deliveries) d.op.deliver?.(d.value);
    // Every proxy used in this batch is now synced (isNullObject readable for non-nullable ones too).
    for (const op of ops) (op.proxy as unknown as { _loaded: Map<string, unknown> })._loaded.set('__synced', true);
  }
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports (default '1.18'). */
  apiVersion?: string;
  /** Request / response limits in bytes (default 5 MB each, as Excel on the web). */
  requestLimit?: number;
  responseLimit?: number;
  /** Cells one range read may return (default 5,000,000). */
  cellReadLimit?: number;
  /** Areas and address characters one getRanges call may take (default 512 and 8,192). */
  areasLimit?: number;
  areasCharLimit?: number;
}

export interface FakeStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
}

/** One action as sent (names as in the wire format: `Values`, `NumberFormat`, `Color`, `Add` …). */
export interface FakeTraceEntry {
  sync: number;
  name: string;
  /** Name of the object path the action applies to (`GetRanges`, `GetRangeByIndexes`, `Notes` …). */
  path: string;
  /** Arguments of that object path (e.g. the address given to `getRanges`). */
  pathArgs: unknown[];
  args?: unknown[];
}

export class FakeExcel implements ExcelLike {
  /** Actions of every successful-request sync, in order (set `tracing = false` for big benchmarks). */
  trace: FakeTraceEntry[] = [];
  tracing = true;
  apiVersion: string;
  requestLimit: number;
  responseLimit: number;
  cellReadLimit: number;
  areasLimit: number;
  areasCharLimit: number;
  stats: FakeStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  private injected: FakeOfficeError[] = [];

  constructor(
    readonly workbook: FakeWorkbook = new FakeWorkbook(),
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.requestLimit = options.requestLimit ?? 5 * MB;
    this.responseLimit = options.responseLimit ?? 5 * MB;
    this.cellReadLimit = options.cellReadLimit ?? 5_000_000;
    this.areasLimit = options.areasLimit ?? 512;
    this.areasCharLimit = options.areasCharLimit ?? 8192;
  }

  /** `Office.context.requirements.isSetSupported` for this fake host. */
  readonly supports = (set: string, version: string): boolean => set === 'ExcelApi' && versionAtLeast(this.apiVersion, version);

  resetStats(): void {
    this.stats = { syncs: 0, requestBytes: [], responseBytes: [] };
    this.trace = [];
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.stats.requestBytes);
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.stats.responseBytes);
  }
  get totalRequestBytes(): number {
    return this.stats.requestBytes.reduce((a, b) => a + b, 0);
  }
  get totalResponseBytes(): number {
    return this.stats.responseBytes.reduce((a, b) => a + b, 0);
  }

  /** Make the next sync fail with this Office error code (e.g. 'InvalidOperationInCellEditMode'). */
  failNextSync(code: string, message = 'Injected failure.'): void {
    this.injected.push(new FakeOfficeError(code, message));
  }
  _takeInjectedError(): FakeOfficeError | undefined {
    return this.injected.shift();
  }

  private failingActions = new Map<string, FakeOfficeError>();
  /**
   * Make the next action of this wire name (`Zoom`, `Merge`, `Rule` …) fail when it runs, like Excel rejecting
   * one call: the actions before it in the batch stay applied, the rest of the batch is not run.
   */
  failAction(name: string, code = 'InvalidArgument', message = 'The argument is invalid or missing or has an incorrect format.'): void {
    this.failingActions.set(name, new FakeOfficeError(code, message));
  }
  _failIfAsked(name: string): void {
    const e = this.failingActions.get(name);
    if (!e) return;
    this.failingActions.delete(name);
    throw e;
  }

  async run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync(); // Excel.run syncs what is left
    return result;
  }
}

// ---------------------------------------------------------------------------------------------- sample data

/** Header of the 附件3 individual table (ili-2025 附件3 二). */
export const ANNEX3_HEADER = ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '马', '艾', '阿', '古'];
const GIVEN = ['建国', '海燕', '文杰', '丽娜', '志强', '古丽', '买买提', '晓东', '玉山', '热依拉', '俊', '敏'];
const ETHNIC = ['汉族', '维吾尔族', '哈萨克族', '回族', '蒙古族', '锡伯族'];
const POLITICAL = ['中共党员', '群众', '共青团员', '无党派人士'];
const EDUCATION = ['大学本科/学士', '研究生/硕士', '大学专科', '高中'];
const UNITS = ['伊宁市市场监督管理局', '霍城县人民医院', '奎屯市第二中学', '伊犁哈萨克自治州质量技术监督检验所', '察布查尔锡伯自治县供电公司', '新源县那拉提镇人民政府'];
const UNIT_TYPES = ['机关', '参公', '事业', '企业', '社会团体', '村（居）民委员会', '其他社会组织'];
const TITLES = ['科员', '副科长', '主任', '高级工程师', '党支部书记', '副总经理'];
const REGIONS = ['654002', '654003', '654004', '654021', '654022', '654023', '654024', '654025', '654026', '654027', '654028', '650102'];

function idCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
  return '10X98765432'[s % 11];
}

export interface Annex3Layout {
  /** 0-based sheet row of the header and of the first data row. */
  headerRow: number;
  firstDataRow: number;
  /** 0-based column of 序号 (column A unless `originCol` moved the table). */
  firstCol: number;
  /** 0-based columns of 身份证号 and 联系电话. */
  idCol: number;
  phoneCol: number;
}

/**
 * Write a 附件3-like individual table (title, 推荐单位/填表日期 line, header, `rows` realistic data rows) into a
 * fake sheet. IDs and phones are text in '@' cells, as the template makes them. Deterministic.
 */
export function fillAnnex3(sheet: FakeSheet, rows: number, options: { originRow?: number; originCol?: number } = {}): Annex3Layout {
  const top = options.originRow ?? 0;
  const left = options.originCol ?? 0;
  const put = (r: number, c: number, cell: FakeCell) => {
    let row = sheet.rows[r];
    if (!row) row = sheet.rows[r] = [];
    row[c] = cell;
  };
  put(top, left, { value: '2025年度伊犁州直“质量提升”先进个人推荐对象汇总表' });
  put(top + 1, left, { value: '推荐单位（盖章）：伊宁市市场监督管理局　　　　填表日期：2025年3月18日' });
  ANNEX3_HEADER.forEach((h, j) => put(top + 2, left + j, { value: h }));
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let i = 0; i < rows; i++) {
    const r = top + 3 + i;
    const y = 1960 + rnd(45);
    const m = 1 + rnd(12);
    const d = 1 + rnd(28);
    const first17 = `${REGIONS[i % REGIONS.length]}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    const id = first17 + idCheck(first17);
    const male = Number(id[16]) % 2 === 1;
    const values: FakeValue[] = [
      i + 1,
      SURNAMES[rnd(SURNAMES.length)] + GIVEN[rnd(GIVEN.length)],
      male ? '男' : '女',
      ETHNIC[rnd(ETHNIC.length)],
      POLITICAL[rnd(POLITICAL.length)],
      EDUCATION[rnd(EDUCATION.length)],
      UNITS[rnd(UNITS.length)] + (i % 7 === 0 ? '办公室' : ''),
      UNIT_TYPES[rnd(UNIT_TYPES.length)],
      TITLES[rnd(TITLES.length)],
      id,
      `13${rnd(10)}${String(10000000 + ((i * 7919) % 90000000)).padStart(8, '0')}`,
      i % 10 === 0 ? '2024年度州级先进工作者' : null,
    ];
    values.forEach((v, j) => {
      if (v === null) return;
      put(r, left + j, j === 9 || j === 10 ? { value: v, numberFormat: '@' } : { value: v });
    });
  }
  return { headerRow: top + 2, firstDataRow: top + 3, firstCol: left, idCol: left + 9, phoneCol: left + 10 };
}
