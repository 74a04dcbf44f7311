/**
 * Consolidation (SPEC §6 "Consolidate", §7 `award-tally merge`): the recognised nomination tables of many
 * workbooks appended into one master table per kind, each row with its 来源文件 (source file) and 推荐单位
 * (recommending unit). Pure: the tally's tables in, rows of cell values out; src/xlsx/merge.ts writes them.
 *
 * - 推荐单位 is the region the tally counted the row under: the quota table's spelling when the name matched
 *   (exactly or as a reported variant), else the name as written (a 附件3 table's title line, a register's
 *   推荐地区或部门). The original columns are kept as they were typed.
 * - 附件3 tables: 推荐方面 holds the row's category, taken from the section or sheet title when the column is
 *   absent or empty, so the master sheet alone tells every row's category.
 * - Register: an extra 对象 column (集体 / 个人) says which places a row counts against.
 * - Columns are the union, in form order, of the columns found in the tables of that kind.
 *
 * It also gives, for the 名额核对 sheet, the COUNTIFS criteria that reproduce the tally from the master sheets:
 * per quota class and per category × sub-category × side, the columns and the spellings that count.
 */
import type { CellValue } from './grid';
import { cellText, cleanText } from './normalize';
import type { TableKind } from './forms/form';
import { ALL_FORMS } from './forms';
import type { Profile } from './profiles/schema';
import type { QuotaClass } from './profiles/quota-schema';
import { qcQuotaClasses, regionKey, RowReader, type TallyDetail } from './tally';

export type MasterKind = 'qc.register' | 'annex3.collective' | 'annex3.individual';

export const MASTER_SHEET_NAMES: Record<MasterKind, string> = {
  'qc.register': '登记表汇总',
  'annex3.collective': '先进集体汇总',
  'annex3.individual': '先进个人汇总',
};

/** Roles of the columns consolidation adds in front (and the register's 对象). */
export const FILE_ROLE = '_file';
export const RECOMMENDER_ROLE = '_recommender';
export const SIDE_ROLE = '_side';
export const SIDE_TEXT = { collective: '集体', individual: '个人' } as const;

export interface MasterColumn {
  role: string;
  label: string;
  /** Written as text ('@'): identity numbers and phones keep their digits. */
  text: boolean;
}

export interface MasterSheet {
  kind: MasterKind;
  name: string;
  columns: MasterColumn[];
  rows: CellValue[][];
  /** Where each row came from (parallel to `rows`): file, sheet and 0-based row, to find a finding's master row. */
  origins: { file: string; sheet: string; row: number }[];
}

/** One COUNTIFS over one master sheet: every criterion is "the column equals one of these values". */
export interface CountTerm {
  sheet: string;
  criteria: { col: number; values: string[] }[];
}

export interface Consolidation {
  sheets: MasterSheet[];
  /** Column of 推荐单位 in every master sheet. */
  recommenderCol: number;
  /** Quota class id → terms that count it (the region criterion is added per row of the tally sheet). */
  classTerms: Map<string, CountTerm[]>;
  /** `category \0 subcategory \0 side` → terms that count it. */
  categoryTerms: Map<string, CountTerm[]>;
}

export function categoryKey(category: string, subcategory: string | null, side: string): string {
  return `${category}\u0000${subcategory ?? ''}\u0000${side}`;
}

const TEXT_ROLES = new Set(['residentId', 'uscc', 'phone', 'contactPhone']);
const KINDS: MasterKind[] = ['qc.register', 'annex3.collective', 'annex3.individual'];

function addSpelling(map: Map<string, Set<string>>, key: string, v: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(v);
}

