import type { LocatedFinding } from '../../src/core/check';
import { a1, parseA1 } from '../../src/core/grid';
import type { Severity } from '../../src/core/finding';
import { MAX_AREAS, MAX_AREAS_ADDRESS, areaAddresses } from '../../src/excel/batch';
import { createExcelHost } from '../../src/excel/host';
import { MARK_COLORS, MARK_PREFIX, MARK_STORE_SHEET, decodeStore } from '../../src/excel/marks';
import { FakeExcel, FakeWorkbook, NO_FILL, fillAnnex3, type FakeSheet } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';

const MB4 = 4 * 1024 * 1024;

/**
 * Through Microsoft's client below ExcelApi 1.18; with notes (1.18) through the direct fake, since the client of
 * @microsoft/office-js 1.1.110 predates `Worksheet.notes`.
 */
function setup(apiVersion = '1.18', wb = new FakeWorkbook()) {
  const fake = apiVersion === '1.18' ? new FakeExcel(wb, { apiVersion }) : new ClientExcel(wb, { apiVersion });
  const host = createExcelHost(fake, { supports: fake.supports });
  return { wb, fake, host };
}

function finding(sheet: string, cell: string, severity: Severity = 'error', message = '身份证号校验码错误', rule = 'id.checksum'): LocatedFinding {
  const { row, col } = parseA1(cell);
  return { file: 'Book1.xlsx', sheet, cell, row, col, rule, severity, message, value: null, fix: null };
}

/** Everything a user could see in a sheet: values, formats, fills, notes. */
function snapshot(s: FakeSheet): string {
  return JSON.stringify({ rows: s.rows, notes: [...s.notes.entries()] });
}

