/**
 * How the tally and consolidation read one data row (SPEC §3 quotas, §4 values as offices write them): its region,
 * its category (names, aliases and abbreviations of the profile), sub-category, side and 是否与会发表.
 */
import { isEmptyValue, type CellValue, type Sheet } from './grid';
import { asciiLower, cellText, cleanText, compactText } from './normalize';
import type { LocatedTable } from './table';
import type { Profile } from './profiles/schema';
import { getProfile } from './profiles';
import { regionKey } from './region-names';

export interface CategoryRef {
  /** The profile's name, or the cleaned text as written. */
  name: string;
  known: boolean;
  /** Index into profile.categories, -1 when unknown. */
  index: number;
  /** The text is one of the category's abbreviations (QC小组): counted, and worth an info with the full name. */
  abbreviation?: boolean;
}

/** Category and sub-category names → the profile's (names and aliases, compared after normalisation). */
export class CategoryResolver {
  private readonly cats = new Map<string, number>();
  private readonly abbreviations = new Map<string, number>();
  private readonly subs: Map<string, number>[];
  constructor(readonly profile: Profile) {
    profile.categories.forEach((c, i) => {
      for (const n of [c.name, ...c.aliases]) if (!this.cats.has(regionKey(n))) this.cats.set(regionKey(n), i);
      for (const n of c.abbreviations ?? []) if (!this.abbreviations.has(regionKey(n))) this.abbreviations.set(regionKey(n), i);
    });
    this.subs = profile.categories.map((c) => {
      const m = new Map<string, number>();
      c.subcategories.forEach((s, j) => {
        for (const n of [s.name, ...s.aliases]) if (!m.has(regionKey(n))) m.set(regionKey(n), j);
      });
      return m;
    });
  }
  private readonly catCache = new Map<string, CategoryRef | null>();
  /** The category a cell names (results cached per spelling: a register repeats a handful of them). */
  category(text: string): CategoryRef | null {
    let r = this.catCache.get(text);
    if (r !== undefined) return r;
    const clean = cleanText(text);
    if (clean === '') r = null;
    else {
      const key = regionKey(clean);
      const i = this.cats.get(key);
      const a = i === undefined ? this.abbreviations.get(key) : undefined;
      if (i !== undefined) r = { name: this.profile.categories[i].name, known: true, index: i };
      else if (a !== undefined) r = { name: this.profile.categories[a].name, known: true, index: a, abbreviation: true };
      else r = { name: clean, known: false, index: -1 };
    }
    if (this.catCache.size < 10_000) this.catCache.set(text, r);
    return r;
  }
  subcategory(cat: CategoryRef, text: string): { name: string; known: boolean; index: number } | null {
    const clean = cleanText(text);
    if (clean === '') return null;
    const j = cat.index >= 0 ? this.subs[cat.index].get(regionKey(clean)) : undefined;
    return j === undefined ? { name: clean, known: false, index: -1 } : { name: this.profile.categories[cat.index].subcategories[j].name, known: true, index: j };
  }
  /** True when `text` names the category `name` (or one of its aliases). */
  is(text: string, name: string): boolean {
    const c = this.category(text);
    return !!c && regionKey(c.name) === regionKey(name);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading rows

export function textAt(sheet: Sheet, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const v = sheet.value(row, col);
  return typeof v === 'string' ? cleanText(v) : v === null ? '' : cleanText(cellText(v));
}

const YES = new Set(['是', '√', '✓', '✔', '☑', '✅', '■', 'y', 'yes', '是√', '√是', '参加', '发表', '参加发表', '与会发表']);
const TICK = '[√✓✔☑✅■☒▇]';
/**
 * 是否与会发表 reads as yes (SPEC §4): 是, √, ☑, a ticked box beside 是 (`☑是 □否`, `是☑ 否□`), TRUE. An unticked box and
 * its label (`□否`) are set aside first, so `□是 ☑否` is a no.
 */
export function isYes(v: CellValue): boolean {
  if (v === true) return true;
  if (typeof v !== 'string') return false;
  const s = asciiLower(compactText(v));
  if (YES.has(s)) return true;
  // Boxes before their labels (`☑是□否`), else after them (`是☑否□`): yes when 是's box is ticked and 否's is not.
  const labelFirst = s.startsWith('是') || s.startsWith('否');
  const pairs = labelFirst
    ? [...s.matchAll(BOX_AFTER)].map((m) => ({ ticked: m[2] !== '□' && m[2] !== '☐', label: m[1] }))
    : [...s.matchAll(BOX_BEFORE)].map((m) => ({ ticked: m[1] !== '□' && m[1] !== '☐', label: m[2] }));
  return pairs.some((p) => p.ticked && p.label === '是') && !pairs.some((p) => p.ticked && p.label === '否');
}
const BOX_BEFORE = new RegExp(`(${TICK.slice(0, -1)}□☐])(是|否)`, 'g');
const BOX_AFTER = new RegExp(`(是|否)(${TICK.slice(0, -1)}□☐])`, 'g');

/** What one data row is, for the tally and for consolidation. */
export interface RowClass {
  /** Region as written (the 推荐单位 of a 附件3 table). */
  regionText: string;
  /** The cell that holds the region (the title line for 附件3). */
  regionCell: { row: number; col: number } | null;
  category: CategoryRef | null;
  /** The cell of the category text, or null when it came from a title. */
  categoryCell: { row: number; col: number } | null;
  subcategory: { name: string; known: boolean; index: number } | null;
  side: 'collective' | 'individual';
  /** Register: 是否与会发表 = 是. */
  presenting: boolean;
}

/** Reads rows of qc.register and 附件3 tables the same way for every consumer. */
export class RowReader {
  readonly categories: CategoryResolver;
  /** The register's own categories (xinjiang-2019 附件1), for the side of a 类别 the profile does not know. */
  private qc: CategoryResolver | null = null;
  constructor(readonly profile: Profile) {
    this.categories = new CategoryResolver(profile);
  }
  private qcSide(text: string): 'collective' | 'individual' | undefined {
    if (!this.qc) this.qc = new CategoryResolver(getProfile('xj-qc-2019'));
    const c = this.qc.category(text);
    return c && c.index >= 0 ? this.qc.profile.categories[c.index].side : undefined;
  }
  /** Kinds whose rows are nominations. */
  static counts(table: LocatedTable): boolean {
    return table.kind === 'qc.register' || table.kind === 'annex3.collective' || table.kind === 'annex3.individual';
  }
  read(sheet: Sheet, table: LocatedTable, row: number): RowClass {
    const c = table.columns;
    const register = table.kind === 'qc.register';
    let regionText: string;
    let regionCell: RowClass['regionCell'];
    if (register) {
      regionText = textAt(sheet, row, c.region);
      regionCell = c.region === undefined ? null : { row, col: c.region };
    } else {
      regionText = table.title?.recommender ? cleanText(table.title.recommender) : '';
      regionCell = table.title ? { row: table.title.row, col: table.title.col } : null;
    }
    let catText = textAt(sheet, row, c.category);
    let categoryCell: RowClass['categoryCell'] = c.category === undefined ? null : { row, col: c.category };
    if (catText === '' && !register && table.category) {
      catText = table.category;
      categoryCell = null;
    }
    const category = this.categories.category(catText);
    const subText = textAt(sheet, row, c.subcategory);
    const subcategory = category && subText ? this.categories.subcategory(category, subText) : null;
    let side: RowClass['side'];
    if (table.kind === 'annex3.collective') side = 'collective';
    else if (table.kind === 'annex3.individual') side = 'individual';
    else {
      const cat = category && category.index >= 0 ? this.profile.categories[category.index] : null;
      const sub = cat && subcategory && subcategory.index >= 0 ? cat.subcategories[subcategory.index] : null;
      side =
        sub?.side ??
        cat?.side ??
        (category && !cat ? this.qcSide(category.name) : undefined) ??
        (c.residentId !== undefined && !isEmptyValue(sheet.value(row, c.residentId)) ? 'individual' : 'collective');
    }
    const presenting = register && c.presenting !== undefined && isYes(sheet.value(row, c.presenting));
    return { regionText, regionCell, category, categoryCell, subcategory, side, presenting };
  }
}

