/**
 * Reading used ranges in as few syncs as the payload limit allows.
 *
 * Sync 1 loads, for every requested sheet at once, the used range's position and size and its first
 * SAMPLE_ROWS rows (`usedRange.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0)`): a sheet that small is then
 * read. For the rest, the bytes per row measured so far size row chunks that fill each response up to the
 * budget; chunks of several sheets share a sync while their estimated total fits. A chunk the host still
 * rejects as too large (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded / RangeExceedsLimit)
 * is retried at half the rows, down to one row.
 *
 * Target: syncs for one sheet ≤ 1 + ⌈response bytes / 4 MB⌉ (the benchmark prints it, test/excel checks it).
 *
 * Requirement sets: ranges are addressed in A1 (`getRange`, ExcelApi 1.1), so that check and fill run in every
 * Excel; the first-rows sample needs `getResizedRange` (1.7) and `getUsedRange(valuesOnly)` takes its argument
 * from 1.2 — below them the caller says so (ReadOptions) and the first sync carries the sizes only.
 *
 * Merged areas (ReadOptions.merges, ExcelApi 1.13): the used range's `getMergedAreasOrNullObject` rides in sync 1,
 * no extra round trip. Excel refuses it beyond 512 areas: sync 1 is then sent again without it and that sheet's
 * areas are read after the values in row slices (merged-areas.ts).
 */
import { colToLetters, type RangeRef } from '../core/grid';
import type { XlContext, XlRange, XlRangeAreas, XlWorksheet } from './excel-like';
import { BUDGET, MAX_READ_CELLS } from './batch';
import { ExcelHostError, isSizeError } from './errors';
import { jsonBytes } from './values';
import { mergedInSlices, mergedOf, queueMerged } from './merged-areas';

export type CellArrayProp = 'values' | 'valueTypes' | 'numberFormat';

export const SAMPLE_ROWS = 200;
/** Room left in each response for the envelope and per-action overhead. */
const ENVELOPE = 16 * 1024;
/** Estimated bytes per row are raised by this factor to absorb row-to-row variation. */
const SAFETY = 1.01;
const PER_CHUNK_OVERHEAD = 120;

export interface UsedBlock {
  ws: XlWorksheet;
  /** 0-based sheet position of the block's top-left cell. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  /** Merged areas met by the used range (sheet coordinates); [] when not asked for. */
  merges: RangeRef[];
}

interface Part {
  start: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

interface SheetState {
  ws: XlWorksheet;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  known: boolean;
  next: number;
  parts: Part[];
  bytes: number;
  rowsRead: number;
  /** Raised ×2 after each size error on this sheet: halves the next chunk. */
  factor: number;
  merges: RangeRef[];
  /** Excel refused the merged areas of the whole used range (over 512): read them in slices. */
  mergesInSlices: boolean;
}

export interface ReadOptions {
  props: readonly CellArrayProp[];
  /** Rows done / total after each sync. */
  onRows?: (done: number, total: number) => void;
  budget?: number;
  /** Rows in the first sync (default SAMPLE_ROWS); larger for narrow sheets whose rows are known to be small. */
  sampleRows?: number;
  /**
   * Queues the caller's own loads (sheet names …) to ride along with the first sync. Called again before every
   * retry of that sync, since a failed sync delivers none of its loads.
   */
  alongside?: () => void;
  /** `Range.getResizedRange` is there (ExcelApi 1.7): the first sync also reads the first rows. Default true. */
  resizable?: boolean;
  /** `getUsedRange(valuesOnly)` takes its argument (ExcelApi 1.2): formatted empty cells do not count. Default true. */
  valuesOnly?: boolean;
  /** `Range.getMergedAreasOrNullObject` is there (ExcelApi 1.13): read the merged areas too. Default false. */
  merges?: boolean;
}

/** Rows × columns at 0-based indexes, addressed in A1 (`getRange`, ExcelApi 1.1; getRangeByIndexes is 1.7). */
export function rangeAt(ws: XlWorksheet, row: number, col: number, rows: number, cols: number): XlRange {
  const tl = `${colToLetters(col)}${row + 1}`;
  const br = `${colToLetters(col + cols - 1)}${row + rows}`;
  return ws.getRange(rows === 1 && cols === 1 ? tl : `${tl}:${br}`);
}

function partBytes(p: Omit<Part, 'start'>, props: readonly CellArrayProp[]): number {
  let n = PER_CHUNK_OVERHEAD;
  for (const k of props) n += jsonBytes(p[k]);
  return n;
}

function takeRows(r: XlRange, props: readonly CellArrayProp[], rows: number): Omit<Part, 'start'> {
  return {
    values: props.includes('values') ? (r.values as unknown[][]).slice(0, rows) : [],
    valueTypes: props.includes('valueTypes') ? (r.valueTypes as string[][]).slice(0, rows) : [],
    numberFormat: props.includes('numberFormat') ? (r.numberFormat as unknown[][]).slice(0, rows) : [],
  };
}

/**
 * Read the used range (values only: formatted empty cells do not count) of each sheet. The worksheet proxies
 * may come from the caller's pending batch: sync 1 also carries whatever the caller queued.
 */
export async function readUsedRanges(ctx: XlContext, sheets: readonly XlWorksheet[], options: ReadOptions): Promise<UsedBlock[]> {
  const props = options.props;
  const budget = (options.budget ?? BUDGET) - ENVELOPE;
  const states: SheetState[] = sheets.map((ws) => ({
    ws, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, known: false, next: 0, parts: [], bytes: 0, rowsRead: 0, factor: 1,
    merges: [], mergesInSlices: false,
  }));
  const report = () => {
    if (!options.onRows) return;
    let done = 0;
    let total = 0;
    for (const s of states) {
      done += s.rowsRead;
      total += s.known ? s.rowCount : 1;
    }
    options.onRows(done, total);
  };

  // Sync 1: size and first rows of every sheet.
  let alongsidePending = options.alongside !== undefined;
  const sample = async (group: SheetState[], rows: number, merges = options.merges === true): Promise<void> => {
    if (alongsidePending) options.alongside?.();
    const queued = group.map((st) => {
      const used = options.valuesOnly === false ? st.ws.getUsedRange() : st.ws.getUsedRange(true);
      used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      let first: XlRange | null = null;
      if (rows > 0) {
        first = used.getRow(0).getResizedRange(rows - 1, 0);
        first.load([...props]);
      }
      const merged: XlRangeAreas | null = merges ? queueMerged(used) : null;
      return { st, used, first, merged };
    });
    try {
      await ctx.sync();
      alongsidePending = false;
    } catch (e) {
      if (!isSizeError(e)) {
        if (!merges) throw e;
        // Over 512 merged areas on a sheet: again without them; they are read in slices after the values.
        for (const st of group) st.mergesInSlices = true;
        await sample(group, rows, false);
        return;
      }
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        await sample(group.slice(0, mid), rows, merges);
        await sample(group.slice(mid), rows, merges);
        return;
      }
      if (rows === 0) throw new ExcelHostError('too-large', { detail: String((e as Error).message), cause: e });
      await sample(group, rows > 1 ? Math.floor(rows / 2) : 0, merges);
      return;
    }
    for (const { st, used, first, merged } of queued) {
      if (merged) {
        st.merges = mergedOf(merged);
        st.mergesInSlices = false;
      }
      st.known = true;
      st.rowIndex = used.rowIndex;
      st.columnIndex = used.columnIndex;
      st.rowCount = used.rowCount;
      st.columnCount = used.columnCount;
      if (first) {
        const n = Math.min(rows, st.rowCount);
        const p = takeRows(first, props, n);
        st.parts.push({ start: 0, ...p });
        st.bytes += partBytes(p, props);
        st.rowsRead = n;
        st.next = n;
      }
    }
  };
  if (states.length > 0) await sample(states, options.resizable === false ? 0 : (options.sampleRows ?? SAMPLE_ROWS));
  else if (alongsidePending) {
    options.alongside?.();
    await ctx.sync();
  }
  report();

