/**
 * Case tables for rules, in the manner of ESLint's RuleTester: each rule's test lists `valid` cases (no finding
 * of that rule) and `invalid` cases (exactly the expected findings). A case is a small sheet: an optional title
 * line, the form's printed header, and rows given either as full arrays or as objects keyed by column role,
 * where unspecified columns get valid defaults.
 */
import { checkWorkbook, type LocatedFinding } from '../../src/core/check';
import { annex3Collective, annex3Individual } from '../../src/core/forms';
import type { FormDef, TableKind } from '../../src/core/forms/form';
import { parseA1Range, type CellValue, type SheetGrid } from '../../src/core/grid';
import type { Profile } from '../../src/core/profiles/schema';
import type { Rule } from '../../src/core/rules/rule';
import type { YMD } from '../../src/core/table';

export type RowSpec = Record<string, CellValue> | CellValue[];

export interface SheetCase {
  name?: string;
  kind?: TableKind;
  /** Title line text; default `推荐单位（盖章）：伊宁市 填表日期：2025年11月3日`. Use null for no title line. */
  title?: string | null;
  /** Header labels; default the form's printed labels of every column. */
  header?: string[];
  rows: RowSpec[];
  profile?: Profile;
  today?: YMD;
  /** Extra sheets (full grids) to check in the same workbook, e.g. for cross-sheet duplicates. */
  extraSheets?: SheetGrid[];
  /**
   * The whole sheet as typed, row by row (layouts: pages, side-by-side tables, helper columns); title, header and
   * rows are then ignored.
   */
  values?: CellValue[][];
  /** Merged areas of the sheet, as A1 ranges (`G3:G4`). */
  merges?: string[];
}

export interface Expected {
  cell?: string;
  severity?: 'error' | 'warning' | 'info';
  /** Substring of the Chinese message. */
  message?: string;
  fix?: string | null;
  value?: string | null;
}

export interface InvalidCase extends SheetCase {
  errors: Expected[];
}

export const DEFAULT_TITLE = '推荐单位（盖章）：伊宁市市场监督管理局    填表日期：2025年11月3日';
export const DEFAULT_TODAY: YMD = { y: 2025, m: 11, d: 20 };

const FORMS: Record<string, FormDef> = {
  'annex3.individual': annex3Individual,
  'annex3.collective': annex3Collective,
};

/** Valid defaults per role. The default ID is the example of GB 11643-1999 (a woman born 1949-12-31). */
const DEFAULTS: Record<string, CellValue> = {
  name: '张三',
  gender: '女',
  ethnicity: '汉族',
  politicalStatus: '中共党员',
  education: '大学本科',
  employer: '伊宁市示例科技有限公司',
  unitType: '企业',
  position: '总经理',
  residentId: '11010519491231002X',
  phone: '13800138000',
  remark: null,
  category: null,
  subcategory: null,
  uscc: null,
  collectiveName: '伊宁市示例科技有限公司质量部',
  leaderName: '李四',
  leaderTitle: '部长',
  contactName: '王五',
  contactPhone: '0999-8012345',
};

const OPTIONAL_ROLES = new Set(['uscc', 'category', 'subcategory']);

/** The header as printed on the seed form (individuals: 序号 … 备注 in A–L, 身份证号 in J). */
export function seedHeader(form: FormDef): string[] {
  return form.columns.filter((col) => !OPTIONAL_ROLES.has(col.role)).map((col) => col.label);
}

/** The 0-based sheet row of data row i in a case (title line, header, then rows). */
export function dataRow(c: SheetCase, i: number): number {
  return (c.title === null ? 0 : 1) + 1 + i;
}

export function buildSheet(c: SheetCase, sheetName = 'Sheet1'): SheetGrid {
  const merges = c.merges?.map(parseA1Range);
  if (c.values) return { name: sheetName, values: c.values, ...(merges ? { merges } : {}) };
  const form = FORMS[c.kind ?? 'annex3.individual'];
  const header = c.header ?? seedHeader(form);
  const roles = header.map((h) => form.columns.find((col) => col.label === h)?.role ?? h);
  const values: CellValue[][] = [];
  if (c.title !== null) values.push([c.title ?? DEFAULT_TITLE]);
  values.push(header);
  c.rows.forEach((spec, i) => {
    if (Array.isArray(spec)) {
      values.push(spec);
      return;
    }
    values.push(
      roles.map((role) => {
        if (role in spec) return spec[role];
        if (role === 'seq') return i + 1;
        return role in DEFAULTS ? DEFAULTS[role] : null;
      }),
    );
  });
  return { name: sheetName, values, ...(merges ? { merges } : {}) };
}

/**
 * The findings of one rule on a case's sheet. Every case is checked twice — rows read during the row pass (the
 * engine's default) and tables located completely first — and both must give the same findings.
 */
export function runRule(rule: Rule, c: SheetCase): LocatedFinding[] {
  const sheets = [buildSheet(c), ...(c.extraSheets ?? [])];
  const run = (streamRows: boolean) =>
    checkWorkbook(
      { name: 'case.xlsx', sheets },
      { file: 'case.xlsx', profile: c.profile, today: c.today ?? DEFAULT_TODAY, rules: [rule], streamRows },
    );
  const result = run(true);
  const located = run(false);
  expect(result.findings).toEqual(located.findings);
  expect(result.tables).toEqual(located.tables);
  return result.findings;
}

function label(c: SheetCase, i: number): string {
  return c.name ?? JSON.stringify(c.rows).slice(0, 80) + ` #${i}`;
}

/** Declare the case table of one rule. */
export function ruleCases(rule: Rule, cases: { valid: SheetCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    test('meta has messages in Chinese and English', () => {
      for (const m of Object.values(rule.meta.messages)) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en).toMatch(/[A-Za-z]/);
      }
    });
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        test(label(c, i), () => {
          const found = runRule(rule, c).filter((f) => f.rule === rule.meta.id);
          expect(found.map((f) => `${f.cell} ${f.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        test(label(c, i), () => {
          const found = runRule(rule, c).filter((f) => f.rule === rule.meta.id);
          expect(found).toHaveLength(c.errors.length);
          c.errors.forEach((e, j) => {
            const f = found[j];
            if (e.cell !== undefined) expect(f.cell).toBe(e.cell);
            expect(f.severity).toBe(e.severity ?? rule.meta.severity);
            if (e.message !== undefined) expect(f.message).toContain(e.message);
            if (e.fix !== undefined) expect(f.fix).toBe(e.fix);
            if (e.value !== undefined) expect(f.value).toBe(e.value);
          });
        });
      });
    });
  });
}
