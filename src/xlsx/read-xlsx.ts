/**
 * .xlsx bytes → the engine's WorkbookGrid, with no Node API: the CLI (through read.ts) and the browser version /
 * Web Worker use this same reader.
 *
 * The package is opened from memory by zip.ts (central directory, entries inflated in slices with fflate,
 * CRC-checked, UTF-8 decoded across chunk boundaries). The small parts (workbook, relationships, styles) are
 * parsed with saxes; the large ones (shared strings, worksheets) with the fast scanner of xml-scan.ts, straight
 * into value arrays by the walkers of sheet-walk.ts, and again with saxes when a part is outside the scanner's
 * subset. No Row/Cell objects are built.
 *
 * Decompression budget (SPEC §7): the XML bytes inflated and the cell values kept are counted as they come; a
 * file past either limit is refused with WorkbookReadError('too-large') long before memory runs out. The
 * declared sizes in the central directory are checked first (an honest zip bomb is refused without inflating a
 * byte), and zip.ts stops any entry that inflates past its declared size (a lying one).
 */
import type { SheetGrid, WorkbookGrid } from '../core/grid';
import { WorkbookReadError } from './errors';
import { saxEvents as parseSax, type SaxEvent, type SaxNode } from './sax';
import { sniff, type FileKind } from './sniff';
import { feedSax, localName, SharedStringsWalker, SheetWalker, type StyleInfo } from './sheet-walk';
import { builtinFormat, isDateFormat } from './values';
import { scanXml, XmlScanError, type XmlHandler } from './xml-scan';
import { entryText, findEntry, readCentralDirectory, ZipError, type ZipEntry } from './zip';

/** Limits on what one workbook may expand to. */
export interface ReadBudget {
  /** Decompressed bytes of the XML parts read (workbook, relationships, shared strings, styles, sheets). */
  maxXmlBytes: number;
  /** Non-empty cell values kept, over all sheets. */
  maxCells: number;
}

/**
 * Far above any real award workbook: a county's summary sheet has hundreds of rows; the benchmark's 100,000-row
 * × 12-column sheet is 1.2 million cells and 52 MB of XML. At the limits, the reader peaks near 400 MB.
 */
export const DEFAULT_READ_BUDGET: ReadBudget = { maxXmlBytes: 256 * 1024 * 1024, maxCells: 2_000_000 };

class BudgetExceeded extends Error {}

/** Counts what a read has taken so far; throws when a limit is passed. */
class Meter {
  xmlBytes = 0;
  cells = 0;
  constructor(readonly budget: ReadBudget) {}
  /** An entry about to be read: its declared size must fit (an honest bomb is refused before inflating). */
  snapshot(): { xmlBytes: number; cells: number } {
    return { xmlBytes: this.xmlBytes, cells: this.cells };
  }
  restore(s: { xmlBytes: number; cells: number }): void {
    this.xmlBytes = s.xmlBytes;
    this.cells = s.cells;
  }
  declare(e: ZipEntry): void {
    if (this.xmlBytes + e.size > this.budget.maxXmlBytes) this.overXml();
  }
  bytes = (n: number): void => {
    this.xmlBytes += n;
    if (this.xmlBytes > this.budget.maxXmlBytes) this.overXml();
  };
  cell(): void {
    if (++this.cells > this.budget.maxCells) {
      throw new BudgetExceeded(`more than ${this.budget.maxCells} cells`);
    }
  }
  private overXml(): never {
    throw new BudgetExceeded(`more than ${Math.round(this.budget.maxXmlBytes / 1048576)} MB of XML once decompressed`);
  }
}

export interface ReadBytesOptions {
  /** Name written into the grid (findings use it). */
  name: string;
  budget?: ReadBudget;
  /** 'full' reads every part with saxes (tests compare the two); default: the fast scanner where it can. */
  parser?: 'fast' | 'full';
}

/**
 * Read a workbook from its bytes. Throws only WorkbookReadError: each kind of bad input (legacy .xls, password,
 * .xlsb, damaged zip, not a workbook, too large, empty) has its own code and a message saying what to do.
 * A legacy .xls is refused here with code 'xls'; read.ts converts it with LibreOffice first where it can.
 */
export async function readWorkbookBytes(bytes: Uint8Array, opts: ReadBytesOptions): Promise<WorkbookGrid> {
  const kind = sniff(bytes);
  throwUnlessXlsx(kind);
  let grid: WorkbookGrid;
  try {
    grid = readStreaming(bytes, opts.name, new Meter(opts.budget ?? DEFAULT_READ_BUDGET), opts.parser === 'full');
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof BudgetExceeded) throw new WorkbookReadError('too-large', e.message);
    if (e instanceof RangeError && /memory|allocation|Invalid (array|string) length/i.test(e.message)) {
      throw new WorkbookReadError('too-large', e.message);
    }
    throw new WorkbookReadError('corrupt', String(e));
  }
  if (grid.sheets.length === 0 || grid.sheets.every((s) => s.values.length === 0)) throw new WorkbookReadError('empty');
  return grid;
}