export function consolidate(detail: TallyDetail, profile: Profile): Consolidation {
  const reader = new RowReader(profile);
  const tables = detail.tables;
  const sheets: MasterSheet[] = [];
  // Spellings seen, per resolved category / sub-category / quota class, and of 是 in 是否与会发表.
  const catSpell = new Map<string, Set<string>>();
  const subSpell = new Map<string, Set<string>>();
  const yesSpell = new Set<string>(['是']);
  const registerCats = new Map<string, Set<string>>(); // resolved category name → register 类别 spellings

  for (const kind of KINDS) {
    const mine = tables.map((t, i) => ({ t, i })).filter((x) => x.t.table.kind === kind);
    if (mine.length === 0) continue;
    const form = ALL_FORMS.find((f) => f.kind === kind)!;
    const annex3 = kind !== 'qc.register';
    const present = new Set<string>();
    for (const { t } of mine) for (const role of Object.keys(t.table.columns)) present.add(role);
    if (annex3 && mine.some(({ t }) => t.table.category)) present.add('category');
    const formCols = form.columns.filter((c) => present.has(c.role));
    const columns: MasterColumn[] = [
      { role: FILE_ROLE, label: '来源文件', text: false },
      { role: RECOMMENDER_ROLE, label: '推荐单位', text: false },
      ...formCols.map((c) => ({ role: c.role, label: c.label, text: TEXT_ROLES.has(c.role) })),
    ];
    if (!annex3) columns.push({ role: SIDE_ROLE, label: '对象', text: false });
    const rows: CellValue[][] = [];
    const origins: MasterSheet['origins'] = [];
    for (const { t, i } of mine) {
      const { sheet, table, file } = t;
      for (const row of table.rows) {
        const rc = reader.read(sheet, table, row);
        const values: CellValue[] = [file, detail.bucketOf(i, row) ?? rc.regionText];
        for (const c of formCols) {
          const col = table.columns[c.role];
          let v: CellValue = col === undefined ? null : sheet.value(row, col);
          if (c.role === 'category' && annex3 && (v === null || cleanText(cellText(v)) === '') && table.category) v = table.category;
          values.push(v);
        }
        if (!annex3) values.push(SIDE_TEXT[rc.side]);
        rows.push(values);
        origins.push({ file, sheet: sheet.name, row });
        // Spellings, as they stand in the master sheet.
        const catCell = values[2 + formCols.findIndex((c) => c.role === 'category')];
        if (rc.category && catCell !== undefined && catCell !== null) {
          addSpelling(catSpell, rc.category.name, cellText(catCell));
          if (!annex3) addSpelling(registerCats, rc.category.name, cellText(catCell));
          if (rc.subcategory) {
            const subIx = formCols.findIndex((c) => c.role === 'subcategory');
            if (subIx >= 0 && values[2 + subIx] !== null) addSpelling(subSpell, `${rc.category.name}\u0000${rc.subcategory.name}`, cellText(values[2 + subIx]));
          }
        }
        if (rc.presenting) {
          const pIx = formCols.findIndex((c) => c.role === 'presenting');
          if (pIx >= 0) yesSpell.add(cellText(values[2 + pIx]));
        }
      }
    }
    sheets.push({ kind, name: MASTER_SHEET_NAMES[kind], columns, rows, origins });
  }

  const colOf = (s: MasterSheet, role: string) => s.columns.findIndex((c) => c.role === role);
  const sheetOf = (kind: MasterKind) => sheets.find((s) => s.kind === kind);

  // Quota classes → terms.
  const classTerms = new Map<string, CountTerm[]>();
  const classes: QuotaClass[] = detail.quota?.classes ?? [...qcQuotaClasses()];
  const register = sheetOf('qc.register');
  for (const c of classes) {
    const terms: CountTerm[] = [];
    if (register && c.categories.length) {
      const values = new Set<string>();
      for (const name of c.categories) {
        values.add(name);
        for (const [resolved, spellings] of registerCats) {
          if (regionKey(resolved) === regionKey(name) || reader.categories.is(name, resolved)) spellings.forEach((v) => values.add(v));
        }
      }
      const criteria = [{ col: colOf(register, 'category'), values: [...values] }];
      if (c.presenting) {
        const p = colOf(register, 'presenting');
        criteria.push({ col: p, values: [...yesSpell] });
      }
      if (criteria.every((x) => x.col >= 0)) terms.push({ sheet: register.name, criteria });
    }
    for (const k of c.kinds) {
      const s = sheetOf(k);
      if (s) terms.push({ sheet: s.name, criteria: [] });
    }
    classTerms.set(c.id, terms);
  }
  for (const k of ['annex3.collective', 'annex3.individual'] as const) {
    const s = sheetOf(k);
    if (s && !classes.some((c) => c.kinds.includes(k))) classTerms.set(k, [{ sheet: s.name, criteria: [] }]);
  }

  // Categories × sub-categories × sides → terms.
  const categoryTerms = new Map<string, CountTerm[]>();
  for (const e of detail.tally.byCategory) {
    const cats = new Set<string>([e.category, ...(catSpell.get(e.category) ?? [])]);
    const subs = e.subcategory === null ? null : new Set<string>([e.subcategory, ...(subSpell.get(`${e.category}\u0000${e.subcategory}`) ?? [])]);
    const terms: CountTerm[] = [];
    const add = (s: MasterSheet | undefined, side: 'collective' | 'individual' | null) => {
      if (!s) return;
      const cat = colOf(s, 'category');
      if (cat < 0) return;
      const criteria = [{ col: cat, values: [...cats] }];
      if (subs) {
        const sub = colOf(s, 'subcategory');
        if (sub < 0) return;
        criteria.push({ col: sub, values: [...subs] });
      }
      if (side) criteria.push({ col: colOf(s, SIDE_ROLE), values: [SIDE_TEXT[side]] });
      terms.push({ sheet: s.name, criteria });
    };
    if (e.side !== 'individual') add(sheetOf('annex3.collective'), null);
    if (e.side !== 'collective') add(sheetOf('annex3.individual'), null);
    add(register, e.side === 'total' ? null : e.side);
    categoryTerms.set(categoryKey(e.category, e.subcategory, e.side), terms);
  }

  return { sheets, recommenderCol: 1, classTerms, categoryTerms };
}

/** The table kinds consolidation appends. */
export function isMasterKind(kind: TableKind): kind is MasterKind {
  return (KINDS as TableKind[]).includes(kind);
}
