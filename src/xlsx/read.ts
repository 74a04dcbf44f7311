/**
 * A workbook file → the engine's WorkbookGrid (Node only: the CLI and tests).
 *
 * How it reads ('stream', the default): the package is opened from memory by zip.ts (central directory, entries
 * inflated in chunks with zlib, CRC-checked, UTF-8 decoded across chunk boundaries); the workbook part, its
 * relationships, shared strings and styles, then each worksheet, are parsed with ExcelJS's SAX helper, event by
 * event, straight into value arrays. No Row/Cell objects are built: on a 100,000-row × 12-column sheet this is
 * about twice as fast as `new ExcelJS.Workbook().xlsx.readFile()` and peaks at a third of its memory.
 * ExcelJS's own streaming WorkbookReader was measured too and not used: it hangs on a damaged deflate stream,
 * splits Chinese characters that straddle a chunk boundary into U+FFFD, drops merged cells and keeps only the
 * last run of an inline rich string. `mode: 'full'` loads the whole workbook with ExcelJS instead (same grid,
 * slower; the cross-check in the tests).
 *
 * Before any parsing, the file is sniffed (sniff.ts) so that each kind of bad input gets its own
 * WorkbookReadError code and a message saying what to do; parser exceptions never reach the user.
 * Legacy .xls is converted with LibreOffice (`soffice --headless --convert-to xlsx`) on a temporary copy when
 * `soffice` is on the PATH.
 */
import { execFile } from 'child_process';
import { promises as fsp, constants as fsConstants } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellValue, RangeRef, SheetGrid, WorkbookGrid } from '../core/grid';
import { WorkbookReadError } from './errors';
import { sniff } from './sniff';
import { builtinFormat, decodeOoxmlEscapes, excelSerialToDate, isDateFormat } from './values';
import { entryText, findEntry, readCentralDirectory, ZipError, type ZipEntry } from './zip';
import { workbookToGrid } from './from-exceljs';

export interface ReadOptions {
  /** Name written into the grid (findings use it); defaults to the path as given. */
  name?: string;
  /** Convert legacy .xls with LibreOffice when `soffice` is on the PATH (default true). */
  convertXls?: boolean;
  /** 'stream' (default): ExcelJS streaming unzip + own sheet walk. 'full': ExcelJS in-memory model. */
  mode?: 'stream' | 'full';
}

export interface ReadResult {
  grid: WorkbookGrid;
  /** The .xlsx bytes that were read (after conversion for an .xls): what annotate.ts copies and marks. */
  bytes: Buffer;
  /** Set when the file was a legacy .xls converted with LibreOffice. */
  convertedFrom?: 'xls';
}

/** Read a workbook file. Throws only WorkbookReadError. */
export async function readWorkbookFile(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  let buf: Buffer;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new WorkbookReadError('io', `${file} is not a regular file`);
    buf = await fsp.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'io', String(e));
  }
  return readWorkbookBuffer(buf, { ...opts, name: opts.name ?? file });
}

/** Read a workbook from its bytes (the name is used in the grid and for .xls conversion). */
export async function readWorkbookBuffer(buf: Buffer, opts: ReadOptions & { name: string }): Promise<ReadResult> {
  const kind = sniff(buf);
  let convertedFrom: 'xls' | undefined;
  switch (kind.kind) {
    case 'xlsx':
      break;
    case 'xls': {
      if (opts.convertXls === false) throw new WorkbookReadError('xls');
      const soffice = await findSoffice();
      if (!soffice) throw new WorkbookReadError('xls');
      buf = await convertWithSoffice(soffice, buf);
      const again = sniff(buf);
      if (again.kind !== 'xlsx') throw new WorkbookReadError('xls-convert', `conversion produced ${again.kind}`);
      convertedFrom = 'xls';
      break;
    }
    case 'encrypted':
      throw new WorkbookReadError('encrypted');
    case 'xlsb':
      throw new WorkbookReadError('xlsb');
    case 'zip-corrupt':
      throw new WorkbookReadError('corrupt', kind.reason);
    case 'zero-bytes':
      throw new WorkbookReadError('corrupt', 'zero-byte file');
    case 'zip-other':
      throw new WorkbookReadError('not-workbook', `zip without xl/workbook.xml: ${kind.entries.slice(0, 5).join(', ')}`);
    case 'ole2-other':
      throw new WorkbookReadError('not-workbook', `OLE2 file with streams ${kind.streams.slice(0, 5).join(', ')}`);
    case 'other':
      throw new WorkbookReadError('not-workbook', 'neither a zip package nor an OLE2 file');
  }
  let grid: WorkbookGrid;
  try {
    grid = opts.mode === 'full' ? await readFull(buf, opts.name) : await readStreaming(buf, opts.name);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError('corrupt', String(e));
  }
  if (grid.sheets.length === 0 || grid.sheets.every((s) => s.values.length === 0)) throw new WorkbookReadError('empty');
  return convertedFrom ? { grid, bytes: buf, convertedFrom } : { grid, bytes: buf };
}

