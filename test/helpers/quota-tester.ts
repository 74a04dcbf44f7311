/**
 * Case tables for the quota rules, in the manner of rule-tester.ts, but over a *run*: a case is one or more
 * workbooks (consolidation), each of sheets built from a register (qc.register), a quota table (qc.quota, with
 * the seed's two-row header) or full grids (附件3). Findings name their file, so cross-file cases can say where.
 */
import { checkWorkbooks, type LocatedFinding } from '../../src/core/check';
import { qcRegister } from '../../src/core/forms';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { Profile } from '../../src/core/profiles/schema';
import type { Rule } from '../../src/core/rules/rule';
import type { YMD } from '../../src/core/table';

export const TODAY: YMD = { y: 2025, m: 11, d: 20 };

export const REGISTER_HEADER = ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数'];

const REGISTER_DEFAULTS: Record<string, (i: number) => CellValue> = {
  seq: (i) => i + 1,
  region: () => '伊犁州工信局',
  category: () => '优秀质量管理小组',
  name: (i) => `示例QC小组${i + 1}`,
  enterprise: (i) => `示例企业${i + 1}有限公司`,
  presenting: () => '否',
  members: () => 8,
};

export type RegisterRow = Record<string, CellValue>;

/** A register sheet: title, header (printed labels), rows keyed by role; unspecified roles get valid defaults. */
export function registerSheet(rows: RegisterRow[], opts: { name?: string; header?: string[]; title?: string | null } = {}): SheetGrid {
  const header = opts.header ?? REGISTER_HEADER;
  const roles = header.map((h) => qcRegister.columns.find((c) => c.label === h)?.role ?? h);
  const values: CellValue[][] = [];
  if (opts.title !== null) values.push([opts.title ?? '2019年自治区质量管理小组、质量信得过班组申报登记表']);
  values.push(header);
  rows.forEach((spec, i) => values.push(roles.map((r) => (r in spec ? spec[r] : REGISTER_DEFAULTS[r] ? REGISTER_DEFAULTS[r](i) : null))));
  return { name: opts.name ?? '登记表', values };
}

/** n register rows of one region and category (plus overrides). */
export function many(n: number, spec: RegisterRow): RegisterRow[] {
  return Array.from({ length: n }, () => ({ ...spec }));
}

/** A quota table as the seed prints it: 附件2, title, two-row header under the merged 质量管理活动, 总  计. */
export function quotaSheet(
  regions: [string, CellValue, CellValue, CellValue][],
  total: [CellValue, CellValue, CellValue] | null,
  name = '附件2',
): SheetGrid {
  const values: CellValue[][] = [
    ['附件2'],
    ['2019年自治区质量管理小组、质量信得过班组推荐名额表'],
    ['序号', '地区或部门', '质量管理活动', null, '质量信得过班组数'],
    [null, null, '小组数', '发表小组数', null],
    ...regions.map((r, i) => [i + 1, ...r]),
  ];
  if (total) values.push([null, '总  计', ...total]);
  return { name, values, merges: [{ top: 2, left: 2, bottom: 2, right: 3 }] };
}

export interface RunCase {
  name: string;
  /** Workbooks of the run: file name → sheets. */
  files: Record<string, SheetGrid[]>;
  profile?: Profile;
  today?: YMD;
}

export interface RunExpected {
  file?: string;
  cell?: string;
  severity?: 'error' | 'warning' | 'info';
  message?: string;
  fix?: string | null;
}

export function runRules(rules: readonly Rule[], c: Omit<RunCase, 'name'>): LocatedFinding[] {
  const wbs = Object.entries(c.files).map(([file, sheets]) => ({ file, grid: { name: file, sheets } }));
  const run = checkWorkbooks(wbs, { profile: c.profile, today: c.today ?? TODAY, rules });
  return run.results.flatMap((r) => r.findings);
}

/** Declare the case table of one rule over runs. */
export function runCases(rule: Rule, cases: { valid: RunCase[]; invalid: (RunCase & { errors: RunExpected[] })[] }): void {
  describe(rule.meta.id, () => {
    test('meta has messages in Chinese and English', () => {
      for (const m of Object.values(rule.meta.messages)) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en).toMatch(/[A-Za-z]/);
      }
    });
    describe('valid', () => {
      for (const c of cases.valid) {
        test(c.name, () => {
          const found = runRules([rule], c).filter((f) => f.rule === rule.meta.id);
          expect(found.map((f) => `${f.file} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, () => {
          const found = runRules([rule], c).filter((f) => f.rule === rule.meta.id);
          expect(found.map((f) => `${f.file} ${f.cell} ${f.severity} ${f.message}`)).toHaveLength(c.errors.length);
          c.errors.forEach((e, j) => {
            const f = found[j];
            if (e.file !== undefined) expect(f.file).toBe(e.file);
            if (e.cell !== undefined) expect(f.cell).toBe(e.cell);
            expect(f.severity).toBe(e.severity ?? rule.meta.severity);
            if (e.message !== undefined) expect(f.message).toContain(e.message);
            if (e.fix !== undefined) expect(f.fix).toBe(e.fix);
          });
        });
      }
    });
  });
}
