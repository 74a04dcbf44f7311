/**
 * Requirement sets (issue 11 item 2): every Excel API member the host uses, seen on the wire of Microsoft's
 * Office.js client, needs a set (src/excel/api-sets.generated.ts, generated from @types/office-js) that is either
 * the manifest minimum or one the host checked with `supports` (isSetSupported) before the call.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1 } from '../../src/core/grid';
import type { LocatedFinding } from '../../src/core/check';
import { createExcelHost } from '../../src/excel/host';
import { API_SETS } from '../../src/excel/api-sets.generated';
import { FakeWorkbook, fillAnnex3 } from '../fakes/excel-fake';
import { ClientExcel, type ApiCall } from '../fakes/office-client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require('../../scripts/gen-api-sets.js') as { generate(): string };

const MANIFEST = fs.readFileSync(path.join(__dirname, '../../manifest.xml'), 'utf8');
const MINIMUM = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(MANIFEST)![1];

function ver(v: string): number[] {
  return v.split('.').map(Number);
}
function atLeast(have: string, need: string): boolean {
  const [a, b] = [ver(have), ver(need)];
  return a[0] > b[0] || (a[0] === b[0] && (a[1] ?? 0) >= (b[1] ?? 0));
}

/** Calls whose set is above both the manifest minimum and every set the host had confirmed before the call. */
export function unchecked(excel: ClientExcel): ApiCall[] {
  const out: ApiCall[] = [];
  excel.calls.forEach((c, i) => {
    if (!c.set || !c.set.startsWith('ExcelApi ')) return;
    const need = c.set.slice('ExcelApi '.length);
    if (atLeast(MINIMUM, need)) return;
    const confirmed = excel.checks.some((k) => k.afterCalls <= i && k.set === 'ExcelApi' && k.answer && atLeast(k.version, need));
    if (!confirmed) out.push(c);
  });
  return out;
}

function finding(cell: string): LocatedFinding {
  return { file: 'b', sheet: '附件3', cell, ...parseA1(cell), rule: 'id.checksum', severity: 'error', message: '身份证号校验码错误', value: null, fix: null };
}

test('the committed table is what @types/office-js gives today', () => {
  expect(fs.readFileSync(path.join(__dirname, '../../src/excel/api-sets.generated.ts'), 'utf8')).toBe(generate());
  expect(API_SETS['Range.getCellProperties']).toBe('ExcelApi 1.9');
  expect(API_SETS['CommentCollection.getItemOrNullObject']).toBe('ExcelApi 1.14');
  expect(API_SETS['Worksheet.notes']).toBe('ExcelApi 1.18');
});

describe.each(['1.1', '1.2', '1.4', '1.7', '1.8'])('ExcelApi %s (Office 2016 / 2019): check and fill work, marking says what it needs', (v) => {
  test('read, select, fill through the client; mark and clear refused in plain words; only checked sets used', async () => {
    const wb = new FakeWorkbook();
    wb.name = '伊宁市.xlsx';
    const s = wb.addSheet('附件3');
    const layout = fillAnnex3(s, 300);
    s.set('P900', { fill: { color: '#FFFF00', pattern: 'Solid' } }); // a formatted empty cell far below
    const excel = new ClientExcel(wb, { apiVersion: v });
    const host = createExcelHost(excel, { supports: excel.supports });
    excel.resetStats();
    expect(host.capabilities()).toMatchObject({ marks: false, notes: false, comments: false });
    expect(await host.workbookName()).toBe(v === '1.7' || v === '1.8' ? '伊宁市.xlsx' : '工作簿');
    const g = await host.readWorkbook('all');
    expect(g.sheets[0].values.length).toBeGreaterThanOrEqual(layout.firstDataRow + 300);
    const id = g.sheets[0].values[layout.firstDataRow - g.sheets[0].origin!.row][layout.idCol - g.sheets[0].origin!.col];
    expect(typeof id).toBe('string');
    await host.selectCell('附件3', 'J5');
    const r = await host.applyChanges([{ sheet: '附件3', cell: 'L5', ...parseA1('L5'), before: String(s.value('L5') ?? ''), after: '=备注', reason: 't', message: 't' }]);
    expect(r.written).toBe(1);
    expect(s.value('L5')).toBe('=备注');
    expect(s.get('L5').formula).toBeFalsy();
    await expect(host.mark([finding('J5')])).rejects.toMatchObject({ code: 'unsupported', params: { set: 'ExcelApi', version: '1.9' } });
    await expect(host.clearMarks()).rejects.toMatchObject({ code: 'unsupported' });
    expect(unchecked(excel)).toEqual([]);
  });
});

describe.each(['1.9', '1.10', '1.13', '1.14', '1.17'])('ExcelApi %s: check, fill, mark, clear use only checked sets', (v) => {
  test('every call is covered by the manifest minimum or a supports() check made before it', async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('附件3');
    fillAnnex3(s, 30);
    const excel = new ClientExcel(wb, { apiVersion: v });
    const host = createExcelHost(excel, { supports: excel.supports });
    excel.resetStats();
    await host.workbookName();
    await host.readWorkbook('all');
    await host.readWorkbook('active');
    await host.mark([finding('J5'), finding('J7'), finding('K9')]);
    await host.applyChanges([{ sheet: '附件3', cell: 'L5', ...parseA1('L5'), before: '', after: '备注', reason: 't', message: 't' }]);
    await host.clearMarks();
    expect(excel.calls.length).toBeGreaterThan(10);
    expect(excel.calls.filter((c) => !c.set)).toEqual([]); // every member found in the table
    expect(unchecked(excel)).toEqual([]);
  });
});

test('the check fails when a call needs more than was checked', async () => {
  const wb = new FakeWorkbook();
  wb.addSheet('S');
  const excel = new ClientExcel(wb, { apiVersion: '1.18' });
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('S').comments.add('A1', 'x');
    await ctx.sync();
  });
  expect(unchecked(excel).map((c) => c.api)).toEqual(['Worksheet.comments', 'CommentCollection.add']);
  excel.resetStats();
  excel.supports('ExcelApi', '1.10');
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('S').comments.add('B2', 'x');
    await ctx.sync();
  });
  expect(unchecked(excel)).toEqual([]);
});
