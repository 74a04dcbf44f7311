/**
 * The 公示 notice built in the worker (src/worker/notice.ts): the last guard's table of valid and invalid cases
 * (full IDs and mobiles however typed), the notice's columns, masking, dropped columns, and refusal: a full
 * number left anywhere stops the notice and names its source cell. Every cell of every notice built here is
 * scanned again by the test.
 */
import { checkWorkbooks } from '../../src/core/check';
import { getProfile } from '../../src/core/profiles';
import type { WorkbookGrid } from '../../src/core/grid';
import { buildNotice, findFullNumbers } from '../../src/worker/notice';
import { noticeJob } from '../../src/worker/jobs';
import type { NoticeInput } from '../../src/worker/protocol';
import { annex3Grid, fullWidth } from '../taskpane/fake-host';
import { personId } from '../helpers/ids';

const TODAY = { y: 2025, m: 11, d: 20 };
const ID = personId('19800101', '123');
const ID15 = '654002800101123';

describe('findFullNumbers: what still counts as a full number', () => {
  const full: [string, string, 'id' | 'mobile'][] = [
    ['plain 18-digit ID', ID, 'id'],
    ['lower-case x check character', personId('19850101', '124').replace(/X$/, 'x'), 'id'],
    ['full-width digits', fullWidth(ID), 'id'],
    ['spaces inside', `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, 'id'],
    ['inside longer text', `身份证${ID}（已核）`, 'id'],
    ['15-digit first generation', ID15, 'id'],
    ['mobile', '13999990041', 'mobile'],
    ['mobile with spaces', '139 9999 0041', 'mobile'],
    ['mobile with hyphens', '139-9999-0041', 'mobile'],
    ['mobile with +86', '+8613999990041', 'mobile'],
    ['mobile in text', '联系：13999990041', 'mobile'],
    ['full-width mobile', fullWidth('13999990041'), 'mobile'],
  ];
  test.each(full)('%s is found', (_, text, kind) => {
    expect(findFullNumbers(text).map((h) => h.kind)).toContain(kind);
  });
  const masked: [string, string][] = [
    ['masked ID', '654002********1234'],
    ['masked mobile', '139****0041'],
    ['masked landline', '0999-****0041'],
    ['a date', '2025年10月28日'],
    ['a count', '12'],
    ['landline', '0999-8123456'],
    ['a 19-digit number is not an ID', `9${ID}`],
    ['12 digits', '139999900412'],
    ['18 digits without a date inside', '123456789012345678'],
  ];
  test.each(masked)('%s is not', (_, text) => {
    expect(findFullNumbers(text)).toEqual([]);
  });
});

function notice(grid: WorkbookGrid, drop: NoticeInput['drop'] = []) {
  const profile = getProfile('ili-2025-contribution');
  const run = checkWorkbooks([{ grid, file: grid.name }], { profile, today: TODAY });
  return buildNotice(run, profile, { workbook: { file: grid.name, grid }, lang: 'zh', drop, takenSheetNames: ['附件3'], today: TODAY });
}

/** Every written cell, without the apostrophe that keeps text as text. */
function cells(out: ReturnType<typeof notice>): string[] {
  return out.sheet!.values.flat().map((v) => String(v).replace(/^'/, ''));
}

describe('the notice', () => {
  test('the notice columns only, IDs and phones masked; every cell scanned clean', () => {
    const out = notice(annex3Grid());
    expect(out.leaks).toEqual([]);
    expect(out.sheet!.name).toBe('公示名单');
    expect(out.sheet!.values[0]).toEqual(['序号', '姓名', '性别', '民族', '工作单位', '职务', '身份证号', '联系电话']);
    expect(out.rows).toBe(5);
    expect(out.masked).toEqual({ ids: 5, phones: 5 });
    const row = out.sheet!.values[1].map((v) => String(v).replace(/^'/, ''));
    expect(row[1]).toBe('甲示例');
    expect(row[6]).toBe(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
    expect(row[7]).toBe('139****0041');
    // Columns a notice does not show are gone: 政治面貌, 学历学位, 单位性质, 备注.
    expect(cells(out)).not.toContain('中共党员');
    for (const c of cells(out)) expect(findFullNumbers(c)).toEqual([]);
    // The full-width ID of row 5 is masked from its digits, not left as typed.
    expect(cells(out).join('\n')).not.toMatch(/[０-９]{6}/);
  });

  test('--drop id,phone: the columns are left out', () => {
    const out = notice(annex3Grid(), ['id', 'phone']);
    expect(out.sheet!.values[0]).toEqual(['序号', '姓名', '性别', '民族', '工作单位', '职务']);
    expect(out.masked).toEqual({ ids: 0, phones: 0 });
  });

  test('a full ID or mobile typed into another column stops the notice and names the source cell', () => {
    const grid = annex3Grid();
    const values = grid.sheets[0].values;
    values[4] = [...values[4]];
    values[4][6] = `示例县乙公司（${ID}）`; // 工作单位, G5
    values[5] = [...values[5]];
    values[5][1] = '丙示例 139 9999 0043'; // 姓名, B6
    const out = notice(grid);
    expect(out.sheet).toBeNull();
    expect(out.leaks).toEqual([
      { cell: '附件3!G5', column: '工作单位', kind: 'id', masked: `${ID.slice(0, 6)}********${ID.slice(-4)}` },
      { cell: '附件3!B6', column: '姓名', kind: 'mobile', masked: '139****0043' },
    ]);
  });

  test('an ID stored as a number is masked from its digits', () => {
    const grid = annex3Grid();
    grid.sheets[0].values[3] = [...grid.sheets[0].values[3]];
    grid.sheets[0].values[3][9] = Number(ID15);
    const out = notice(grid);
    expect(out.leaks).toEqual([]);
    expect(out.sheet!.values[1][6]).toBe(`${ID15.slice(0, 6)}*****${ID15.slice(-4)}`);
  });

  test('a sheet without a nomination table gives no notice (and no empty sheet)', async () => {
    const grid: WorkbookGrid = { name: 'x.xlsx', sheets: [{ name: 'Sheet1', values: [['说明'], ['没有表格']] }] };
    const out = await noticeJob({ workbook: { file: 'x.xlsx', grid }, lang: 'zh', drop: [], takenSheetNames: [] }, { progress: () => undefined, cancelled: () => false });
    expect(out.sheet).toBeNull();
    expect(out.rows).toBe(0);
    expect(out.leaks).toEqual([]);
  });

  test('the name is free in the workbook', () => {
    const profile = getProfile('ili-2025-contribution');
    const grid = annex3Grid();
    const run = checkWorkbooks([{ grid, file: grid.name }], { profile, today: TODAY });
    const out = buildNotice(run, profile, { workbook: { file: grid.name, grid }, lang: 'en', drop: [], takenSheetNames: ['公示名单'] });
    expect(out.sheet!.name).toBe('公示名单 (2)');
    expect(out.sheet!.values[0][1]).toBe('Name');
  });
});