  // Then row chunks, as many per sync as fit the budget.
  const perRow = (st: SheetState): number => {
    // Before any row is known (sample skipped), assume a generous 64 bytes per cell for the loaded arrays.
    const measured = st.rowsRead > 0 ? st.bytes / st.rowsRead : 64 * props.length * Math.max(1, st.columnCount);
    return Math.max(1, measured * SAFETY * st.factor);
  };
  for (;;) {
    const pending = states.filter((s) => s.next < s.rowCount);
    if (pending.length === 0) break;
    let room = budget;
    const batch: { st: SheetState; start: number; rows: number; range: XlRange }[] = [];
    for (const st of pending) {
      while (st.next < st.rowCount) {
        const est = perRow(st);
        const cap = Math.floor(MAX_READ_CELLS / Math.max(1, st.columnCount));
        const rows = Math.min(st.rowCount - st.next, Math.floor((room - PER_CHUNK_OVERHEAD) / est), cap);
        if (rows < 1) break;
        const range = rangeAt(st.ws, st.rowIndex + st.next, st.columnIndex, rows, st.columnCount);
        range.load([...props]);
        batch.push({ st, start: st.next, rows, range });
        st.next += rows;
        room -= rows * est + PER_CHUNK_OVERHEAD;
      }
      if (room < PER_CHUNK_OVERHEAD * 2) break;
    }
    if (batch.length === 0) {
      // Not even one row fits the estimate: try a single row anyway and let the host decide.
      const st = pending[0];
      const range = rangeAt(st.ws, st.rowIndex + st.next, st.columnIndex, 1, st.columnCount);
      range.load([...props]);
      batch.push({ st, start: st.next, rows: 1, range });
      st.next += 1;
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e)) throw e;
      for (const b of batch) b.st.next = Math.min(b.st.next, b.start);
      if (batch.length === 1 && batch[0].rows === 1) throw new ExcelHostError('too-large', { detail: String((e as Error).message), cause: e });
      for (const st of new Set(batch.map((b) => b.st))) st.factor *= 2;
      continue;
    }
    for (const b of batch) {
      const p = takeRows(b.range, props, b.rows);
      b.st.parts.push({ start: b.start, ...p });
      b.st.bytes += partBytes(p, props);
      b.st.rowsRead += b.rows;
    }
    report();
  }

  for (const st of states) {
    if (st.mergesInSlices && st.rowCount > 0) st.merges = await mergedInSlices(ctx, st.ws, st, options.budget);
  }

  return states.map((st) => {
    st.parts.sort((a, b) => a.start - b.start);
    const cat = <T>(k: CellArrayProp): T[][] => {
      const out: T[][] = [];
      for (const p of st.parts) for (const r of p[k] as T[][]) out.push(r);
      return out;
    };
    return {
      ws: st.ws,
      rowIndex: st.rowIndex,
      columnIndex: st.columnIndex,
      rowCount: st.rowCount,
      columnCount: st.columnCount,
      values: cat<unknown>('values'),
      valueTypes: cat<string>('valueTypes'),
      numberFormat: cat<unknown>('numberFormat'),
      merges: st.merges,
    };
  });
}
