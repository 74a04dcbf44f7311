import { rule } from '../../src/core/rules/id.duplicate';
import { buildSheet, ruleCases } from '../helpers/rule-tester';
import { personId } from '../helpers/ids';
import { checkWorkbook } from '../../src/core/check';
import { isRunRule, type TableRef } from '../../src/core/rules/rule';

const A = personId('19800101', '123');
const B = personId('19850505', '246');

ruleCases(rule, {
  valid: [
    { name: 'different people', rows: [{ residentId: A, gender: '男' }, { residentId: B }, {}] },
    { name: 'empty IDs are not duplicates', rows: [{ residentId: null }, { residentId: null }] },
    { name: 'numbers that lost their last digits are not compared', rows: [{ residentId: 654002198001011200 }, { residentId: 654002198001011200 }] },
    { name: 'malformed values are not compared', rows: [{ residentId: '12345' }, { residentId: '12345' }] },
    {
      name: 'another sheet with other people',
      rows: [{ residentId: A, gender: '男' }],
      extraSheets: [buildSheet({ rows: [{ residentId: B }] }, 'Sheet2')],
    },
  ],
  invalid: [
    {
      name: 'same ID twice in one table, the later one reported',
      rows: [{ residentId: A, gender: '男' }, { residentId: B }, { residentId: A, gender: '男' }],
      errors: [{ cell: 'J5', message: '身份证号与工作表“Sheet1”的 J3 重复', fix: null }],
    },
    {
      name: 'three times: both later ones name the first',
      rows: [{}, {}, {}],
      errors: [{ cell: 'J4', message: 'J3' }, { cell: 'J5', message: 'J3' }],
    },
    {
      name: 'the 15-digit and the 18-digit form of one number',
      rows: [{ residentId: '110105491231002' }, { residentId: '11010519491231002X' }],
      errors: [{ cell: 'J4' }],
    },
    {
      name: 'normalisation does not hide a duplicate',
      rows: [{ residentId: '11010519491231002X' }, { residentId: ' １１０１０５１９４９１２３１００２ｘ' }],
      errors: [{ cell: 'J4' }],
    },
    {
      name: 'the same mistyped number twice',
      rows: [{ residentId: '110105194912310021' }, { residentId: '110105194912310021' }],
      errors: [{ cell: 'J4' }],
    },
    {
      name: 'across sheets: the message names the sheet and cell',
      rows: [{ residentId: A, gender: '男' }],
      extraSheets: [buildSheet({ rows: [{ residentId: B }, { residentId: A, gender: '男' }] }, '第二批')],
      errors: [{ cell: 'J4', message: '工作表“Sheet1”的 J3 重复' }],
    },
  ],
});

describe('across workbooks', () => {
  test('the message names the other file', () => {
    const first = checkWorkbook({ name: 'a.xlsx', sheets: [buildSheet({ rows: [{ residentId: A, gender: '男' }] }, '汇总')] }, { file: '县甲.xlsx', rules: [], today: { y: 2025, m: 11, d: 20 } });
    const second = checkWorkbook({ name: 'b.xlsx', sheets: [buildSheet({ rows: [{}, { residentId: A, gender: '男' }] }, '汇总')] }, { file: '县乙.xlsx', rules: [], today: { y: 2025, m: 11, d: 20 } });
    // Build the run the consolidation would: every located table of both files. The contexts only need the
    // accessors idColumn uses.
    const refs: TableRef[] = [];
    for (const [file, res] of [['县甲.xlsx', first], ['县乙.xlsx', second]] as const) {
      for (const { sheet, table } of res.located) {
        const ctx = {
          file, sheet, table,
          col: (role: string) => table.columns[role] ?? -1,
          value: (row: number, role: string) => sheet.value(row, table.columns[role]),
          // The row pass of these tables is over: the ID column is read at once.
          beforeRows: () => false,
        } as unknown as TableRef['ctx'];
        refs.push({ file, sheet, table, ctx });
      }
    }
    const reports: { file: string; row: number; col: number; messageId: string; data?: Record<string, string | number> }[] = [];
    expect(isRunRule(rule)).toBe(true);
    rule.checkRun({ tables: refs, profile: undefined as never, report: (ref, r) => reports.push({ file: ref.file, ...r }) });
    expect(reports).toEqual([
      { file: '县乙.xlsx', row: 3, col: 9, messageId: 'duplicateOtherFile', data: { file: '县甲.xlsx', sheet: '汇总', cell: 'J3' }, fix: null },
    ]);
  });
});