describe('mark / clearMarks', () => {
  function workbook() {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('附件3');
    s.set('A1', { value: '序号' }).set('B1', { value: '姓名' }).set('C1', { value: '身份证号' });
    s.set('A2', { value: 1 }).set('B2', { value: '张三' }).set('C2', { value: '654002199001011235', numberFormat: '@' });
    s.set('A3', { value: 2 }).set('B3', { value: '李四', fill: { color: '#FFFF00', pattern: 'Solid' } });
    s.set('C3', { value: '65400219900101123', fill: { color: '#92D050', pattern: 'Gray50', patternColor: '#7030A0', tintAndShade: 0.4, patternTintAndShade: -0.25 } });
    s.set('B4', { value: '王五' }).addNote('B4', '用户自己的批注：待核实');
    s.set('C4', { value: 'x' }).addNote('A4', '另一个单元格上用户的批注');
    return wb;
  }

  test('round trip: fills by severity, notes with our prefix, then everything back exactly as it was', async () => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    const before = snapshot(s);
    const { host } = setup('1.18', wb);
    const findings = [
      finding('附件3', 'C2', 'error'),
      finding('附件3', 'B3', 'warning', '姓名重复'),
      finding('附件3', 'C3', 'error', '身份证号位数不对'),
      finding('附件3', 'C3', 'info', '已规范化'),
      finding('附件3', 'B4', 'info', '民族写法'),
      finding('附件3', 'A2', 'warning', '序号不连续'),
    ];
    const valuesBefore = JSON.stringify(s.rows.map((r) => r?.map((c) => c?.value)));
    expect(await host.mark(findings)).toEqual({ marked: 5 });

    // Checking never changes a value.
    expect(JSON.stringify(s.rows.map((r) => r?.map((c) => c?.value)))).toBe(valuesBefore);
    expect(s.fill('C2')).toMatchObject({ color: MARK_COLORS.error, pattern: 'Solid' });
    expect(s.fill('B3')).toMatchObject({ color: MARK_COLORS.warning, pattern: 'Solid' });
    expect(s.fill('C3')).toMatchObject({ color: MARK_COLORS.error, pattern: 'Solid' }); // most severe of its findings
    expect(s.fill('B4').color).toBe(MARK_COLORS.info);
    expect(s.note('C2')?.content).toBe(`${MARK_PREFIX}身份证号校验码错误`);
    expect(s.note('C3')?.content).toBe(`${MARK_PREFIX}身份证号位数不对\n已规范化`);
    // The user's own note on a marked cell is kept as it is; no note of ours is added there.
    expect(s.note('B4')).toEqual({ content: '用户自己的批注：待核实', author: 'User' });
    const store = wb.sheet(MARK_STORE_SHEET);
    expect(store.visibility).toBe('VeryHidden');
    expect(store.numberFormat('A2')).toBe('@');

    expect(await host.clearMarks()).toEqual({ cleared: 5 });
    expect(snapshot(s)).toBe(before);
    expect(wb.findSheet(MARK_STORE_SHEET)).toBeUndefined();
    expect(await host.clearMarks()).toEqual({ cleared: 0 });
  });

  test('marks survive closing and reopening: a new host over the same workbook clears them', async () => {
    const wb = workbook();
    const before = snapshot(wb.sheet('附件3'));
    await setup('1.18', wb).host.mark([finding('附件3', 'C2'), finding('附件3', 'B3', 'warning')]);
    const reopened = setup('1.18', wb); // new FakeExcel (new session), new host
    expect(await reopened.host.clearMarks()).toEqual({ cleared: 2 });
    expect(snapshot(wb.sheet('附件3'))).toBe(before);
  });

  test('marking a marked cell again keeps the first recorded original fill and replaces our message', async () => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    const before = snapshot(s);
    const { host, fake } = setup('1.18', wb);
    await host.mark([finding('附件3', 'B3', 'warning', '第一次')]);
    fake.resetStats();
    await host.mark([finding('附件3', 'B3', 'error', '第二次'), finding('附件3', 'A3', 'info', '新的')]);
    expect(s.fill('B3').color).toBe(MARK_COLORS.error);
    expect(s.note('B3')?.content).toBe(`${MARK_PREFIX}第二次`);
    const records = decodeStore(wb.sheet(MARK_STORE_SHEET).rows.map((r) => (r ?? []).map((c) => c?.value ?? '')));
    expect(records.map((r) => r.cell)).toEqual(['B3', 'A3']);
    expect(records[0].mark).toBe(MARK_COLORS.error);
    await host.clearMarks();
    expect(snapshot(s)).toBe(before);
  });

  test('a fill the user applied after marking, and a note the user rewrote, are kept by clear', async () => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    const { host } = setup('1.18', wb);
    await host.mark([finding('附件3', 'C2'), finding('附件3', 'A3')]);
    s.set('C2', { fill: { color: '#00B0F0', pattern: 'Solid' } });
    s.note('A3')!.content = '我改过的说明';
    await host.clearMarks();
    expect(s.fill('C2').color).toBe('#00B0F0');
    expect(s.note('C2')).toBeUndefined();
    expect(s.note('A3')?.content).toBe('我改过的说明');
    expect(s.fill('A3')).toEqual({ ...NO_FILL });
  });

  test('a gradient fill (which Office.js cannot set) is left alone; the note still explains', async () => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    s.set('B2', { fill: { color: '#FF0000', pattern: 'LinearGradient' } });
    const before = snapshot(s);
    const { host } = setup('1.18', wb);
    await host.mark([finding('附件3', 'B2')]);
    expect(s.fill('B2').pattern).toBe('LinearGradient');
    expect(s.note('B2')?.content.startsWith(MARK_PREFIX)).toBe(true);
    await host.clearMarks();
    expect(snapshot(s)).toBe(before);
  });

  // Clearing finds our comments by id: CommentCollection.getItemOrNullObject from 1.14, the loaded collection below.
  test.each(['1.10', '1.12', '1.13', '1.14', '1.17'])('ExcelApi %s: threaded comments instead of notes; only ours are removed', async (v) => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    wb.addUserComment('附件3', 'A2', '用户的评论');
    wb.addUserComment('附件3', 'C4', '另一条用户评论');
    const before = snapshot(s);
    const { host } = setup(v, wb);
    expect(host.capabilities()).toMatchObject({ notes: false, comments: true });
    // B4 holds a user's note this Excel cannot see: Excel refuses the comment there; the others still go in.
    await host.mark([finding('附件3', 'C2'), finding('附件3', 'A2', 'warning'), finding('附件3', 'B4', 'info'), finding('附件3', 'B3', 'warning')]);
    expect(s.comment('C2')?.content).toBe(`${MARK_PREFIX}身份证号校验码错误`);
    expect(s.comment('B3')?.content.startsWith(MARK_PREFIX)).toBe(true);
    expect(s.comment('A2')?.content).toBe('用户的评论');
    expect(s.comment('B4')).toBeUndefined();
    expect(s.note('B4')?.content).toBe('用户自己的批注：待核实');
    expect(s.fill('B4').color).toBe(MARK_COLORS.info);
    const records = decodeStore(wb.sheet(MARK_STORE_SHEET).rows.map((r) => (r ?? []).map((c) => c?.value ?? '')));
    expect(records.find((r) => r.cell === 'C2')).toMatchObject({ annotation: 'comment', commentId: s.comment('C2')!.id });
    expect(records.find((r) => r.cell === 'B4')).toMatchObject({ annotation: '' });

    await setup(v, wb).host.clearMarks();
    expect(snapshot(s)).toBe(before);
    expect([...wb.comments.values()].map((c) => c.content).sort()).toEqual(['另一条用户评论', '用户的评论']);
  });

  test('cleared in an older Excel that cannot see notes: fills restored, notes kept on record for a later clear', async () => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    const before = snapshot(s);
    await setup('1.18', wb).host.mark([finding('附件3', 'C2'), finding('附件3', 'B3', 'warning')]);
    expect(await setup('1.12', wb).host.clearMarks()).toEqual({ cleared: 0 });
    expect(s.fill('C2')).toEqual({ ...NO_FILL });
    expect(s.fill('B3').color).toBe('#FFFF00');
    expect(s.note('C2')?.content.startsWith(MARK_PREFIX)).toBe(true);
    const kept = decodeStore(wb.sheet(MARK_STORE_SHEET).rows.map((r) => (r ?? []).map((c) => c?.value ?? '')));
    expect(kept.map((r) => [r.cell, r.fill, r.annotation])).toEqual([['C2', 'keep', 'note'], ['B3', 'keep', 'note']]);
    expect(await setup('1.18', wb).host.clearMarks()).toEqual({ cleared: 2 });
    expect(snapshot(s)).toBe(before);
    expect(wb.findSheet(MARK_STORE_SHEET)).toBeUndefined();
  });

  test('ExcelApi 1.9: no notes or comments, the fill alone; clear still restores', async () => {
    const wb = workbook();
    const s = wb.sheet('附件3');
    const before = snapshot(s);
    const { host, fake } = setup('1.9', wb);
    expect(host.capabilities()).toEqual({ marks: true, notes: false, comments: false, insertWorksheets: false, mergedCells: false });
    await host.mark([finding('附件3', 'C2'), finding('附件3', 'B3', 'warning')]);
    expect(s.fill('C2').color).toBe(MARK_COLORS.error);
    expect(s.note('C2')).toBeUndefined();
    expect(fake.trace.some((t) => t.path === 'Notes' || t.path === 'Comments')).toBe(false);
    await host.clearMarks();
    expect(snapshot(s)).toBe(before);
  });

  test.each(['1.9', '1.17', '1.18'])('ExcelApi %s, 10,000 offending cells: ≤ 3 syncs per 4 MB of requests, nothing over 4 MB, getRanges within its bound', async (v) => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('附件3');
    const layout = fillAnnex3(s, 12_000);
    // Some user fills to keep.
    for (let i = 0; i < 12_000; i += 50) s.set(a1(layout.firstDataRow + i, layout.idCol), { fill: { color: '#FFFF00', pattern: 'Solid' } });
    const before = snapshot(s);
    const findings: LocatedFinding[] = [];
    for (let i = 0; findings.length < 10_000; i++) {
      const row = layout.firstDataRow + i;
      if (i % 6 !== 5) findings.push(finding('附件3', a1(row, layout.idCol), 'error', `身份证号校验码错误，应为 ${i % 10}`));
      if (i % 3 === 0 && findings.length < 10_000) findings.push(finding('附件3', a1(row, layout.phoneCol), 'warning', '联系电话不是有效的手机号或固定电话'));
    }
    const { host, fake } = setup(v, wb);
    fake.resetStats();
    expect(await host.mark(findings)).toEqual({ marked: 10_000 });
    const syncs = fake.stats.syncs;
    const req = fake.totalRequestBytes;
    expect(syncs).toBeLessThanOrEqual(3 * Math.max(1, Math.ceil(req / MB4)));
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(MB4);
    const areas = fake.trace.filter((t) => t.path === 'GetRanges');
    expect(areas.length).toBeGreaterThan(0);
    for (const t of areas) {
      expect(typeof t.pathArgs[0]).toBe('string');
      expect(String(t.pathArgs[0]).length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
      expect(String(t.pathArgs[0]).split(',').length).toBeLessThanOrEqual(MAX_AREAS);
    }
    if (v === '1.18') expect(s.notes.size).toBe(10_000);
    if (v === '1.17') expect(wb.comments.size).toBe(10_000);

    fake.resetStats();
    expect(await host.clearMarks()).toEqual({ cleared: 10_000 });
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(MB4);
    expect(snapshot(s)).toBe(before);
  });
});