async function readFull(buf: Buffer, name: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return workbookToGrid(wb, name);
}

// ---------------------------------------------------------------------------------------------------------------
// Streaming read

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
type SaxEvent = { eventType: 'opentag' | 'closetag'; value: SaxNode } | { eventType: 'text'; value: string };

// ExcelJS's SAX helper (saxes underneath): yields the events of each input chunk as one array. ExcelJS is a
// declared dependency and 4.4 is its final release line, so this deep import is stable. Chunks are passed as
// strings (zip.ts decodes UTF-8 across chunk boundaries).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseSax: (it: AsyncIterable<string>) => AsyncIterable<SaxEvent[]> = require('exceljs/lib/utils/parse-sax');

async function* saxEvents(buf: Buffer, entry: ZipEntry): AsyncGenerator<SaxEvent[]> {
  try {
    yield* parseSax(entryText(buf, entry));
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(`${entry.name}: malformed XML (${(e as Error).message})`);
  }
}

/** Attribute by local name (`r:id` and `ns2:id` both answer `id` when asked with `prefixed`). */
function attr(node: SaxNode, name: string, prefixed = false): string | undefined {
  const a = node.attributes;
  if (!prefixed) return a[name];
  for (const k of Object.keys(a)) if (k.endsWith(':' + name)) return a[k];
  return undefined;
}

/** Resolve a relationship target against the folder of the part that owns the relationship. */
function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseDir ? baseDir.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

interface Relationship {
  type: string;
  target: string;
}

async function readRels(buf: Buffer, entries: ZipEntry[], relsPath: string, baseDir: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const e = findEntry(entries, relsPath);
  if (!e) return rels;
  for await (const events of saxEvents(buf, e)) {
    for (const ev of events) {
      if (ev.eventType !== 'opentag' || localName(ev.value.name) !== 'Relationship') continue;
      const id = attr(ev.value, 'Id');
      const target = attr(ev.value, 'Target');
      if (!id || !target || attr(ev.value, 'TargetMode') === 'External') continue;
      rels.set(id, { type: attr(ev.value, 'Type') ?? '', target: resolveTarget(baseDir, target) });
    }
  }
  return rels;
}

interface SheetRef {
  name: string;
  relId: string;
}

async function readWorkbookPart(buf: Buffer, e: ZipEntry): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  for await (const events of saxEvents(buf, e)) {
    for (const ev of events) {
      if (ev.eventType !== 'opentag') continue;
      const tag = localName(ev.value.name);
      if (tag === 'workbookPr') {
        const v = attr(ev.value, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (tag === 'sheet') {
        const name = attr(ev.value, 'name');
        const relId = attr(ev.value, 'id', true);
        if (name !== undefined && relId) sheets.push({ name, relId });
      }
    }
  }
  return { sheets, date1904 };
}

/** Shared strings: plain `<si><t>`, rich `<si><r><t>` runs joined; phonetic guides (`<rPh>`) left out. */
async function readSharedStrings(buf: Buffer, e: ZipEntry | undefined): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  if (!e) return out;
  let text: string | null = null;
  let inT = false;
  let inPhonetic = false;
  for await (const events of saxEvents(buf, e)) {
    for (const ev of events) {
      if (ev.eventType === 'text') {
        if (inT && !inPhonetic) text = text === null ? ev.value : text + ev.value;
        continue;
      }
      const tag = localName(ev.value.name);
      if (ev.eventType === 'opentag') {
        if (tag === 'si') text = null;
        else if (tag === 't') {
          inT = true;
          if (!inPhonetic && text === null) text = '';
        } else if (tag === 'rPh') inPhonetic = true;
      } else if (tag === 't') inT = false;
      else if (tag === 'rPh') inPhonetic = false;
      else if (tag === 'si') out.push(text === null ? null : decodeOoxmlEscapes(text));
    }
  }
  return out;
}

/** Number format of each cell style (`cellXfs` index → format code), for dates and text ('@') cells. */
async function readStyles(buf: Buffer, e: ZipEntry | undefined): Promise<StyleInfo[]> {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  if (e) {
    let inCellXfs = false;
    for await (const events of saxEvents(buf, e)) {
      for (const ev of events) {
        if (ev.eventType === 'text') continue;
        const tag = localName(ev.value.name);
        if (ev.eventType === 'opentag') {
          if (tag === 'numFmt') {
            const id = Number(attr(ev.value, 'numFmtId'));
            const code = attr(ev.value, 'formatCode');
            if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
          } else if (tag === 'cellXfs') inCellXfs = true;
          else if (tag === 'xf' && inCellXfs) xfIds.push(Number(attr(ev.value, 'numFmtId') ?? 0) || 0);
        } else if (tag === 'cellXfs') inCellXfs = false;
      }
    }
  }
  return xfIds.map((id) => {
    const fmt = id === 0 ? null : (custom.get(id) ?? builtinFormat(id) ?? null);
    return { fmt: fmt === 'General' ? null : fmt, date: isDateFormat(fmt) };
  });
}

