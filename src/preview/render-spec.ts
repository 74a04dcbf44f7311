/**
 * A SheetSpec (src/excel/sheet-spec.ts) written into the preview's in-memory ExcelJS workbook — what the Office.js
 * host does with render-sheet.ts, for the sheets the 汇总 and 公示 panels add. Same conventions: `=…` is a
 * formula, a leading apostrophe keeps text as text (and is not part of the value), the `@` format before the value.
 * Rows are written in slices of about 2,000 cells with a pause between them, so a master sheet of thousands of rows never holds the
 * page's main thread for long; progress is reported in rows.
 */
import type { Workbook, Worksheet, CellValue as ExcelValue, Fill, Font, Alignment, Borders } from 'exceljs';
import type { CellFormatSpec, SheetSpec, SpecValue } from '../core/sheet-spec';
import { parseA1Range } from '../core/grid';

/** Cells written between two pauses (ExcelJS builds a Cell object for each; ~2,000 stay well under 200 ms). */
export const CELLS_PER_WRITE_SLICE = 2000;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A SpecValue as ExcelJS stores it. */
export function excelValue(v: SpecValue): ExcelValue {
  if (typeof v !== 'string') return v;
  if (v === '') return null;
  if (v.startsWith("'")) return v.slice(1);
  if (v.startsWith('=') && v.length > 1) return { formula: v.slice(1) } as ExcelValue;
  return v;
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

/** Cells styled between two pauses. */
const CELLS_PER_SLICE = 4000;

async function applyFormat(ws: Worksheet, range: string, f: CellFormatSpec, tick: () => Promise<void>): Promise<void> {
  const r = parseA1Range(range);
  const font: Partial<Font> | null = f.font
    ? {
        ...(f.font.name ? { name: f.font.name } : {}),
        ...(f.font.size ? { size: f.font.size } : {}),
        ...(f.font.bold !== undefined ? { bold: f.font.bold } : {}),
        ...(f.font.italic !== undefined ? { italic: f.font.italic } : {}),
        ...(f.font.color ? { color: { argb: argb(f.font.color) } } : {}),
      }
    : null;
  const fill: Fill | null = f.fill ? { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } } : null;
  const align: Partial<Alignment> | null =
    f.horizontal || f.vertical || f.wrap !== undefined
      ? {
          ...(f.horizontal ? { horizontal: f.horizontal.toLowerCase() as Alignment['horizontal'] } : {}),
          ...(f.vertical ? { vertical: (f.vertical === 'Center' ? 'middle' : f.vertical.toLowerCase()) as Alignment['vertical'] } : {}),
          ...(f.wrap !== undefined ? { wrapText: f.wrap } : {}),
        }
      : null;
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const cell = ws.getCell(row + 1, col + 1);
      // A copy of the cell's style: ExcelJS shares style objects between cells.
      cell.style = { ...cell.style };
      if (font) cell.font = { ...(cell.font ?? {}), ...font };
      if (fill) cell.fill = fill;
      if (align) cell.alignment = { ...(cell.alignment ?? {}), ...align };
      await tick();
    }
  }
}

/** Add `spec` as a new sheet named `name` (already free in `wb`). */
export async function renderSpec(wb: Workbook, spec: SheetSpec, name: string, onRows?: (done: number, total: number) => void): Promise<Worksheet> {
  const ws = wb.addWorksheet(name);
  spec.columnWidths.forEach((w, j) => {
    if (w) ws.getColumn(j + 1).width = w;
  });
  const R = spec.rowCount;
  const rowsPerSlice = Math.max(10, Math.floor(CELLS_PER_WRITE_SLICE / Math.max(1, spec.columnCount)));
  // A pause first: the page may have just received the whole consolidation from the worker in this task.
  await pause();
  for (let i = 0; i < R; i++) {
    const values = spec.values[i];
    const formats = spec.numberFormats[i];
    const row = ws.getRow(i + 1);
    for (let j = 0; j < spec.columnCount; j++) {
      const v = values[j];
      const f = formats[j];
      if (v === '' && !f) continue;
      const cell = row.getCell(j + 1);
      if (f) {
        cell.style = { ...cell.style };
        cell.numFmt = f;
      }
      if (v !== '') cell.value = excelValue(v);
    }
    if (spec.rowHeights[i]) row.height = spec.rowHeights[i]!;
    if ((i + 1) % rowsPerSlice === 0 && i + 1 < R) {
      onRows?.(i + 1, R);
      await pause();
    }
  }
  for (const m of spec.merges) ws.mergeCells(m);
  // Formats and borders may cover every cell of a large sheet: a pause every CELLS_PER_SLICE cells.
  let touched = 0;
  const tick = async () => {
    if (++touched % CELLS_PER_SLICE === 0) await pause();
  };
  for (const { ranges, format } of spec.formats) for (const range of ranges) await applyFormat(ws, range, format, tick);
  for (const b of spec.borders) {
    const r = parseA1Range(b.range);
    const line = { style: b.weight === 'Thick' ? 'thick' : b.weight === 'Medium' ? 'medium' : 'thin' } as Borders['top'];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row + 1, col + 1);
        cell.style = { ...cell.style };
        cell.border = { top: line, left: line, bottom: line, right: line };
        await tick();
      }
  }
  onRows?.(R, R);
  return ws;
}
