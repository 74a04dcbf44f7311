/** Pure helpers of the task pane: grouping and filtering of findings, error wording, language choice. */
import { filterFindings, countBySeverity, where } from '../../src/taskpane/findings';
import { groupFindings } from '../../src/taskpane/group';
import { describeError } from '../../src/taskpane/errors';
import { pickLang } from '../../src/taskpane/i18n';
import type { LocatedFinding } from '../../src/core/check';
import { ExcelHostError } from '../../src/excel/errors';
import { WorkbookReadError } from '../../src/xlsx/errors';

const f = (cell: string, rule: string, severity: LocatedFinding['severity'], message = rule, value: string | null = null): LocatedFinding => ({
  file: 'x', sheet: '附件3', cell, row: 0, col: 0, rule, severity, message, value, fix: null,
});

const list = [
  f('J7', 'id.checksum', 'error', '校验码错误', '654002198808080171'),
  f('C5', 'required.missing', 'error', '性别为必填项'),
  f('D8', 'ethnicity.invalid', 'warning', '民族“火星族”'),
  f('J9', 'id.checksum', 'error', '校验码错误'),
  f('H8', 'unit-type.synonym', 'info', '事业单位'),
];

test('groups by severity, then rule in catalogue order, keeping the engine order inside a rule', () => {
  const g = groupFindings(list, 'zh');
  expect(g.map((x) => [x.severity, x.count])).toEqual([['error', 3], ['warning', 1], ['info', 1]]);
  expect(g[0].rules.map((r) => r.rule)).toEqual(['required.missing', 'id.checksum']);
  expect(g[0].rules[1].findings.map((x) => x.cell)).toEqual(['J7', 'J9']);
  expect(g[0].rules[1].title).toContain('校验码');
  expect(groupFindings(list, 'en')[0].rules[1].title).toContain('check character');
  expect(countBySeverity(list)).toEqual({ error: 3, warning: 1, info: 1 });
});

test('filters by text (cell, message, value, rule; any case) and severity', () => {
  expect(filterFindings(list, { text: 'j7', severity: 'all' }).map((x) => x.cell)).toEqual(['J7']);
  expect(filterFindings(list, { text: '火星', severity: 'all' }).map((x) => x.cell)).toEqual(['D8']);
  expect(filterFindings(list, { text: '0171', severity: 'all' }).map((x) => x.cell)).toEqual(['J7']);
  expect(filterFindings(list, { text: 'ID.CHECKSUM', severity: 'all' })).toHaveLength(2);
  expect(filterFindings(list, { text: '', severity: 'warning' }).map((x) => x.cell)).toEqual(['D8']);
  expect(filterFindings(list, { text: '校验', severity: 'info' })).toEqual([]);
});

test('where() quotes sheet names like Excel', () => {
  expect(where('附件3', 'J7')).toBe('附件3!J7');
  expect(where('Sheet 1', 'A1')).toBe("'Sheet 1'!A1");
  expect(where("O'Brien", 'A1')).toBe("'O''Brien'!A1");
});

test('errors read as plain Chinese or English', () => {
  expect(describeError(new ExcelHostError('cell-editing'), 'zh').message).toContain('Excel 正在编辑单元格');
  expect(describeError(new ExcelHostError('cell-editing'), 'en').message).toContain('cell-edit mode');
  const read = describeError(new WorkbookReadError('encrypted', 'bad decrypt'), 'zh');
  expect(read.message).toContain('设有打开密码');
  expect(read.detail).toBe('bad decrypt');
  expect(describeError(new Error('x'), 'zh')).toEqual({ message: '操作未完成：x' });
  expect(describeError(Object.assign(new Error('Loading chunk 12 failed.'), { name: 'ChunkLoadError' }), 'zh').message).toContain('组件加载失败');
  const office = Object.assign(new Error('The request is denied.'), { code: 'AccessDenied' });
  expect(describeError(office, 'zh')).toEqual({ message: '操作未完成：The request is denied.', detail: 'AccessDenied: The request is denied.' });
  expect(describeError('boom', 'en').message).toBe('The operation did not complete: boom');
  expect(describeError(undefined, 'zh').message).toBe('操作未完成：发生了未知错误，请重试。');
});

test('Chinese unless Office says English', () => {
  expect(pickLang('zh-CN')).toBe('zh');
  expect(pickLang('en-US')).toBe('en');
  expect(pickLang('EN-gb')).toBe('en');
  expect(pickLang('ug-CN')).toBe('zh');
  expect(pickLang(undefined)).toBe('zh');
});