interface StyleInfo {
  fmt: string | null;
  date: boolean;
}

const NO_STYLE: StyleInfo = { fmt: null, date: false };

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

async function readStreaming(buf: Buffer, name: string): Promise<WorkbookGrid> {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(buf);
  } catch (e) {
    throw new WorkbookReadError('corrupt', (e as Error).message);
  }
  try {
    // Package → workbook part (normally xl/workbook.xml) → its relationships → sheets, strings, styles.
    const rootRels = await readRels(buf, entries, '_rels/.rels', '');
    const wbPath = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
    const wbEntry = findEntry(entries, wbPath) ?? findEntry(entries, 'xl/workbook.xml');
    if (!wbEntry) throw new WorkbookReadError('not-workbook', 'no workbook part');
    const wbDir = wbEntry.name.includes('/') ? wbEntry.name.slice(0, wbEntry.name.lastIndexOf('/')) : '';
    const relsPath = (wbDir ? wbDir + '/' : '') + '_rels/' + wbEntry.name.slice(wbDir ? wbDir.length + 1 : 0) + '.rels';
    const [wb, rels] = await Promise.all([readWorkbookPart(buf, wbEntry), readRels(buf, entries, relsPath, wbDir)]);
    const relOf = (re: RegExp, fallback: string) => {
      const r = [...rels.values()].find((x) => re.test(x.type));
      return findEntry(entries, r?.target ?? fallback);
    };
    const [sharedStrings, styles] = await Promise.all([
      readSharedStrings(buf, relOf(REL_SHARED_STRINGS, `${wbDir}/sharedStrings.xml`)),
      readStyles(buf, relOf(REL_STYLES, `${wbDir}/styles.xml`)),
    ]);
    const sheets: SheetGrid[] = [];
    for (const s of wb.sheets) {
      const rel = rels.get(s.relId);
      if (!rel || !REL_WORKSHEET.test(rel.type)) continue; // chart sheets, dialog sheets
      const part = findEntry(entries, rel.target);
      if (!part) throw new ZipError(`worksheet part ${rel.target} missing`);
      sheets.push(await walkSheet(saxEvents(buf, part), s.name, sharedStrings, styles, wb.date1904));
    }
    return { name, sheets };
  } catch (e) {
    if (e instanceof ZipError) throw new WorkbookReadError('corrupt', e.message);
    throw e;
  }
}

