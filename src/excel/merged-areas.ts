/**
 * Merged areas of a used range (SPEC §2 "Merged data cells"), read through `Range.getMergedAreasOrNullObject`
 * (ExcelApi 1.13). The areas arrive as one RangeAreas address (`'附件 3'!A5:A6,'附件 3'!C9:C11`); Excel refuses
 * the call beyond 512 merged areas (@types/office-js, Range.getMergedAreasOrNullObject), so a used range that
 * holds more is asked again in row slices small enough that they cannot hold more than 512 areas.
 */
import { parseA1Range, type RangeRef } from '../core/grid';
import type { XlContext, XlRangeAreas, XlWorksheet } from './excel-like';
import { BUDGET } from './batch';
import { isSizeError } from './errors';
import { rangeAt } from './read';

/** Excel's limit on the merged areas one getMergedAreasOrNullObject call returns. */
export const MERGED_AREAS_LIMIT = 512;

/**
 * The rectangles of a RangeAreas address, in sheet coordinates. Sheet names may be quoted and hold commas,
 * quotes ('') or '!': only the part after the sheet name is parsed. Pieces that are not cell ranges are skipped.
 */
export function parseAreas(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    // Sheet name: quoted ('' inside is a quote) or bare up to '!'; absent when the piece has no '!'.
    let j = i;
    if (address[j] === "'") {
      j++;
      while (j < n) {
        if (address[j] === "'" && address[j + 1] === "'") j += 2;
        else if (address[j] === "'") break;
        else j++;
      }
      j++; // closing quote
    }
    let end = j;
    while (end < n && address[end] !== ',') end++;
    const piece = address.slice(j, end);
    const bang = piece.lastIndexOf('!');
    const ref = (bang < 0 ? piece : piece.slice(bang + 1)).replace(/\$/g, '').trim();
    if (/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(ref)) out.push(parseA1Range(ref));
    i = end + 1;
  }
  return out;
}

/** Queue the merged areas of a range; read them with `mergedOf` after the sync. */
export function queueMerged(range: { getMergedAreasOrNullObject(): XlRangeAreas }): XlRangeAreas {
  const m = range.getMergedAreasOrNullObject();
  m.load('address');
  return m;
}

export function mergedOf(m: XlRangeAreas): RangeRef[] {
  return m.isNullObject ? [] : parseAreas(m.address);
}

/** Bytes of a response per cell in the worst case (every two cells one area of ~24 characters). */
const WORST_BYTES_PER_CELL = 14;
const REQUEST_BYTES_PER_SLICE = 400;

/**
 * The merged areas of a block with more than 512 of them: row slices of at most 512 cells (a slice then meets at
 * most 512 areas), as many per sync as the budget allows; a sync refused as too large is sent again in halves.
 * Areas met by two slices are kept once. A slice Excel still refuses (a row wider than 512 cells, all merged) is
 * left out: its rows are read without their merges.
 */
export async function mergedInSlices(
  ctx: XlContext,
  ws: XlWorksheet,
  block: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
  budget = BUDGET,
): Promise<RangeRef[]> {
  const rowsPer = Math.max(1, Math.floor(MERGED_AREAS_LIMIT / Math.max(1, block.columnCount)));
  const slices: { start: number; rows: number }[] = [];
  for (let s = 0; s < block.rowCount; s += rowsPer) slices.push({ start: s, rows: Math.min(rowsPer, block.rowCount - s) });
  const found = new Map<string, RangeRef>();
  const send = async (list: typeof slices): Promise<void> => {
    const queued = list.map((s) => queueMerged(rangeAt(ws, block.rowIndex + s.start, block.columnIndex, s.rows, block.columnCount)));
    try {
      await ctx.sync();
    } catch (e) {
      if (list.length === 1) {
        if (isSizeError(e)) throw e;
        return; // left out (see above)
      }
      const mid = Math.ceil(list.length / 2);
      await send(list.slice(0, mid));
      await send(list.slice(mid));
      return;
    }
    for (const m of queued) for (const r of mergedOf(m)) found.set(`${r.top},${r.left},${r.bottom},${r.right}`, r);
  };
  let i = 0;
  while (i < slices.length) {
    let req = 0;
    let res = 0;
    const start = i;
    while (i < slices.length) {
      const cells = slices[i].rows * block.columnCount;
      if (i > start && (req + REQUEST_BYTES_PER_SLICE > budget || res + cells * WORST_BYTES_PER_CELL > budget)) break;
      req += REQUEST_BYTES_PER_SLICE;
      res += cells * WORST_BYTES_PER_CELL;
      i++;
    }
    await send(slices.slice(start, i));
  }
  return [...found.values()];
}
