/**
 * SPEC §2 "What counties really type": how each layout is read — tables found, their rows, and no false findings
 * from the whole catalogue. Each layout is checked both streamed and located-first.
 */
import { checkWorkbook } from '../../src/core/check';
import { planFill } from '../../src/core/fill';
import { parseA1Range, type CellValue } from '../../src/core/grid';
import { parseChineseDate } from '../../src/core/locate';
import { DEFAULT_TITLE, DEFAULT_TODAY } from '../helpers/rule-tester';
import { COL_HEADER, IND_HEADER, collective, individuals, person, sideBySide } from '../helpers/layouts';

function check(values: CellValue[][], merges: string[] = []) {
  const grid = { name: 'layout.xlsx', sheets: [{ name: '附件3', values, merges: merges.map(parseA1Range) }] };
  const run = (streamRows: boolean) => checkWorkbook(grid, { file: 'layout.xlsx', today: DEFAULT_TODAY, streamRows });
  const streamed = run(true);
  const located = run(false);
  expect(streamed.findings).toEqual(located.findings);
  expect(streamed.tables).toEqual(located.tables);
  return streamed;
}

const findings = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.cell} ${f.rule}`);

describe('表格可加页: the header typed again is a page break', () => {
  const pages = individuals(person(1), person(2), person(3), IND_HEADER, person(4), person(5));
  test('one table, 序号 continues, no finding', () => {
    const r = check(pages);
    expect(r.tables).toEqual([{ sheet: '附件3', kind: 'annex3.individual', range: 'A2:L8', rows: 5 }]);
    expect(findings(r)).toEqual([]);
  });
  test('with an empty row and a 续表 line before page 2', () => {
    const r = check(individuals(person(1), person(2), [], ['续表'], IND_HEADER, person(3)));
    expect(r.tables.map((t) => t.rows)).toEqual([3]);
    expect(findings(r)).toEqual([]);
  });
  test('page 2 restarting at 1 is a gap in the one table; fill renumbers 4, 5', () => {
    const r = check(individuals(person(1), person(2), person(3), IND_HEADER, person(1), person(2)));
    expect(r.tables).toHaveLength(1);
    expect(findings(r).filter((f) => f.endsWith('seq.gap'))).toEqual(['A7 seq.gap', 'A8 seq.gap']);
    const plan = planFill(r);
    expect(plan.changes.filter((c) => c.reason === 'fill.seq').map((c) => `${c.cell}=${c.after}`)).toEqual(['A7=4', 'A8=5']);
  });
  test('page 2 under its section title repeated with （续）', () => {
    const r = check(individuals(person(1), person(2), ['二、先进个人推荐对象汇总表（续）'], IND_HEADER, person(3)));
    expect(r.tables.map((t) => `${t.range} ${t.rows}`)).toEqual(['A2:L7 3']);
    expect(findings(r)).toEqual([]);
  });
  test('a new section (no 续) with the same header is a new table', () => {
    const r = check(individuals(person(1), ['二、先进个人推荐对象汇总表（民生保障方面）'], IND_HEADER, person(1)));
    expect(r.tables.map((t) => `${t.range} ${t.rows}`)).toEqual(['A2:L3 1', 'A5:L6 1']);
  });
  test('an empty row not followed by the header still ends the table', () => {
    const r = check(individuals(person(1), [], ['备注：表格可加页']));
    expect(r.tables.map((t) => t.range)).toEqual(['A2:L3']);
  });
});

describe('小计 / 合计 / 总计 rows are not nominees', () => {
  const rows = individuals(person(1), person(2), [null, '小计', null, null, null, null, null, null, null, null, null, '2人'], person(3), ['合 计', null, null, null, null, null, null, null, null, null, null, 3]);
  test('no finding, three rows', () => {
    const r = check(rows);
    expect(r.tables[0].rows).toBe(3);
    expect(findings(r)).toEqual([]);
    expect(r.tally.byRegion.map((t) => t.count)).toEqual([3]);
  });
  test('fill never writes over a 小计 label', () => {
    const plan = planFill(check(rows));
    expect(plan.changes.filter((c) => c.row === 4 || c.row === 6)).toEqual([]);
  });
});

describe('merged data cells give their value to every row they cover', () => {
  const shared = individuals(person(1, { 工作单位: '伊宁市示例公司', 单位性质: '事业单位' }), person(2, { 工作单位: null, 单位性质: null }), person(3));
  test('no required.missing for the covered cells; one synonym fix, at the merged cell', () => {
    const r = check(shared, ['G3:G4', 'H3:H4']);
    expect(findings(r)).toEqual(['H3 unit-type.synonym', 'H4 unit-type.synonym']);
    const plan = planFill(r);
    expect(plan.changes.filter((c) => c.reason === 'unit-type.synonym').map((c) => c.cell)).toEqual(['H3']);
  });
  test('without the merge the empty cells are missing', () => {
    const r = check(shared);
    expect(findings(r)).toContain('G4 required.missing');
  });
});

describe('a helper column beside the table adds no rows', () => {
  test('filled down 5,000 rows beside one nominee', () => {
    const values: CellValue[][] = individuals(person(1));
    values[1] = [...IND_HEADER, '辅助列'];
    values[2] = [...values[2], 1];
    for (let i = 0; i < 5000; i++) values.push([null, null, null, null, null, null, null, null, null, null, null, null, i + 2]);
    const r = check(values);
    expect(r.tables).toEqual([{ sheet: '附件3', kind: 'annex3.individual', range: 'A2:L3', rows: 1 }]);
    expect(findings(r)).toEqual([]);
  });
});

describe('tables side by side are two tables', () => {
  test('collectives A–H, individuals J–U', () => {
    const r = check(sideBySide(2, 3));
    expect(r.tables).toEqual([
      { sheet: '附件3', kind: 'annex3.collective', range: 'A2:H4', rows: 2 },
      { sheet: '附件3', kind: 'annex3.individual', range: 'J2:U5', rows: 3 },
    ]);
    expect(findings(r)).toEqual([]);
    const plan = planFill(r);
    expect(plan.changes).toEqual([]);
  });
  test('each is checked: a wrong unit type on the left, a missing name on the right', () => {
    const values = sideBySide(2, 2);
    values[2][2] = '个体户';
    values[3][10] = null;
    const r = check(values);
    expect(findings(r)).toEqual(['C3 unit-type.invalid', 'K4 required.missing']);
  });
  test('without an empty column between them, cut at the second 序号', () => {
    const rows: CellValue[][] = [[DEFAULT_TITLE], [...COL_HEADER, ...IND_HEADER], [...collective(1), ...person(1)]];
    const r = check(rows);
    expect(r.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['annex3.collective A2:H3', 'annex3.individual I2:T3']);
  });
});

describe('工作单位及职务 in one column', () => {
  const header = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位及职务', '单位性质', '身份证号', '联系电话'];
  const row = (n: number, combined: CellValue) => {
    const p = person(n);
    return [p[0], p[1], p[2], p[3], p[4], p[5], combined, p[7], p[9], p[10]];
  };
  test('satisfies both columns', () => {
    const r = check([[DEFAULT_TITLE], header, row(1, '伊宁市示例公司 总经理')]);
    expect(findings(r)).toEqual([]);
  });
  test('an empty combined cell is one finding', () => {
    const r = check([[DEFAULT_TITLE], header, row(1, null)]);
    expect(r.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual(['G3 required.missing “工作单位及职务”为必填项，不能为空']);
  });
});

describe('填表日期 in every form clerks type', () => {
  test.each([
    ['2025年10月28日', { y: 2025, m: 10, d: 28 }],
    ['2025.10.28', { y: 2025, m: 10, d: 28 }],
    ['2025-10-28', { y: 2025, m: 10, d: 28 }],
    ['2025/10/28', { y: 2025, m: 10, d: 28 }],
    ['２０２５年１０月２８日', { y: 2025, m: 10, d: 28 }],
    ['二〇二五年十月二十八日', { y: 2025, m: 10, d: 28 }],
    ['二○二五年十月二十八日', { y: 2025, m: 10, d: 28 }],
    ['二零二五年十二月三十一日', { y: 2025, m: 12, d: 31 }],
    ['二〇二五年一月九日', { y: 2025, m: 1, d: 9 }],
    ['2025年10月28号', { y: 2025, m: 10, d: 28 }],
    ['45958', { y: 2025, m: 10, d: 28 }],
    ['二〇二五年二月三十日', null],
    ['二〇二五年十月', null],
    ['2025年13月1日', null],
    ['十月二十八日', null],
    ['123', null],
  ])('%s', (text, ymd) => {
    expect(parseChineseDate(text)).toEqual(ymd);
  });
});
