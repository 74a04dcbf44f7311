/**
 * The 公示 (public notice) export (SPEC §6, §7 `award-tally mask`): the nominees of the recognised tables as a
 * list fit for public display. Only the columns a notice shows (序号, 姓名 / 名称, 性别, 民族, 工作单位, 职务,
 * 推荐方面 …), the identity numbers and phones masked by the profile's policy (profiles/mask-policy.ts) or their
 * columns left out, and every other value cleared of any full ID or mobile it may hold (full-numbers.ts). Pure:
 * located tables in, rows of text out; hosts write them (src/xlsx/notice.ts, the task pane).
 *
 * `assertPublic` is the last guard of every host: it scans every value that is about to be written and throws
 * `NoticeLeakError` (nothing is written) when one still holds a full ID or mobile.
 */
import type { CellValue, Sheet } from './grid';
import { cellText, cleanText } from './normalize';
import type { LocatedTable } from './table';
import { ALL_FORMS } from './forms';
import type { Profile } from './profiles/schema';
import { keepEnds, maskPolicyOf } from './profiles/mask-policy';
import type { MaskPolicy } from './mask-text';
import { compact as compactId } from './identifiers/resident-id';
import { inspect as inspectPhone } from './identifiers/phone';
import { findFullNumbers, maskPublicText } from './full-numbers';

export { maskPolicyOf };
import { addedColumns } from './consolidate';

export type NoticeKind = 'annex3.individual' | 'annex3.collective' | 'qc.register';
export type Droppable = 'id' | 'phone';

/** Columns of the notice per kind, in order; `id` / `phone` columns are masked (or dropped with --drop). */
const NOTICE_ROLES: Record<NoticeKind, string[]> = {
  'annex3.individual': ['name', 'gender', 'ethnicity', 'politicalStatus', 'education', 'employer', 'position', 'category', 'subcategory', 'residentId', 'phone'],
  'annex3.collective': ['collectiveName', 'unitType', 'leaderName', 'leaderTitle', 'category', 'subcategory', 'contactPhone'],
  'qc.register': ['region', 'category', 'subcategory', 'name', 'enterprise', 'position', 'residentId'],
};
const ID_ROLES = new Set(['residentId']);
const PHONE_ROLES = new Set(['phone', 'contactPhone']);
/** Columns a county (or the master sheet of a merge) adds that a notice shows. */
const ADDED_SHOWN = ['推荐单位', '推荐地区或部门', '推荐地区'];

export const NOTICE_SHEET_NAMES: Record<NoticeKind, string> = {
  'annex3.individual': '公示-先进个人',
  'annex3.collective': '公示-先进集体',
  'qc.register': '公示-申报项目',
};
const TITLES: Record<NoticeKind, string> = {
  'annex3.individual': '先进个人推荐对象公示名单',
  'annex3.collective': '先进集体推荐对象公示名单',
  'qc.register': '申报项目公示名单',
};

export interface NoticeColumn {
  role: string;
  label: string;
}

export interface NoticeSheet {
  kind: NoticeKind;
  name: string;
  title: string;
  /** A line under the title saying what was masked or left out. */
  note: string;
  columns: NoticeColumn[];
  /** Values: numbers for 序号, text for everything else (never a formula: hosts write text as text). */
  rows: (string | number | null)[][];
}

export interface NoticeOptions {
  /** Leave these columns out instead of masking them. */
  drop?: readonly Droppable[];
}

/** An identity number cell, masked: first `head` and last `tail` characters of its compact form kept. */
export function maskIdCell(v: CellValue, policy: MaskPolicy): string {
  const s = compactId(cellText(v));
  if (s === '') return '';
  return keepEnds(s, policy.idHead, policy.idTail);
}

/** One phone number, masked: mobile head + tail, landline area code + tail; service numbers (400/800) as they are. */
function maskOnePhone(s: string, policy: MaskPolicy): string {
  const r = inspectPhone(s);
  if (r.ok) {
    const n = r.number;
    if (n.kind === 'service') return n.digits;
    if (n.kind === 'mobile') return keepEnds(n.digits, policy.mobileHead, policy.mobileTail);
    // A landline keeps its area code and last 4 digits (the masker's rule, core/mask-text.ts).
    return `${n.areaCode}-${keepEnds(n.local, 0, 4)}`;
  }
  // Not a number the rules accept: at most its last 4 digits stay, fewer when it is short.
  const digits = s.replace(/[^0-9０-９]/g, '');
  return digits === '' ? '' : keepEnds(digits, 0, Math.min(4, Math.max(0, digits.length - 7)));
}

/** A phone cell, masked; a cell of several numbers (、，,;/ between them) keeps them apart. */
export function maskPhoneCell(v: CellValue, policy: MaskPolicy): string {
  const text = cleanText(cellText(v));
  if (text === '') return '';
  return text
    .split(/\s*[、，,;；/／]\s*/)
    .filter((p) => p !== '')
    .map((p) => maskOnePhone(p, policy))
    .join('、');
}

/**
 * Any other value as notice text, every ID and phone inside it masked by the one masker (core/mask-text.ts). The
 * guard's finder (full-numbers.ts, as strict as the product's checker) then looks again: what the masker did not
 * take as a number (an ID typed with wide gaps, a mobile written 138.1234.5678) is starred where it stands.
 */