/** The WorkbookReadError for every kind of file but an .xlsx package. */
export function throwUnlessXlsx(kind: FileKind): void {
  switch (kind.kind) {
    case 'xlsx':
      return;
    case 'xls':
      throw new WorkbookReadError('xls');
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
}

function* saxEvents(buf: Uint8Array, entry: ZipEntry, meter: Meter): Generator<SaxEvent[]> {
  meter.declare(entry);
  try {
    yield* parseSax(entryText(buf, entry, meter.bytes));
  } catch (e) {
    if (e instanceof ZipError || e instanceof BudgetExceeded) throw e;
    throw new ZipError(`${entry.name}: malformed XML (${(e as Error).message})`);
  }
}

/**
 * Read one large part with the fast scanner; a part outside its subset (XmlScanError) is read again from the start
 * with the full parser, into a fresh handler, with the budget as it was before the first try.
 */
function readPart<H extends XmlHandler>(buf: Uint8Array, e: ZipEntry, meter: Meter, make: () => H, fullParser = false): H {
  const before = meter.snapshot();
  if (!fullParser) {
    meter.declare(e);
    const fast = make();
    try {
      scanXml(entryText(buf, e, meter.bytes), fast);
      return fast;
    } catch (err) {
      if (!(err instanceof XmlScanError)) throw err;
    }
    meter.restore(before);
  }
  const full = make();
  feedSax(saxEvents(buf, e, meter), full);
  return full;
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

function readRels(buf: Uint8Array, entries: ZipEntry[], relsPath: string, baseDir: string, meter: Meter): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const e = findEntry(entries, relsPath);
  if (!e) return rels;
  for (const events of saxEvents(buf, e, meter)) {
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

function readWorkbookPart(buf: Uint8Array, e: ZipEntry, meter: Meter): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  for (const events of saxEvents(buf, e, meter)) {
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

/** Shared strings (sheet-walk.ts), by the fast scanner or, outside its subset, the full parser. */
function readSharedStrings(buf: Uint8Array, e: ZipEntry | undefined, meter: Meter, fullParser: boolean): (string | null)[] {
  if (!e) return [];
  return readPart(buf, e, meter, () => new SharedStringsWalker(), fullParser).strings;
}

/** Number format of each cell style (`cellXfs` index → format code), for dates and text ('@') cells. */
function readStyles(buf: Uint8Array, e: ZipEntry | undefined, meter: Meter): StyleInfo[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  if (e) {
    let inCellXfs = false;
    for (const events of saxEvents(buf, e, meter)) {
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

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

function readStreaming(buf: Uint8Array, name: string, meter: Meter, fullParser: boolean): WorkbookGrid {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(buf);
  } catch (e) {
    throw new WorkbookReadError('corrupt', (e as Error).message);
  }
  try {
    // Package → workbook part (normally xl/workbook.xml) → its relationships → sheets, strings, styles.
    const rootRels = readRels(buf, entries, '_rels/.rels', '', meter);
    const wbPath = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
    const wbEntry = findEntry(entries, wbPath) ?? findEntry(entries, 'xl/workbook.xml');
    if (!wbEntry) throw new WorkbookReadError('not-workbook', 'no workbook part');
    const wbDir = wbEntry.name.includes('/') ? wbEntry.name.slice(0, wbEntry.name.lastIndexOf('/')) : '';
    const relsPath = (wbDir ? wbDir + '/' : '') + '_rels/' + wbEntry.name.slice(wbDir ? wbDir.length + 1 : 0) + '.rels';
    const wb = readWorkbookPart(buf, wbEntry, meter);
    const rels = readRels(buf, entries, relsPath, wbDir, meter);
    const relOf = (re: RegExp, fallback: string) => {
      const r = [...rels.values()].find((x) => re.test(x.type));
      return findEntry(entries, r?.target ?? fallback);
    };
    const sharedStrings = readSharedStrings(buf, relOf(REL_SHARED_STRINGS, `${wbDir}/sharedStrings.xml`), meter, fullParser);
    const styles = readStyles(buf, relOf(REL_STYLES, `${wbDir}/styles.xml`), meter);
    const sheets: SheetGrid[] = [];
    for (const s of wb.sheets) {
      const rel = rels.get(s.relId);
      if (!rel || !REL_WORKSHEET.test(rel.type)) continue; // chart sheets, dialog sheets
      const part = findEntry(entries, rel.target);
      if (!part) throw new ZipError(`worksheet part ${rel.target} missing`);
      sheets.push(readPart(buf, part, meter, () => new SheetWalker(s.name, sharedStrings, styles, wb.date1904, meter), fullParser).result());
    }
    return { name, sheets };
  } catch (e) {
    if (e instanceof ZipError) throw new WorkbookReadError('corrupt', e.message);
    throw e;
  }
}