/** Column letters of an A1 reference → 0-based column (digits end the letters). */
function refColumn(ref: string): number {
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

function parseRange(ref: string): RangeRef | null {
  const [a, b] = ref.split(':');
  if (!a) return null;
  const top = refRow(a);
  const left = refColumn(a);
  const bottom = b ? refRow(b) : top;
  const right = b ? refColumn(b) : left;
  if (!(top >= 0 && left >= 0 && bottom >= top && right >= left)) return null;
  return { top, left, bottom, right };
}

function localName(n: string): string {
  const i = n.indexOf(':');
  return i < 0 ? n : n.slice(i + 1);
}

/**
 * Walk one worksheet part: `<sheetData><row r><c r s t><f/><v/><is><t/></is></c></row></sheetData>` and
 * `<mergeCells><mergeCell ref/></mergeCells>`. Cell types (ECMA-376 §18.18.11): s shared string, str formula
 * string, inlineStr, b boolean, e error, d ISO date, n (default) number.
 */
/** The cells of a row with no value, shared by every such row: never written to. */
const NO_CELLS: CellValue[] = [];
const NO_FORMATS: (string | null)[] = [];

async function walkSheet(
  events: AsyncIterable<SaxEvent[]>,
  name: string,
  sharedStrings: (string | null)[],
  styles: StyleInfo[],
  date1904: boolean,
): Promise<SheetGrid> {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let hasFormats = false;
  const merges: RangeRef[] = [];

  let inSheetData = false;
  let rowIx = -1;
  let row: CellValue[] | null = null;
  let fmtRow: (string | null)[] | null = null;
  // current cell
  let inCell = false;
  let colIx = -1;
  let cType: string | undefined;
  let cStyle = 0;
  let vText: string | null = null;
  let isText: string | null = null;
  let capture = 0; // 0 nothing, 1 <v>, 2 <t> of an inline string
  let inPhonetic = false;

  const finishCell = () => {
    let v: CellValue = null;
    let info: StyleInfo = NO_STYLE;
    switch (cType) {
      case 's':
        if (vText !== null) v = sharedStrings[parseInt(vText, 10)] ?? null;
        break;
      case 'inlineStr':
        v = isText;
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
            info = styles[cStyle] ?? NO_STYLE;
            if (info.date) v = excelSerialToDate(v, date1904);
          }
        }
    }
    if (v === '' || v === null) return;
    if (!row) row = [];
    while (row.length < colIx) row.push(null);
    row[colIx] = v;
    if (cStyle > 0 && cType !== undefined && cType !== 'n') info = styles[cStyle] ?? NO_STYLE;
    if (info.fmt) {
      if (!fmtRow) fmtRow = [];
      while (fmtRow.length < colIx) fmtRow.push(null);
      fmtRow[colIx] = info.fmt;
      hasFormats = true;
    }
  };

  const finishRow = () => {
    if (row && row.length) {
      // Rows without a value share one empty array (a sheet may reach row 1,048,576 with a few cells).
      while (values.length < rowIx) {
        values.push(NO_CELLS);
        formats.push(NO_FORMATS);
      }
      values[rowIx] = row;
      formats[rowIx] = fmtRow ?? NO_FORMATS;
    }
    row = null;
    fmtRow = null;
  };

  for await (const chunk of events) {
    const events = chunk;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      if (ev.eventType === 'text') {
        if (capture === 1) vText = vText === null ? ev.value : vText + ev.value;
        else if (capture === 2 && !inPhonetic) isText = isText === null ? ev.value : isText + ev.value;
        continue;
      }
      const tag = localName(ev.value.name);
      if (ev.eventType === 'opentag') {
        if (!inSheetData) {
          if (tag === 'sheetData') inSheetData = true;
          else if (tag === 'mergeCell') {
            const r = parseRange(ev.value.attributes.ref ?? '');
            if (r) merges.push(r);
          }
          continue;
        }
        switch (tag) {
          case 'row': {
            const r = ev.value.attributes.r;
            rowIx = r ? parseInt(r, 10) - 1 : rowIx + 1;
            colIx = -1;
            break;
          }
          case 'c': {
            const a = ev.value.attributes;
            inCell = true;
            colIx = a.r ? refColumn(a.r) : colIx + 1;
            cType = a.t;
            cStyle = a.s ? parseInt(a.s, 10) : 0;
            vText = null;
            isText = null;
            break;
          }
          case 'v':
            if (inCell) {
              capture = 1;
              vText = '';
            }
            break;
          case 't':
            if (inCell) {
              capture = 2;
              if (isText === null) isText = '';
            }
            break;
          case 'rPh':
            inPhonetic = true;
            break;
        }
      } else {
        switch (tag) {
          case 'v':
          case 't':
            capture = 0;
            break;
          case 'rPh':
            inPhonetic = false;
            break;
          case 'c':
            if (inCell) finishCell();
            inCell = false;
            break;
          case 'row':
            finishRow();
            break;
          case 'sheetData':
            inSheetData = false;
            break;
        }
      }
    }
  }
  const grid: SheetGrid = { name, values, origin: { row: 0, col: 0 }, merges };
  if (hasFormats) grid.numberFormats = formats;
  return grid;
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy .xls through LibreOffice

/** Path of `soffice` (or `libreoffice`) on the PATH, or null. */
export async function findSoffice(): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const d of dirs) {
    for (const n of names) {
      const p = path.join(d, n);
      try {
        await fsp.access(p, fsConstants.X_OK);
        return p;
      } catch {
        /* next */
      }
    }
  }
  return null;
}

/** Convert legacy .xls bytes to .xlsx bytes with LibreOffice, in a private temporary directory. */
async function convertWithSoffice(soffice: string, xls: Buffer): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'award-tally-xls-'));
  try {
    const input = path.join(dir, 'input.xls');
    await fsp.writeFile(input, xls);
    await runSoffice(soffice, dir, ['--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), input]);
    try {
      return await fsp.readFile(path.join(dir, 'out', 'input.xlsx'));
    } catch {
      throw new WorkbookReadError('xls-convert', 'LibreOffice produced no output');
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Run LibreOffice headless with its own throw-away user profile (so it neither collides with a running
 * LibreOffice nor with a parallel conversion), with a time limit.
 */
export function runSoffice(soffice: string, workDir: string, args: string[], timeoutMs = 120_000): Promise<void> {
  const profile = 'file://' + path.join(workDir, 'lo-profile').replace(/\\/g, '/');
  return new Promise((resolve, reject) => {
    execFile(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--nolockcheck', ...args],
      { timeout: timeoutMs, windowsHide: true },
      (err, _stdout, stderr) => {
        if (err) reject(new WorkbookReadError('xls-convert', `${err.message} ${stderr}`.trim()));
        else resolve();
      },
    );
  });
}
