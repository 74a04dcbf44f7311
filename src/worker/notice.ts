/**
 * The 公示 sheet (SPEC §6 "公示 export") from the nomination tables the engine located: only the columns a public
 * notice shows, identity numbers and phones masked (ID: first 6 + last 4, `654002********1234`; mobile
 * `138****5678`; landline area code + last 4 — the identifiers' own `mask`) or their columns left out, and a last
 * scan of every cell written: a cell that still holds a full ID or mobile number, however typed (spaces, hyphens,
 * full-width digits, inside longer text, stored as a number), stops the notice — nothing is written and the cells
 * are listed.
 */
import type { RunResult } from '../core/check';
import type { CellValue } from '../core/grid';
import { Sheet } from '../core/grid';
import { cellText, toHalfWidth } from '../core/normalize';
import { mask as maskId } from '../core/identifiers/resident-id';
import { mask as maskPhone } from '../core/identifiers/phone';
import type { Profile } from '../core/profiles/schema';
import type { LocatedTable } from '../core/table';
import type { SheetSpec } from '../excel/sheet-spec';
import { uniqueSheetName } from '../excel/render-sheet';
import type { NoticeInput, NoticeLeak, NoticeOutput } from './protocol';
import { tableSpec } from './sheets';

export const NOTICE_SHEET_NAME = '公示名单';

type Col = { role: string; label: { zh: string; en: string }; mask?: 'id' | 'phone' };
const SEQ: Col = { role: 'seq', label: { zh: '序号', en: 'No.' } };
const CATEGORY: Col = { role: 'category', label: { zh: '推荐方面', en: 'Category' } };
/** The notice's columns per table kind, in order (SPEC §6). */
const NOTICE_COLUMNS: Record<'annex3.individual' | 'annex3.collective', Col[]> = {
  'annex3.individual': [
    SEQ,
    { role: 'name', label: { zh: '姓名', en: 'Name' } },
    { role: 'gender', label: { zh: '性别', en: 'Gender' } },
    { role: 'ethnicity', label: { zh: '民族', en: 'Ethnicity' } },
    { role: 'employer', label: { zh: '工作单位', en: 'Employer' } },
    { role: 'position', label: { zh: '职务', en: 'Position' } },
    CATEGORY,
    { role: 'residentId', label: { zh: '身份证号', en: 'ID number' }, mask: 'id' },
    { role: 'phone', label: { zh: '联系电话', en: 'Phone' }, mask: 'phone' },
  ],
  'annex3.collective': [
    SEQ,
    { role: 'collectiveName', label: { zh: '先进集体名称', en: 'Collective' } },
    { role: 'leaderName', label: { zh: '负责人姓名', en: 'Head' } },
    { role: 'leaderTitle', label: { zh: '负责人职务', en: "Head's position" } },
    CATEGORY,
    { role: 'contactPhone', label: { zh: '联系人电话', en: 'Contact phone' }, mask: 'phone' },
  ],
};

// ------------------------------------------------------------------------------------------------ leak scan

/** Half-width, without spaces, zero-width characters and the hyphens people put inside numbers. */
function squeeze(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\-‐‑–—]/g, '');
}
function plausibleDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1800 && y <= 2100;
}
/** Full identity numbers (18-digit with a date inside, or 15-digit first generation) and mobiles in a text. */
export function findFullNumbers(text: string): { kind: 'id' | 'mobile'; match: string }[] {
  const s = squeeze(text);
  const out: { kind: 'id' | 'mobile'; match: string }[] = [];
  for (const m of s.matchAll(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g)) {
    const x = m[0];
    if (plausibleDate(+x.slice(6, 10), +x.slice(10, 12), +x.slice(12, 14))) out.push({ kind: 'id', match: x });
  }
  for (const m of s.matchAll(/(?<![0-9])[0-9]{15}(?![0-9])/g)) {
    const x = m[0];
    if (plausibleDate(1900 + +x.slice(6, 8), +x.slice(8, 10), +x.slice(10, 12))) out.push({ kind: 'id', match: x });
  }
  for (const m of s.matchAll(/(?<![0-9])(?:\+?86)?(1[3-9][0-9]{9})(?![0-9])/g)) out.push({ kind: 'mobile', match: m[1] });
  return out;
}

function cellString(v: CellValue): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return cellText(v);
}

// ------------------------------------------------------------------------------------------------ notice

