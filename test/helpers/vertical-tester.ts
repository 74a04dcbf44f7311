/**
 * Case tables for the stats.* rules, in the manner of rule-tester.ts but for vertical forms: a case is a whole
 * sheet (built with test/helpers/stats-sheets.ts or written out), optional number formats by A1 address, and for
 * invalid cases the expected findings of the rule in sheet order.
 */
import { checkWorkbook, type LocatedFinding } from '../../src/core/check';
import { parseA1, type CellValue, type SheetGrid } from '../../src/core/grid';
import type { Rule } from '../../src/core/rules/rule';
import { DEFAULT_TODAY, type Expected } from './rule-tester';

export interface VerticalCase {
  name: string;
  values: CellValue[][];
  /** Number formats by A1 address, e.g. { C8: '0.00%' }. */
  formats?: Record<string, string>;
  lang?: 'zh' | 'en';
}

export interface VerticalInvalidCase extends VerticalCase {
  errors: Expected[];
}

export function buildVerticalSheet(c: VerticalCase, name = 'Sheet1'): SheetGrid {
  const grid: SheetGrid = { name, values: c.values };
  if (c.formats) {
    const nf: (string | null)[][] = c.values.map(() => []);
    for (const [addr, fmt] of Object.entries(c.formats)) {
      const { row, col } = parseA1(addr);
      while (nf.length <= row) nf.push([]);
      nf[row][col] = fmt;
    }
    grid.numberFormats = nf;
  }
  return grid;
}

export function runVertical(rule: Rule, c: VerticalCase): LocatedFinding[] {
  const result = checkWorkbook({ name: 'case.xlsx', sheets: [buildVerticalSheet(c)] }, { file: 'case.xlsx', today: DEFAULT_TODAY, rules: [rule], lang: c.lang });
  return result.findings.filter((f) => f.rule === rule.meta.id);
}

export function verticalCases(rule: Rule, cases: { valid: VerticalCase[]; invalid: VerticalInvalidCase[] }): void {
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
          expect(runVertical(rule, c).map((f) => `${f.cell} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, () => {
          const found = runVertical(rule, c);
          expect(found.map((f) => `${f.cell} ${f.message}`)).toHaveLength(c.errors.length);
          c.errors.forEach((e, j) => {
            const f = found[j];
            if (e.cell !== undefined) expect(f.cell).toBe(e.cell);
            expect(f.severity).toBe(e.severity ?? rule.meta.severity);
            if (e.message !== undefined) expect(f.message).toContain(e.message);
            if (e.fix !== undefined) expect(f.fix).toBe(e.fix);
            if (e.value !== undefined) expect(f.value).toBe(e.value);
          });
        });
      }
    });
  });
}
