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
import { parseA1, type CellValue, type Sheet } from './grid';
import type { Finding } from './finding';
import type { LocatedTable } from './table';
import { ALL_RULES } from './rules';
import { markDuplicates } from './consolidate-dups';
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
export const SEQ_ROLE = '_seq';
export const FILE_ROLE = '_file';
export const SHEET_ROLE = '_sheet';
export const RECOMMENDER_ROLE = '_recommender';
export const FORM_DATE_ROLE = '_formDate';
export const SOURCE_ROW_ROLE = '_row';
export const SIDE_ROLE = '_side';
export const DUP_ROLE = '_dup';
/** A column a county added to its table (出生年月, 主要事迹 …): `extra:` + its header label. */
export const EXTRA_PREFIX = 'extra:';
/** The value as typed, beside a column written in its clean form: `orig:` + the column's role. */
export const ORIGINAL_PREFIX = 'orig:';
export const SIDE_TEXT = { collective: '集体', individual: '个人' } as const;

export interface MasterColumn {
  role: string;
  label: string;
  /** Written as text ('@'): identity numbers and phones keep their digits. */
  text: boolean;
  /** Holds dates (填表日期): written with a date format. */
  date?: boolean;
}

/** Where a master row came from. */
export interface MasterSource {
  /** The file as the run names it (display path); `fileName` is what the master sheet shows. */
  file: string;
  fileName: string;
  sheet: string;
  /** 0-based sheet row of the source table. */
  row: number;
  /** Index of the table among the tallied tables (TallyDetail.tables). */
  table: number;
}

export interface MasterSheet {
  kind: MasterKind;
  name: string;
  columns: MasterColumn[];
  rows: CellValue[][];
  /** rows[i] came from sources[i]. */
  sources: MasterSource[];
  /** Duplicate group of each row (an index into Consolidation.duplicates), or -1. */
  dupGroup: Int32Array;
}

/** One COUNTIFS over one master sheet: every criterion is "the column equals one of these values". */
export interface CountTerm {
  sheet: string;
  criteria: { col: number; values: string[] }[];
}

/** The same organisation or person in several master rows (of one sheet). */
export interface DuplicateGroup {
  sheet: string;
  /** Why they are one: credit code, ID number, organisation name, or 姓名 + 工作单位 (one side without a valid ID). */
  why: 'uscc' | 'id' | 'name' | 'person';
  /** The shared value as it reads (the name; the ID as written in the first row). */
  value: string;
  /** 0-based master rows (data rows: 0 = the first row under the header). */
  rows: number[];
  /** The rows come from more than one file. */
  acrossFiles: boolean;
}

export interface Consolidation {
  sheets: MasterSheet[];
  /** Column of 推荐单位 in every master sheet. */
  recommenderCol: number;
  /** Quota class id → terms that count it (the region criterion is added per row of the tally sheet). */
  classTerms: Map<string, CountTerm[]>;
  /** `category \0 subcategory \0 side` → terms that count it. */
  categoryTerms: Map<string, CountTerm[]>;
  duplicates: DuplicateGroup[];
  /** The master row of a source row: `file \0 sheet \0 row` → sheet and 0-based master row. */
  masterRowOf(file: string, sheet: string, row: number): { sheet: string; row: number } | null;
}

export function categoryKey(category: string, subcategory: string | null, side: string): string {
  return `${category}\u0000${subcategory ?? ''}\u0000${side}`;
}

const TEXT_ROLES = new Set(['residentId', 'uscc', 'phone', 'contactPhone']);
const KINDS: MasterKind[] = ['qc.register', 'annex3.collective', 'annex3.individual'];
/** Rules whose fix is the clean form of the cell reported (fill writes the same). */
const CLEANING_RULES = new Set(
  ALL_RULES.filter((r) => r.meta.fixable && r.meta.id !== 'seq.gap' && !r.meta.id.startsWith('quota.')).map((r) => r.meta.id),
);

function addSpelling(map: Map<string, Set<string>>, key: string, v: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(v);
}

export interface ConsolidateOptions {
  /**
   * The findings of the run: a fixable finding's fix is the clean form of its cell (canonical ID, 18-digit form,
   * canonical unit type …), written in the master with the typed value kept in a `（原值）` column beside it.
   */
  findings?: readonly (Pick<Finding, 'file' | 'sheet' | 'cell' | 'rule' | 'fix'> & { row?: number; col?: number })[];
}

/** The file's name without the folders of the secretariat's disk (see sourceNames). */
function sourceNameMap(files: readonly string[]): Map<string, string> {
  const names = sourceNames(files);
  return new Map(files.map((f, i) => [f, names[i]]));
}