describe('getRanges bounded, and retried smaller when Excel rejects it', () => {
  test.each([
    [40, 8192],
    [512, 300],
    [3, 8192],
  ])('an Excel that takes at most %d areas / %d characters per getRanges: mark and clear complete', async (areasLimit, chars) => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('附件3');
    const layout = fillAnnex3(s, 3000);
    const before = snapshot(s);
    const findings = Array.from({ length: 1000 }, (_, i) => finding('附件3', a1(layout.firstDataRow + 3 * i, layout.idCol)));
    const fake = new ClientExcel(wb, { apiVersion: '1.9', areasLimit, areasCharLimit: chars });
    const host = createExcelHost(fake, { supports: fake.supports });
    expect(await host.mark(findings)).toEqual({ marked: 1000 });
    for (const f of findings) expect(s.fill(f.cell).color).toBe(MARK_COLORS.error);
    expect(await host.clearMarks()).toEqual({ cleared: 1000 });
    expect(snapshot(s)).toBe(before);
  });

  test('areaAddresses never gives more than MAX_AREAS areas or MAX_AREAS_ADDRESS characters', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => ({ row: i * 2, col: i % 7 }));
    const out = areaAddresses(cells);
    expect(out.join(',').split(',').length).toBe(5000);
    for (const a of out) {
      expect(a.length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
      expect(a.split(',').length).toBeLessThanOrEqual(MAX_AREAS);
    }
  });
});

