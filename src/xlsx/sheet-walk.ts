/**
 * What the reader keeps of a worksheet part and of the shared strings, as handlers of XML tags: fed either by the
 * fast scanner (xml-scan.ts) or, for a part outside its subset, by the full parser (sax.ts) through `feedSax`.
 * One walker, two feeds: both give the same grid by construction.
 *
 * Worksheet: `<sheetData><row r><c r s t><f/><v/><is><t/></is></c></row></sheetData>` and
 * `<mergeCells><mergeCell ref/></mergeCells>`. Cell types (ECMA-376 §18.18.11): s shared string, str formula
 * string, inlineStr, b boolean, e error, d ISO date, n (default) number.
 */
import type { CellValue, RangeRef, SheetGrid } from '../core/grid';
import type { SaxEvent } from './sax';
import { decodeOoxmlEscapes, excelSerialToDate } from './values';
import { attrOf, type AttrList, type XmlHandler } from './xml-scan';

export interface StyleInfo {
  fmt: string | null;
  date: boolean;
}

export const NO_STYLE: StyleInfo = { fmt: null, date: false };

/** The number formats of a row without any: one shared empty row (the grid's readers never write into it). */
const NO_FORMATS: readonly (string | null)[] = Object.freeze([]);
/** The cells of a row with no value, shared by every such row (a sheet may reach row 1,048,576 with a few cells). */
const NO_CELLS: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Counts each kept cell (the reader's budget); throws when over. */
export interface CellMeter {
  cell(): void;
}

/** Column letters of an A1 reference → 0-based column (digits end the letters). */
export function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return parseInt(ref.slice(i), 10) - 1;
}

export function parseRange(ref: string): RangeRef | null {
  const [a, b] = ref.split(':');
  if (!a) return null;
  const top = refRow(a);
  const left = refColumn(a);
  const bottom = b ? refRow(b) : top;
  const right = b ? refColumn(b) : left;
  if (!(top >= 0 && left >= 0 && bottom >= top && right >= left)) return null;
  return { top, left, bottom, right };
}

export function localName(n: string): string {
  const i = n.indexOf(':');
  return i < 0 ? n : n.slice(i + 1);
}

/** Feed the full parser's events to a handler, the way the fast scanner calls it. */
export function feedSax(events: Iterable<SaxEvent[]>, h: XmlHandler): void {
  for (const batch of events) {
    for (let i = 0; i < batch.length; i++) {
      const ev = batch[i];
      if (ev.eventType === 'text') {
        if (h.wantText()) h.text(ev.value);
      } else if (ev.eventType === 'opentag') {
        const list = Object.entries(ev.value.attributes).flat();
        h.open(localName(ev.value.name), list, list.length);
      }
      else h.close(localName(ev.value.name));
    }
  }
}

/** One worksheet part → the engine's SheetGrid (values, number formats where set, merged areas). */
export class SheetWalker implements XmlHandler {
  private readonly values: CellValue[][] = [];
  private readonly formats: (readonly (string | null)[])[] = [];
  private hasFormats = false;
  private readonly merges: RangeRef[] = [];

  private inSheetData = false;
  private rowIx = -1;
  private row: CellValue[] | null = null;
  private fmtRow: (string | null)[] | null = null;
  // current cell
  private inCell = false;
  private colIx = -1;
  private cType: string | undefined;
  private cStyle = 0;
  private vText: string | null = null;
  private isText: string | null = null;
  /** 0 nothing, 1 `<v>`, 2 `<t>` of an inline string */
  private capture = 0;
  private inPhonetic = false;

  constructor(
    private readonly name: string,
    private readonly sharedStrings: readonly (string | null)[],
    private readonly styles: readonly StyleInfo[],
    private readonly date1904: boolean,
    private readonly meter: CellMeter,
  ) {}

  wantText(): boolean {
    return this.capture !== 0 && !(this.capture === 2 && this.inPhonetic);
  }

  text(t: string): void {
    if (this.capture === 1) this.vText = this.vText === null ? t : this.vText + t;
    else if (this.capture === 2 && !this.inPhonetic) this.isText = this.isText === null ? t : this.isText + t;
  }