/**
 * What 来源文件 shows for each file: its name without folders; where two files share a name (伊宁县/附件3.xlsx and
 * 霍城县/附件3.xlsx), the shortest tail of their paths that tells them apart.
 */
export function sourceNames(files: readonly string[]): string[] {
  const parts = files.map((f) => f.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..'));
  return parts.map((p, i) => {
    for (let n = 1; n <= p.length; n++) {
      const tail = p.slice(-n).join('/');
      if (!parts.some((q, j) => j !== i && files[j] !== files[i] && q.slice(-n).join('/') === tail)) return tail;
    }
    return p.slice(-1).join('/') || files[i];
  });
}

/** Header label of a column of a table, as printed (two-row headers: the lower cell when the upper is empty). */
function headerLabel(sheet: Sheet, table: LocatedTable, col: number): string {
  for (let r = table.headerRow + table.headerRows - 1; r >= table.headerRow; r--) {
    const t = cleanText(cellText(sheet.value(r, col))).replace(/\s+/g, '');
    if (t !== '') return t;
  }
  return '';
}

/** Columns of a table's header that no role of its form took, and labelled ones right of it: what a county added. */
export function addedColumns(sheet: Sheet, table: LocatedTable): { col: number; label: string }[] {
  const taken = new Set(Object.values(table.columns));
  const out: { col: number; label: string }[] = [];
  for (let col = table.left; col <= table.right; col++) {
    if (taken.has(col)) continue;
    const label = headerLabel(sheet, table, col);
    if (label !== '') out.push({ col, label });
  }
  // Labelled columns right after the header (出生年月 typed beside 备注), up to the first unlabelled one.
  for (let col = table.right + 1; col < table.right + 64; col++) {
    const label = headerLabel(sheet, table, col);
    if (label === '') break;
    out.push({ col, label });
  }
  return out;
}

const NO_ORIGINALS: (CellValue | undefined)[] = [];

function ymdDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function consolidate(detail: TallyDetail, profile: Profile, opts: ConsolidateOptions = {}): Consolidation {
  const reader = new RowReader(profile);
  const tables = detail.tables;
  const sheets: MasterSheet[] = [];
  const fileNames = sourceNameMap([...new Set(tables.map((t) => t.file))]);
  // Fixes per file and sheet, by row × 16384 + column (the few cells with one).
  const fixes = new Map<string, Map<number, string | number>>();
  for (const f of opts.findings ?? []) {
    if (!CLEANING_RULES.has(f.rule) || f.fix === null || f.fix === undefined || f.fix === '') continue;
    const at = f.row !== undefined && f.col !== undefined ? { row: f.row, col: f.col } : parseA1(f.cell);
    const key = `${f.file}\u0000${f.sheet}`;
    let m = fixes.get(key);
    if (!m) fixes.set(key, (m = new Map()));
    const k = at.row * 16384 + at.col;
    if (!m.has(k)) m.set(k, f.fix);
  }
  const masterIndex = new Map<string, { sheet: string; row: number }>();
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
    // Added columns, by label, in the order first met.
    const extraLabels: string[] = [];
    const extrasOf = mine.map(({ t }) => {
      const list = addedColumns(t.sheet, t.table);
      for (const e of list) if (!extraLabels.includes(e.label)) extraLabels.push(e.label);
      return list;
    });
    const columns: MasterColumn[] = [
      { role: SEQ_ROLE, label: '序号', text: false },
      { role: FILE_ROLE, label: '来源文件', text: false },
      { role: SHEET_ROLE, label: '来源工作表', text: false },
      { role: RECOMMENDER_ROLE, label: '推荐单位', text: false },
      { role: FORM_DATE_ROLE, label: '填表日期', text: false, date: true },
      { role: SOURCE_ROW_ROLE, label: '原行号', text: false },
    ];
    const base = columns.length;
    for (const c of formCols) columns.push({ role: c.role, label: c.role === 'seq' ? '原序号' : c.label, text: TEXT_ROLES.has(c.role) });
    const labels = new Set(columns.map((c) => c.label));
    for (const l of extraLabels) columns.push({ role: EXTRA_PREFIX + l, label: labels.has(l) ? `${l}（原表）` : l, text: false });
    const rows: CellValue[][] = [];
    const sources: MasterSource[] = [];
    const originals: (CellValue | undefined)[][] = []; // per row, per form column: the typed value where cleaned
    const cleaned = new Set<number>();
    const sides: string[] = [];
    const catIx = formCols.findIndex((c) => c.role === 'category');
    const subIx = formCols.findIndex((c) => c.role === 'subcategory');
    const pIx = formCols.findIndex((c) => c.role === 'presenting');
    const nForm = formCols.length;
    mine.forEach(({ t, i }, m) => {
      const { sheet, table, file } = t;
      const fd = table.title?.formDate;
      const formDate: CellValue = fd ? ymdDate(fd.y, fd.m, fd.d) : table.title?.formDateText ? cleanText(table.title.formDateText) : null;
      const fileName = fileNames.get(file) ?? file;
      const masterName = MASTER_SHEET_NAMES[kind];
      // Per table, once: the sheet column of each master column (-1: absent), the fixes of this sheet.
      const cols = formCols.map((c) => table.columns[c.role] ?? -1);
      const extraCols = extraLabels.map((l) => extrasOf[m].find((x) => x.label === l)?.col ?? -1);
      const tableFixes = fixes.get(`${file}\u0000${sheet.name}`);
      const fromTitle = annex3 && table.category ? table.category : null;
      for (const row of table.rows) {
        const rc = reader.read(sheet, table, row);
        const values: CellValue[] = [rows.length + 1, fileName, sheet.name, detail.bucketOf(i, row) ?? rc.regionText, formDate, row + 1];
        let orig: (CellValue | undefined)[] | null = null;
        for (let k = 0; k < nForm; k++) {
          const col = cols[k];
          let v: CellValue = col < 0 ? null : sheet.value(row, col);
          if (k === catIx && fromTitle !== null && (v === null || cleanText(cellText(v)) === '')) v = fromTitle;
          if (col >= 0 && tableFixes !== undefined) {
            const fix = tableFixes.get(row * 16384 + col);
            if (fix !== undefined && cellText(fix) !== cellText(v)) {
              if (orig === null) orig = [];
              orig[k] = v;
              cleaned.add(k);
              v = fix;
            }
          }
          values.push(v);
        }
        for (const col of extraCols) values.push(col < 0 ? null : sheet.value(row, col));
        masterIndex.set(`${file}\u0000${sheet.name}\u0000${row}`, { sheet: masterName, row: rows.length });
        rows.push(values);
        originals.push(orig ?? NO_ORIGINALS);
        sides.push(SIDE_TEXT[rc.side]);
        sources.push({ file, fileName, sheet: sheet.name, row, table: i });
        // Spellings, as they stand in the master sheet.
        const catCell = catIx >= 0 ? values[base + catIx] : undefined;
        if (rc.category && catCell !== undefined && catCell !== null) {
          addSpelling(catSpell, rc.category.name, cellText(catCell));
          if (!annex3) addSpelling(registerCats, rc.category.name, cellText(catCell));
          if (rc.subcategory && subIx >= 0 && values[base + subIx] !== null) {
            addSpelling(subSpell, `${rc.category.name}\u0000${rc.subcategory.name}`, cellText(values[base + subIx]));
          }
        }
        if (rc.presenting && pIx >= 0) yesSpell.add(cellText(values[base + pIx]));
      }
    });
    // The typed values of cleaned columns, each right after the extras, only for columns where some row differed.
    const origCols = formCols.map((c, k) => ({ c, k })).filter(({ k }) => cleaned.has(k));
    for (const { c } of origCols) columns.push({ role: ORIGINAL_PREFIX + c.role, label: `${c.label}（原值）`, text: TEXT_ROLES.has(c.role) });
    rows.forEach((values, r) => {
      for (const { k } of origCols) {
        const o = originals[r][k];
        values.push(o === undefined ? null : o);
      }
    });
    if (!annex3) {
      columns.push({ role: SIDE_ROLE, label: '对象', text: false });
      rows.forEach((values, r) => values.push(sides[r]));
    }
    sheets.push({ kind, name: MASTER_SHEET_NAMES[kind], columns, rows, sources, dupGroup: new Int32Array(rows.length).fill(-1) });
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

  const duplicates = markDuplicates(sheets);
  // A 重复 column where a sheet has duplicates: the group and the other rows (sheet row numbers of the master).
  for (const s of sheets) {
    if (!s.dupGroup.some((g) => g >= 0)) continue;
    s.columns.push({ role: DUP_ROLE, label: '重复', text: false });
    s.rows.forEach((values, i) => {
      const g = s.dupGroup[i];
      if (g < 0) {
        values.push(null);
        return;
      }
      const others = duplicates[g].rows.filter((r) => r !== i).map((r) => r + 2);
      values.push(`重复组 ${g + 1}：同第 ${others.join('、')} 行`);
    });
  }
  return {
    sheets,
    recommenderCol: 3,
    classTerms,
    categoryTerms,
    duplicates,
    masterRowOf: (file, sheet, row) => masterIndex.get(`${file}\u0000${sheet}\u0000${row}`) ?? null,
  };
}

/** The table kinds consolidation appends. */
export function isMasterKind(kind: TableKind): kind is MasterKind {
  return (KINDS as TableKind[]).includes(kind);
}
