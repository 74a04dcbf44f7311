/**
 * Reads queued in as few syncs as the payload budget allows, shared by the host's jobs (apply, mark): column runs
 * cut to the budget, retried in halves when Excel rejects a request as too large, and small helpers on cells.
 */
import type { XlContext } from './excel-like';
import { BUDGET, type Run } from './batch';
import { isSizeError } from './errors';

/** One queued read: a vertical run of cells (`run`), or one note / comment looked up by key. */
export interface ReadItem<T> {
  kind: 'run' | 'note' | 'comment';
  sheet: string;
  top: number;
  col: number;
  items: (T | undefined)[];
  reqBytes: number;
  resBytes: number;
}

/** Reads of column runs, each cut so its estimated response stays well inside the budget. */
export function runReads<T>(sheet: string, runs: readonly Run<T>[], reqBytes: number, cellBytes: (t: T | undefined) => number): ReadItem<T>[] {
  const out: ReadItem<T>[] = [];
  for (const run of runs) {
    let start = 0;
    while (start < run.items.length) {
      let res = 0;
      let end = start;
      while (end < run.items.length && (end === start || res + cellBytes(run.items[end]) <= BUDGET / 2)) res += cellBytes(run.items[end++]);
      out.push({ kind: 'run', sheet, top: run.top + start, col: run.col, items: run.items.slice(start, end), reqBytes, resBytes: res });
      start = end;
    }
  }
  return out;
}

/** A run read in two halves (after Excel rejected it as too large); null when it cannot shrink. */
export function halveRead<T>(r: ReadItem<T>): ReadItem<T>[] | null {
  if (r.kind !== 'run' || r.items.length < 2) return null;
  const mid = Math.ceil(r.items.length / 2);
  const share = r.resBytes / r.items.length;
  return [
    { ...r, items: r.items.slice(0, mid), resBytes: share * mid },
    { ...r, top: r.top + mid, items: r.items.slice(mid), resBytes: share * (r.items.length - mid) },
  ];
}

/** A1 part of an address returned by Excel (`'附件3'!B3` → `B3`). */
export function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return (i < 0 ? address : address.slice(i + 1)).replace(/\$/g, '').toUpperCase();
}

export function key(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;
}

export function parseCell(cell: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell.toUpperCase());
  if (!m) throw new Error(`bad cell ${cell}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: c - 1 };
}

/**
 * Queue reads and sync whenever the next would push the request or the estimated response over the budget.
 * `queue` returns a callback that consumes the loaded data after the sync. A sync Excel rejects as too large
 * is retried with half the reads (reads have no effect, so a retry is safe). `alongside` queues the caller's
 * own loads with the first sync (again on each retry, since a failed sync delivers no load).
 */
export async function chunkedReads<T>(
  ctx: XlContext,
  reads: readonly ReadItem<T>[],
  queue: (r: ReadItem<T>) => () => void,
  alongside?: () => void,
): Promise<void> {
  let first = true;
  const send = async (list: readonly ReadItem<T>[]): Promise<void> => {
    if (first) alongside?.();
    const consumers = list.map(queue);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e)) throw e;
      const parts = list.length >= 2 ? [list.slice(0, Math.ceil(list.length / 2)), list.slice(Math.ceil(list.length / 2))] : halveRead(list[0])?.map((r) => [r]);
      if (!parts) throw e;
      for (const p of parts) await send(p);
      return;
    }
    first = false;
    for (const c of consumers) c();
  };
  let i = 0;
  while (i < reads.length || (first && alongside)) {
    let req = 0;
    let res = 0;
    const start = i;
    while (i < reads.length && (i === start || (req + reads[i].reqBytes <= BUDGET && res + reads[i].resBytes <= BUDGET))) {
      req += reads[i].reqBytes;
      res += reads[i].resBytes;
      i++;
    }
    await send(reads.slice(start, i));
  }
}

export function groupBy<T>(list: readonly T[], k: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const key = k(x);
    let a = m.get(key);
    if (!a) m.set(key, (a = []));
    a.push(x);
  }
  return m;
}

/** Maximal sub-runs [from, length, key] of consecutive items with the same defined key. */
export function subRuns<T>(items: readonly T[], k: (t: T) => string | undefined): [number, number, string][] {
  const out: [number, number, string][] = [];
  let i = 0;
  while (i < items.length) {
    const v = k(items[i]);
    if (v === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < items.length && k(items[j]) === v) j++;
    out.push([i, j - i, v]);
    i = j;
  }
  return out;
}

/** Split sorted items into blocks of consecutive integers. */
export function consecutive<T>(items: readonly T[], n: (t: T) => number): T[][] {
  const out: T[][] = [];
  for (const x of items) {
    const last = out[out.length - 1];
    if (last && n(last[last.length - 1]) + 1 === n(x)) last.push(x);
    else out.push([x]);
  }
  return out;
}
