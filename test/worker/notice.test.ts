/**
 * The worker's 公示 job (src/worker/jobs.ts noticeJob): the engine's notice (src/core/notice.ts) written by the
 * CLI's writer and converted to SheetSpecs for the pane. Every cell of every sheet handed to the pane is scanned
 * again here for a full ID or mobile, however typed; --drop leaves the columns out; a sheet without a nomination
 * table gives nothing to write; names are free in the target workbook.
 */
import type { WorkbookGrid } from '../../src/core/grid';
import { findFullNumbers } from '../../src/core/full-numbers';
import { noticeJob } from '../../src/worker/jobs';
import type { NoticeInput, NoticeOutput } from '../../src/worker/protocol';
import { annex3Grid } from '../taskpane/fake-host';
import { personId } from '../helpers/ids';

const TODAY = { y: 2025, m: 11, d: 20 };
const ID = personId('19800101', '123');
const ctx = { progress: () => undefined, cancelled: () => false };

function notice(grid: WorkbookGrid, over: Partial<NoticeInput> = {}): Promise<NoticeOutput> {
  return noticeJob({ workbook: { file: grid.name, grid }, lang: 'zh', drop: [], takenSheetNames: ['附件3'], today: TODAY, ...over }, ctx);
}

/** Every written cell as text, without the apostrophe that keeps text as text. */
function cells(out: NoticeOutput): string[] {
  return out.sheets.flatMap((s) => s.values.flat().map((v) => String(v).replace(/^'/, '')));
}

test('the notice of a 附件3 sheet: masked IDs and phones, and no cell holds a full number', async () => {
  const out = await notice(annex3Grid());
  expect(out.leak).toBeNull();
  expect(out.sheets.map((s) => s.name)).toEqual(['公示-先进个人']);
  expect(out.rows).toEqual([5]);
  const all = cells(out);
  expect(all).toContain('甲示例');
  expect(all).toContain(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
  expect(all).toContain('139****0041');
  for (const c of all) expect(findFullNumbers(c)).toEqual([]);
  // Nothing Excel would take for a formula.
  expect(out.sheets[0].values.flat().some((v) => typeof v === 'string' && /^[=+@]/.test(v))).toBe(false);
});

test('a full ID or mobile typed into another column is masked there too, never written whole', async () => {
  const grid = annex3Grid();
  const values = grid.sheets[0].values;
  values[4] = [...values[4]];
  values[4][6] = `示例县乙公司（${ID}）`;
  values[5] = [...values[5]];
  values[5][6] = '示例县丙学校 139 9999 0043';
  const out = await notice(grid);
  const all = cells(out);
  expect(out.leak).toBeNull();
  for (const c of all) expect(findFullNumbers(c)).toEqual([]);
  expect(all.join('\n')).not.toContain(ID);
});

test('drop id and phone: the columns are left out', async () => {
  const out = await notice(annex3Grid(), { drop: ['id', 'phone'] });
  const header = out.sheets[0].values.find((r) => r[0] === '序号')!;
  expect(header).not.toContain('身份证号');
  expect(header).not.toContain('联系电话');
  expect(header).toContain('姓名');
});

test('a sheet without a nomination table: nothing to write', async () => {
  const grid: WorkbookGrid = { name: 'x.xlsx', sheets: [{ name: 'Sheet1', values: [['说明'], ['没有表格']] }] };
  const out = await notice(grid);
  expect(out).toEqual({ sheets: [], rows: [], leak: null, tables: [] });
});

test('the name is free in the target workbook', async () => {
  const out = await notice(annex3Grid(), { takenSheetNames: ['公示-先进个人'] });
  expect(out.sheets[0].name).toBe('公示-先进个人 (2)');
});
