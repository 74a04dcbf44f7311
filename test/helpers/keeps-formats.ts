/**
 * Compare an input workbook with a copy the CLI wrote (fill or --annotate): every cell not announced must keep its
 * value, formula, number format, font, fill, border and alignment; merges, column widths and hidden rows/columns
 * must stay. Inserted rows are mapped (input row → output row) from the ranges the CLI announced.
 */
import ExcelJS from 'exceljs';

export interface Announced {
  /** `Sheet!A1` addresses (output coordinates) whose value was announced as changed. */
  cells: Set<string>;
  /** Rows inserted per sheet, as 1-based output row ranges. */
  inserts: Map<string, { first: number; count: number }[]>;
  /** Compare fills too (false for --annotate, which colours the cells it marks). */
  ignoreFillOf?: Set<string>;
}

const valueKey = (v: ExcelJS.CellValue): string => {
  if (v && typeof v === 'object' && 'richText' in v) return JSON.stringify(v.richText.map((r) => r.text).join(''));
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return JSON.stringify({ result: (v as { result?: unknown }).result ?? null });
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  return JSON.stringify(v ?? null);
};
const pick = (o: object | undefined, ks: string[]) => (o ? JSON.stringify(ks.map((k) => (o as Record<string, unknown>)[k] ?? null)) : null);
function styleKey(c: ExcelJS.Cell, withFill: boolean): string {
  const fill = c.fill && c.fill.type === 'pattern' && c.fill.pattern === 'none' ? null : (c.fill ?? null);
  const align = Object.entries((c.alignment ?? {}) as Record<string, unknown>)
    .filter(([k, v]) => v && !(k === 'vertical' && v === 'bottom') && !(k === 'horizontal' && v === 'general'))
    .sort();
  return JSON.stringify({
    numFmt: !c.numFmt || c.numFmt === 'General' ? null : c.numFmt,
    font: pick(c.font, ['bold', 'italic', 'underline', 'strike', 'size', 'name', 'color']),
    fill: withFill ? fill : null,
    border: c.border && Object.keys(c.border).length ? c.border : null,
    alignment: align.length ? align : null,
  });
}

export function isFormula(c: ExcelJS.Cell): boolean {
  const v = c.value as { formula?: unknown; sharedFormula?: unknown } | null;
  return c.type === ExcelJS.ValueType.Formula || (!!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v));
}

/** Problems found (empty: nothing unannounced changed). */
export function unannouncedChanges(a: ExcelJS.Workbook, b: ExcelJS.Workbook, ann: Announced): string[] {
  const problems: string[] = [];
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) {
      problems.push(`sheet ${wa.name} missing`);
      continue;
    }
    const inserts = [...(ann.inserts.get(wa.name) ?? [])].sort((x, y) => x.first - y.first);
    const mapRow = (r: number) => {
      let out = r;
      for (const ins of inserts) if (ins.first <= out) out += ins.count;
      return out;
    };
    const shifted = inserts.length > 0;
    const cols = Math.max(wa.columnCount, 1);
    for (let r = 1; r <= wa.rowCount; r++) {
      const ro = mapRow(r);
      for (let c = 1; c <= cols; c++) {
        const ca = wa.getCell(r, c);
        const cb = wb.getCell(ro, c);
        const where = `${wa.name}!${ca.address}→${cb.address}`;
        const announced = ann.cells.has(`${wa.name}!${cb.address}`);
        if (!announced) {
          if (valueKey(ca.value) !== valueKey(cb.value)) problems.push(`${where} value ${valueKey(ca.value)} → ${valueKey(cb.value)}`);
          if (isFormula(ca) !== isFormula(cb)) problems.push(`${where} formula ${isFormula(ca)} → ${isFormula(cb)}`);
          else if (isFormula(ca) && !shifted && ca.formula !== cb.formula) problems.push(`${where} formula ${ca.formula} → ${cb.formula}`);
        }
        const withFill = !ann.ignoreFillOf?.has(`${wa.name}!${cb.address}`);
        // An announced cell may take the text format its new value needs; everything else of its style stays.
        const sa = styleKey(ca, withFill);
        const sb = styleKey(cb, withFill);
        if (announced) {
          const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), numFmt: null });
          if (strip(sa) !== strip(sb)) problems.push(`${where} (announced) style ${sa} → ${sb}`);
        } else if (sa !== sb) problems.push(`${where} style ${sa} → ${sb}`);
      }
      if (!!wa.getRow(r).hidden !== !!wb.getRow(ro).hidden) problems.push(`${wa.name}: row ${r} hidden state changed`);
    }
    for (let c = 1; c <= cols; c++) {
      const x = wa.getColumn(c);
      const y = wb.getColumn(c);
      if ((x.width ?? null) !== (y.width ?? null) || !!x.hidden !== !!y.hidden) problems.push(`${wa.name}: column ${c} width/hidden changed`);
    }
    const merges = (ws: ExcelJS.Worksheet) => Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).length;
    if (merges(wa) !== merges(wb)) problems.push(`${wa.name}: ${merges(wa)} merges became ${merges(wb)}`);
  }
  return problems;
}

/** The cells and inserted rows a `fill` run announced on stdout. */
export function announcedByFill(stdout: string): Announced {
  const cells = new Set<string>();
  const inserts = new Map<string, { first: number; count: number }[]>();
  let section: 'changes' | 'inserts' | 'other' = 'other';
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('  ')) {
      section = /^(修改|Changes)/.test(line) ? 'changes' : /^(插入行|Rows inserted)/.test(line) ? 'inserts' : 'other';
      continue;
    }
    const change = /^ {2}(.+?)!([A-Z]+\d+) {2}/.exec(line);
    if (section === 'changes' && change) cells.add(`${change[1]}!${change[2]}`);
    const ins = /^ {2}(.+?) (?:第 (\d+)(?:–(\d+))? 行|rows? (\d+)(?:–(\d+))?)[：:]/.exec(line);
    if (section === 'inserts' && ins) {
      const first = Number(ins[2] ?? ins[4]);
      const last = Number(ins[3] ?? ins[5] ?? first);
      const list = inserts.get(ins[1]) ?? [];
      list.push({ first, count: last - first + 1 });
      inserts.set(ins[1], list);
    }
  }
  return { cells, inserts };
}