describe('areaAddresses', () => {
  test('merges adjacent rows and keeps every address under the limit', () => {
    const cells = Array.from({ length: 3000 }, (_, i) => ({ row: i * 2, col: 9 }));
    cells.push({ row: 10_001, col: 3 }, { row: 10_002, col: 3 });
    const parts = areaAddresses(cells, 8000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThan(8000);
    expect(parts[0].startsWith('D10002:D10003,')).toBe(true);
    expect(parts.join(',').split(',').length).toBe(3001);
  });
});

describe('notes updated in the same request as notes.add (ExcelApi 1.18, direct fake)', () => {
  test('a new note before an old one in the collection does not shift the update onto the wrong cell', async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('附件3');
    fillAnnex3(s, 10);
    await setup('1.18', wb).host.mark([finding('附件3', 'C5', 'error', '旧的信息')]);
    expect(s.note('C5')?.content).toBe(`${MARK_PREFIX}旧的信息`);
    // B2 sorts before C5: after notes.add('B2') the loaded C5 note is no longer item 0.
    await setup('1.18', wb).host.mark([finding('附件3', 'B2', 'warning', '新单元格的信息'), finding('附件3', 'C5', 'error', '新的信息')]);
    expect(s.note('B2')?.content).toBe(`${MARK_PREFIX}新单元格的信息`);
    expect(s.note('C5')?.content).toBe(`${MARK_PREFIX}新的信息`);
  });
});