function maskValue(v: CellValue, how: 'id' | 'phone'): string {
  const s = cellString(v).trim();
  if (s === '') return '';
  if (how === 'id') return maskId(s);
  // A cell with two numbers (`138…、0991-…`): each masked on its own.
  return s
    .split(/([、，,;；/])/)
    .map((part, i) => (i % 2 === 1 ? part : part.trim() ? maskPhone(part.trim()) : part))
    .join('');
}

export function buildNotice(run: RunResult, _profile: Profile, input: NoticeInput): NoticeOutput {
  const lang = input.lang;
  const drop = new Set(input.drop);
  const located = run.results[0]?.located ?? [];
  const tables: NoticeOutput['tables'] = [];
  type Block = { cols: Col[]; rows: CellValue[][]; sources: { sheet: Sheet; table: LocatedTable; row: number }[] };
  const blocks: Block[] = [];
  let ids = 0;
  let phones = 0;
  for (const kind of ['annex3.individual', 'annex3.collective'] as const) {
    const mine = located.filter((l) => l.table.kind === kind);
    if (mine.length === 0) continue;
    const cols = NOTICE_COLUMNS[kind].filter((c) => !(c.mask && drop.has(c.mask)) && (c.role === 'seq' || mine.some((l) => hasColumn(l.table, c.role))));
    const b: Block = { cols, rows: [], sources: [] };
    for (const { sheet, table } of mine) {
      for (const r of table.rows) {
        b.rows.push(cols.map((c) => valueOf(sheet, table, r, c, b.rows.length + 1)));
        b.sources.push({ sheet, table, row: r });
      }
    }
    for (const row of b.rows)
      cols.forEach((c, j) => {
        if (!c.mask || row[j] === null || cellString(row[j]).trim() === '') return;
        row[j] = maskValue(row[j], c.mask);
        if (c.mask === 'id') ids++;
        else phones++;
      });
    blocks.push(b);
    for (const t of run.results[0].tables) if (t.kind === kind) tables.push(t);
  }

  // The last guard: every cell as it will be written, named by its source cell.
  const leaks: NoticeLeak[] = [];
  for (const b of blocks)
    b.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const text = typeof v === 'number' ? cellString(v) : typeof v === 'string' ? v : '';
        const hits = findFullNumbers(text);
        if (hits.length === 0) return;
        const src = b.sources[i];
        const col = src.table.columns[b.cols[j].role];
        const cell = `${src.sheet.name}!${col === undefined ? '' : colLetter(col)}${src.row + 1}`;
        for (const hit of hits) leaks.push({ cell, column: b.cols[j].label[lang], kind: hit.kind, masked: hit.kind === 'id' ? maskId(hit.match) : maskPhone(hit.match) });
      }),
    );
  const rows = blocks.reduce((n, b) => n + b.rows.length, 0);
  const labels = blocks[0]?.cols.map((c) => c.label[lang]) ?? [];
  if (blocks.length === 0 || leaks.length > 0) return { sheet: null, rows, columns: labels, masked: { ids, phones }, leaks, tables };

  // One sheet: the individuals' table, then (after an empty row) the collectives' table, each under its header.
  const width = Math.max(...blocks.map((b) => b.cols.length));
  const all: CellValue[][] = [];
  const headerRows: number[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) {
      all.push([]);
      headerRows.push(all.length + 2);
      all.push(b.cols.map((c) => c.label[lang]));
    }
    for (const r of b.rows) all.push(r);
  });
  const columns = Array.from({ length: width }, (_, j) => ({ label: labels[j] ?? '', text: j > 0, width: j === 0 ? 6 : 20 }));
  const spec: SheetSpec = tableSpec(uniqueSheetName(NOTICE_SHEET_NAME, input.takenSheetNames), columns, all);
  for (const r of headerRows) spec.formats.push({ ranges: [`A${r}:${colLetter(width - 1)}${r}`], format: { font: { bold: true }, fill: '#F2F2F2', horizontal: 'Center' } });
  return { sheet: spec, rows, columns: labels, masked: { ids, phones }, leaks, tables };
}

function hasColumn(t: LocatedTable, role: string): boolean {
  return t.columns[role] !== undefined || (role === 'category' && !!t.category);
}

function valueOf(sheet: Sheet, t: LocatedTable, row: number, c: Col, seq: number): CellValue {
  if (c.role === 'seq') return seq;
  const col = t.columns[c.role];
  const v = col === undefined ? null : sheet.value(row, col);
  if (c.role === 'category' && (v === null || cellText(v).trim() === '')) return t.category;
  return v;
}

function colLetter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