  open(tag: string, a: AttrList, n: number): void {
    if (!this.inSheetData) {
      if (tag === 'sheetData') this.inSheetData = true;
      else if (tag === 'mergeCell') {
        const r = parseRange(attrOf(a, n, 'ref') ?? '');
        if (r) this.merges.push(r);
      }
      return;
    }
    switch (tag) {
      case 'row': {
        const r = attrOf(a, n, 'r');
        this.rowIx = r ? parseInt(r, 10) - 1 : this.rowIx + 1;
        this.colIx = -1;
        break;
      }
      case 'c': {
        this.inCell = true;
        let r: string | undefined;
        let t: string | undefined;
        let st: string | undefined;
        for (let i = 0; i < n; i += 2) {
          const k = a[i];
          if (k === 'r') r = a[i + 1];
          else if (k === 't') t = a[i + 1];
          else if (k === 's') st = a[i + 1];
        }
        this.colIx = r ? refColumn(r) : this.colIx + 1;
        this.cType = t;
        this.cStyle = st ? parseInt(st, 10) : 0;
        this.vText = null;
        this.isText = null;
        break;
      }
      case 'v':
        if (this.inCell) {
          this.capture = 1;
          this.vText = '';
        }
        break;
      case 't':
        if (this.inCell) {
          this.capture = 2;
          if (this.isText === null) this.isText = '';
        }
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  close(tag: string): void {
    switch (tag) {
      case 'v':
      case 't':
        this.capture = 0;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c':
        if (this.inCell) this.finishCell();
        this.inCell = false;
        break;
      case 'row':
        this.finishRow();
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  private finishCell(): void {
    const { vText, cStyle, cType } = this;
    let v: CellValue = null;
    let info: StyleInfo = NO_STYLE;
    switch (cType) {
      case 's':
        if (vText !== null) v = this.sharedStrings[parseInt(vText, 10)] ?? null;
        break;
      case 'inlineStr':
        v = this.isText;
        break;
      case 'str':
        v = vText !== null ? decodeOoxmlEscapes(vText) : null;
        break;
      case 'b':
        v = vText === null ? null : vText === '1' || vText === 'true';
        break;
      case 'e':
        v = vText;
        break;
      case 'd': {
        const d = vText ? new Date(vText) : null;
        v = d && !Number.isNaN(d.getTime()) ? d : vText;
        break;
      }
      default:
        if (vText !== null && vText !== '') {
          const n = Number(vText);
          v = Number.isFinite(n) ? n : vText;
          if (typeof v === 'number' && cStyle > 0) {
            info = this.styles[cStyle] ?? NO_STYLE;
            if (info.date) v = excelSerialToDate(v, this.date1904);
          }
        }
    }
    if (v === '' || v === null) return;
    this.meter.cell();
    const colIx = this.colIx;
    const row = (this.row ??= []);
    while (row.length < colIx) row.push(null);
    row[colIx] = v;
    if (cStyle > 0 && cType !== undefined && cType !== 'n') info = this.styles[cStyle] ?? NO_STYLE;
    if (info.fmt) {
      const fmtRow = (this.fmtRow ??= []);
      while (fmtRow.length < colIx) fmtRow.push(null);
      fmtRow[colIx] = info.fmt;
      this.hasFormats = true;
    }
  }

  private finishRow(): void {
    const row = this.row;
    if (row && row.length) {
      while (this.values.length < this.rowIx) {
        this.values.push(NO_CELLS);
        this.formats.push(NO_FORMATS);
      }
      this.values[this.rowIx] = row;
      this.formats[this.rowIx] = this.fmtRow ?? NO_FORMATS;
    }
    this.row = null;
    this.fmtRow = null;
  }

  result(): SheetGrid {
    const grid: SheetGrid = { name: this.name, values: this.values, origin: { row: 0, col: 0 }, merges: this.merges };
    if (this.hasFormats) grid.numberFormats = this.formats as (string | null)[][];
    return grid;
  }
}

/** Shared strings: plain `<si><t>`, rich `<si><r><t>` runs joined; phonetic guides (`<rPh>`) left out. */
export class SharedStringsWalker implements XmlHandler {
  readonly strings: (string | null)[] = [];
  private current: string | null = null;
  private inT = false;
  private inPhonetic = false;

  wantText(): boolean {
    return this.inT && !this.inPhonetic;
  }
  text(t: string): void {
    if (this.inT && !this.inPhonetic) this.current = this.current === null ? t : this.current + t;
  }
  open(tag: string): void {
    if (tag === 'si') this.current = null;
    else if (tag === 't') {
      this.inT = true;
      if (!this.inPhonetic && this.current === null) this.current = '';
    } else if (tag === 'rPh') this.inPhonetic = true;
  }
  close(tag: string): void {
    if (tag === 't') this.inT = false;
    else if (tag === 'rPh') this.inPhonetic = false;
    else if (tag === 'si') this.strings.push(this.current === null ? null : decodeOoxmlEscapes(this.current));
  }
}