export function publicText(v: CellValue, policy: MaskPolicy): string {
  return maskPublicText(cleanText(cellText(v)), policy);
}

/**
 * The notice sheets of a workbook's located tables: one per kind, rows in table order, 序号 1…n. A table's
 * category from its title fills 推荐方面 where the column is absent or empty.
 */
export function buildNotice(located: readonly { sheet: Sheet; table: LocatedTable }[], profile: Profile | null, opts: NoticeOptions = {}): NoticeSheet[] {
  const policy = maskPolicyOf(profile);
  const drop = new Set(opts.drop ?? []);
  const out: NoticeSheet[] = [];
  for (const kind of ['annex3.collective', 'annex3.individual', 'qc.register'] as NoticeKind[]) {
    const mine = located.filter((l) => l.table.kind === kind);
    if (mine.length === 0) continue;
    const form = ALL_FORMS.find((f) => f.kind === kind)!;
    const labelOf = (role: string) => form.columns.find((c) => c.role === role)?.label ?? role;
    const present = new Set<string>();
    for (const { table } of mine) for (const r of Object.keys(table.columns)) present.add(r);
    if (mine.some(({ table }) => table.category)) present.add('category');
    const roles = NOTICE_ROLES[kind].filter(
      (r) => present.has(r) && !(drop.has('id') && ID_ROLES.has(r)) && !(drop.has('phone') && PHONE_ROLES.has(r)),
    );
    const added = ADDED_SHOWN.filter((l) => mine.some(({ sheet, table }) => addedColumns(sheet, table).some((a) => a.label === l)));
    const columns: NoticeColumn[] = [
      { role: 'seq', label: '序号' },
      ...added.map((l) => ({ role: `extra:${l}`, label: l })),
      ...roles.map((r) => ({ role: r, label: labelOf(r) })),
    ];
    const rows: (string | number | null)[][] = [];
    for (const { sheet, table } of mine) {
      const extras = addedColumns(sheet, table);
      for (const row of table.rows) {
        const values: (string | number | null)[] = [rows.length + 1];
        for (const l of added) {
          const e = extras.find((x) => x.label === l);
          values.push(e ? publicText(sheet.value(row, e.col), policy) : null);
        }
        for (const r of roles) {
          const col = table.columns[r];
          let v: CellValue = col === undefined ? null : sheet.value(row, col);
          if (r === 'category' && (v === null || cleanText(cellText(v)) === '') && table.category) v = table.category;
          const text = ID_ROLES.has(r) ? maskIdCell(v, policy) : PHONE_ROLES.has(r) ? maskPhoneCell(v, policy) : publicText(v, policy);
          values.push(text === '' ? null : text);
        }
        rows.push(values);
      }
    }
    const masked: string[] = [];
    const dropped: string[] = [];
    if (present.has('residentId') && NOTICE_ROLES[kind].includes('residentId')) {
      (drop.has('id') ? dropped : masked).push(drop.has('id') ? '身份证号' : `身份证号（保留前 ${policy.idHead} 位、后 ${policy.idTail} 位）`);
    }
    const phoneRole = NOTICE_ROLES[kind].find((r) => PHONE_ROLES.has(r) && present.has(r));
    if (phoneRole) (drop.has('phone') ? dropped : masked).push(drop.has('phone') ? '联系电话' : `联系电话（手机保留前 ${policy.mobileHead} 位、后 ${policy.mobileTail} 位）`);
    const note = [masked.length ? `已脱敏：${masked.join('；')}` : '', dropped.length ? `已删除列：${dropped.join('、')}` : ''].filter(Boolean).join('。');
    out.push({ kind, name: NOTICE_SHEET_NAMES[kind], title: TITLES[kind], note, columns, rows });
  }
  return out;
}

/** A value still holding a full ID or mobile where a public output was about to write it. */
export class NoticeLeakError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly kind: 'id' | 'mobile',
  ) {
    super(`${sheet}!${cell}: ${kind === 'id' ? '完整身份证号' : '完整手机号'}`);
    this.name = 'NoticeLeakError';
  }
  text(lang: 'zh' | 'en'): string {
    return lang === 'zh'
      ? `工作表“${this.sheet}”的 ${this.cell} 仍含${this.kind === 'id' ? '完整身份证号' : '完整手机号'}：未写出公示文件。`
      : `Sheet "${this.sheet}" cell ${this.cell} still holds a full ${this.kind === 'id' ? 'ID number' : 'mobile number'}: the notice was not written.`;
  }
}

/**
 * The last guard before a public output is written: every cell `cells` yields (sheet, A1, value) is scanned, and
 * the first that holds a full ID or mobile throws NoticeLeakError. Returns the number of cells scanned.
 */
export function assertPublic(cells: Iterable<{ sheet: string; cell: string; value: unknown }>): number {
  let n = 0;
  for (const c of cells) {
    n++;
    const v = c.value;
    if (v === null || v === undefined) continue;
    const text = typeof v === 'string' ? v : typeof v === 'number' ? cellText(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const found = findFullNumbers(text);
    if (found.length) throw new NoticeLeakError(c.sheet, c.cell, found[0].kind);
  }
  return n;
}
