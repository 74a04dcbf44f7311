/**
 * The mark store: how "clear marks" can restore a sheet exactly, even after the workbook was closed and reopened.
 *
 * Marking fills offending cells and attaches a note (or comment). Before a cell is filled its original fill is
 * written to a `veryHidden` worksheet `_AwardTallyMarks` in the workbook itself (not in the task pane's memory
 * or browser storage, which a reopened or copied file would not carry). One row per marked cell:
 *
 *   A sheet      — worksheet name
 *   B cell       — A1 address
 *   C fill       — original fill: `none` (no fill), `keep` (a gradient: Office.js cannot set one, so the cell is
 *                  not filled and nothing is restored), or JSON {color, pattern, patternColor, tintAndShade,
 *                  patternTintAndShade} as `range.getCellProperties` reported it (ExcelApi 1.9)
 *   D mark       — the fill colour the add-in applied (`#FFC7CE` …); "clear" restores C only while the cell still
 *                  shows this colour, so a fill the user applied after marking is kept
 *   E annotation — `note` | `comment` | `` (none attached: unsupported, or the cell already had the user's own)
 *   F commentId  — the threaded comment's id when E is `comment` (notes are keyed by their cell)
 *
 * Row 1 holds the column names and, in G1, the format version. Every cell is text-formatted ('@') so a sheet
 * called `2024` or a colour never turns into a number. A cell marked again keeps its first recorded fill.
 * The add-in's notes and comments start with MARK_PREFIX; "clear" deletes only the ones recorded here and still
 * starting with the prefix, so a user's note — or one the user rewrote — is never removed.
 */
import type { Severity } from '../core/finding';

export const MARK_STORE_SHEET = '_AwardTallyMarks';
export const MARK_STORE_VERSION = 'award-tally/marks@1';
export const MARK_PREFIX = '【评优汇总核查】';
export const MARK_COLORS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
export const STORE_HEADER = ['sheet', 'cell', 'fill', 'mark', 'annotation', 'commentId', MARK_STORE_VERSION] as const;
export const STORE_COLUMNS = STORE_HEADER.length;
/** Longest note/comment text written (the sheet stays readable; the task pane has the full list). */
export const MAX_ANNOTATION_CHARS = 1000;

export interface FillSpec {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}
export type StoredFill = 'none' | 'keep' | FillSpec;
export type Annotation = 'note' | 'comment' | '';

export interface MarkRecord {
  sheet: string;
  cell: string;
  fill: StoredFill;
  mark: string;
  annotation: Annotation;
  commentId: string;
  /** 0-based row of the record in the store sheet. */
  storeRow: number;
}

/** Gradient fills cannot be set through Office.js ("LinearGradient and RectangularGradient are not supported"). */
export function isGradient(pattern: string | undefined): boolean {
  return pattern === 'LinearGradient' || pattern === 'RectangularGradient';
}

/** A fill as getCellProperties reports it → what the store keeps. */
export function storedFillOf(f: { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number } | undefined): StoredFill {
  if (!f || f.pattern === 'None' || (f.pattern === undefined && (f.color === undefined || f.color === '#FFFFFF'))) return 'none';
  if (isGradient(f.pattern)) return 'keep';
  return {
    color: f.color ?? '#FFFFFF',
    pattern: f.pattern ?? 'Solid',
    patternColor: f.patternColor ?? '#000000',
    tintAndShade: f.tintAndShade ?? 0,
    patternTintAndShade: f.patternTintAndShade ?? 0,
  };
}

export function encodeFill(f: StoredFill): string {
  return typeof f === 'string' ? f : JSON.stringify(f);
}

export function decodeFill(s: unknown): StoredFill | null {
  if (s === 'none' || s === 'keep') return s;
  if (typeof s !== 'string' || !s.startsWith('{')) return null;
  try {
    const o = JSON.parse(s) as Partial<FillSpec>;
    if (typeof o.color !== 'string' || typeof o.pattern !== 'string') return null;
    return {
      color: o.color,
      pattern: o.pattern,
      patternColor: typeof o.patternColor === 'string' ? o.patternColor : '#000000',
      tintAndShade: typeof o.tintAndShade === 'number' ? o.tintAndShade : 0,
      patternTintAndShade: typeof o.patternTintAndShade === 'number' ? o.patternTintAndShade : 0,
    };
  } catch {
    return null;
  }
}

export function encodeRecord(r: Omit<MarkRecord, 'storeRow'>): string[] {
  return [r.sheet, r.cell, encodeFill(r.fill), r.mark, r.annotation, r.commentId, ''];
}

/** Parse the store's values (row 0 = header). Malformed rows are skipped, never guessed at. */
export function decodeStore(values: readonly (readonly unknown[])[], firstRow = 0): MarkRecord[] {
  const out: MarkRecord[] = [];
  for (let i = 0; i < values.length; i++) {
    const storeRow = firstRow + i;
    if (storeRow === 0) continue;
    const v = values[i];
    const sheet = typeof v[0] === 'string' ? v[0] : String(v[0] ?? '');
    const cell = typeof v[1] === 'string' ? v[1].toUpperCase() : '';
    const fill = decodeFill(v[2]);
    if (!sheet || !/^[A-Z]{1,3}\d+$/.test(cell) || fill === null) continue;
    const ann = v[4] === 'note' || v[4] === 'comment' ? v[4] : '';
    out.push({ sheet, cell, fill, mark: typeof v[3] === 'string' ? v[3] : '', annotation: ann, commentId: typeof v[5] === 'string' ? v[5] : String(v[5] ?? ''), storeRow });
  }
  return out;
}

export function fillKey(f: StoredFill): string {
  return encodeFill(f);
}

/** Same colour, whatever the case of the hex digits. */
export function sameColor(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toUpperCase() === (b ?? '').toUpperCase();
}

export function annotationText(messages: readonly string[]): string {
  const body = [...new Set(messages)].join('\n');
  const text = `${MARK_PREFIX}${body}`;
  return text.length > MAX_ANNOTATION_CHARS ? `${text.slice(0, MAX_ANNOTATION_CHARS - 1)}…` : text;
}
