/**
 * The marks of an annotated copy, applied to an ExcelJS workbook in memory: every offending cell filled by its
 * most severe finding, with a note listing its findings (kept after any note the cell had). Shared by the CLI's
 * `--annotate` (annotate.ts, which then writes the file) and the browser version's download (its Web Worker).
 */
import type ExcelJS from 'exceljs';
import type { Lang, Severity } from '../core/finding';
import { compareSeverity } from '../core/finding';
import { MARK_FILL, noteText, type AnnotatableFinding } from './annotate';

function existingNoteText(note: ExcelJS.Comment | string | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Marks `wb` in place; returns the number of cells marked (findings on a missing sheet are left out). */
export function annotateWorkbook(wb: ExcelJS.Workbook, findings: readonly AnnotatableFinding[], lang: Lang): number {
  const byCell = new Map<string, AnnotatableFinding[]>();
  for (const f of findings) {
    const k = `${f.sheet}\u0000${f.row}\u0000${f.col}`;
    const list = byCell.get(k);
    if (list) list.push(f);
    else byCell.set(k, [f]);
  }
  let cells = 0;
  for (const list of byCell.values()) {
    const { sheet, row, col } = list[0];
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(row + 1, col + 1);
    const worst = list.reduce<Severity>((w, f) => (compareSeverity(f.severity, w) < 0 ? f.severity : w), 'info');
    // Loaded cells share one style object per style id: copy it before changing the fill, or every cell with
    // the same look would turn red.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[worst] } } };
    const previous = existingNoteText(cell.note as ExcelJS.Comment | string | undefined);
    const text = noteText(list, lang);
    cell.note = previous ? `${previous}\n\n${text}` : text;
    cells++;
  }
  return cells;
}
