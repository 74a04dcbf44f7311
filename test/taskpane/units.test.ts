/** Pure helpers of the task pane: grouping and filtering of findings, error wording, language choice. */
import { filterFindings, countBySeverity, where } from '../../src/taskpane/findings';
import { groupFindings } from '../../src/taskpane/group';
import { describeError } from '../../src/taskpane/errors';
import { pickLang } from '../../src/taskpane/i18n';
import type { LocatedFinding } from '../../src/core/check';
import { ExcelHostError } from '../../src/excel/errors';
import { HostError, type HostErrorCode } from '../../src/taskpane/host-port';
import { strings } from '../../src/taskpane/i18n';
import { conflictGroups, isRateMismatch, sortInserts } from '../../src/taskpane/fill-view';
import { quotaView } from '../../src/taskpane/quota-view';
import type { FillConflict, RowInsert } from '../../src/core/fill';
import type { RegionTally } from '../../src/core/tally';

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

const CJK = /[\u4e00-\u9fff]/;

// Every code of the port, with the parameters hosts send: worded in both languages, never the bare code.
const CODES: [HostErrorCode, Record<string, string>, RegExp, RegExp][] = [
  ['not-found', {}, /找不到要处理的工作表或单元格/, /sheet or cell was not found/],
  ['not-found', { sheet: '附件3' }, /找不到工作表“附件3”/, /The sheet "附件3" was not found/],
  ['protected', {}, /受保护/, /protected/],
  ['cell-editing', {}, /Excel 正在编辑单元格/, /cell-edit mode/],
  ['too-large', {}, /单次请求的上限/, /one request/],
  ['unsupported', {}, /不支持该操作。/, /does not support the operation\./],
  ['unsupported', { set: 'ExcelApi', version: '1.9' }, /需要 ExcelApi 1\.9/, /ExcelApi 1\.9 or later/],
  ['template-unsupported', { kind: 'register' }, /award-tally template register/, /award-tally template register/],
  ['busy', {}, /正忙/, /busy/],
  ['excel', {}, /Excel 报告了一个错误/, /Excel reported an error/],
  ['host', {}, /操作未完成/, /did not complete/],
  ['no-workbook', {}, /尚未打开工作簿/, /No workbook is open/],
  ['file-unreadable', { file: 'a.xls', reason: 'xls' }, /无法读取“a\.xls”，未打开任何工作簿。这是旧版/, /"a\.xls" could not be read; no workbook is open\. It is a legacy/],
  ['file-unreadable', { file: 'p.xlsx', reason: 'encrypted' }, /设有打开密码/, /open password/],
  ['file-unreadable', { file: 'z.xlsx', reason: 'something-new' }, /另存为 \.xlsx/, /save it as \.xlsx/],
  ['fetch-failed', { file: 'x.xlsx' }, /示例文件“x\.xlsx”/, /example file "x\.xlsx"/],
];

test.each(CODES)('HostError %s %j is worded in Chinese and English', (code, params, zh, en) => {
  const e = new HostError(code, params, { detail: 'Office: GeneralException' });
  const z = describeError(e, 'zh');
  const n = describeError(e, 'en');
  expect(z.message).toMatch(zh);
  expect(n.message).toMatch(en);
  expect(z.message).toMatch(CJK);
  // English text names Chinese only where it quotes the user's own sheet or file.
  expect(n.message.replace(/"[^"]*"/g, '')).not.toMatch(CJK);
  expect(z.detail).toBe('Office: GeneralException');
});

test('every code of the port has its wording (no code falls through to the raw message)', () => {
  for (const lang of ['zh', 'en'] as const) {
    const codes = Object.keys(strings(lang).errors).sort();
    expect(codes).toEqual([...new Set(CODES.map((c) => c[0]))].sort());
  }
});

test('the Excel host’s errors are the port’s HostError; other errors read as plain Chinese or English', () => {
  const cell = new ExcelHostError('cell-editing', { officeCode: 'InvalidOperationInCellEditMode', detail: 'x' });
  expect(cell).toBeInstanceOf(HostError);
  expect(describeError(cell, 'zh')).toEqual({ message: expect.stringContaining('Excel 正在编辑单元格'), detail: 'x' });
  expect(describeError(cell, 'en').message).toContain('cell-edit mode');
  // A HostError from another copy of the module (a second chunk) is recognised by its shape.
  const foreign = Object.assign(new Error('not-found'), { code: 'not-found', params: { sheet: 'S' } });
  expect(describeError(foreign, 'zh').message).toContain('找不到工作表“S”');
  expect(describeError(new Error('x'), 'zh')).toEqual({ message: '操作未完成：x' });
  expect(describeError(Object.assign(new Error('Loading chunk 12 failed.'), { name: 'ChunkLoadError' }), 'zh').message).toContain('组件加载失败');
  const office = Object.assign(new Error('The request is denied.'), { code: 'AccessDenied' });
  expect(describeError(office, 'zh')).toEqual({ message: '操作未完成：The request is denied.', detail: 'AccessDenied: The request is denied.' });
  expect(describeError('boom', 'en').message).toBe('The operation did not complete: boom');
  expect(describeError(undefined, 'zh').message).toBe('操作未完成：发生了未知错误，请重试。');
});

test('progress reads with counts and units in both languages', () => {
  expect(strings('zh').progressCount(1200, 5000, 'cells')).toBe('1,200 / 5,000 个单元格');
  expect(strings('en').progressCount(1, 1, 'sheets')).toBe('1 / 1 sheet');
  expect(strings('en').progressCount(2, 3)).toBe('2 / 3');
  expect(strings('zh').steps.read).toBe('正在读取工作表');
});

const ins = (sheet: string, beforeRow: number): RowInsert => ({ sheet, beforeRow, count: 1, reason: 'r', message: 'm' });
test('inserts are listed top-down, sheet by sheet as planned', () => {
  expect(sortInserts([ins('附件7', 12), ins('附件7', 6), ins('附件12', 9), ins('附件7', 9)]).map((i) => `${i.sheet}:${i.beforeRow}`)).toEqual([
    '附件7:6',
    '附件7:9',
    '附件7:12',
    '附件12:9',
  ]);
});

const conflict = (derived: string, reason?: string): FillConflict => ({ sheet: 'S', cell: 'C1', row: 0, col: 2, value: 'v', derived, message: 'm', reason });
test.each([
  [conflict('女'), 'gender', false],
  [conflict('=IF(C9=0,"",C7/C9)', 'stats.rate-mismatch'), 'rate', true],
  [conflict('=IF(C9=0,"",C7/C9)', 'fill.rate-pending'), 'rate', false],
  [conflict('=IF(C9=0,"",C7/C9)', 'fill.rate-other-formula'), 'rate', false],
  [conflict('x', 'something.else'), 'other', false],
])('conflict %# is a %s conflict (replaceable: %s)', (c, kind, replaceable) => {
  expect(conflictGroups([c])[0].kind).toBe(kind);
  expect(isRateMismatch(c)).toBe(replaceable);
});

const region = (name: string, cls: string, count: number, quota: number | null, known: boolean | null = true, variants: string[] = []): RegionTally => ({
  region: name, known, class: cls, label: cls, count, quota, over: quota === null ? 0 : Math.max(0, count - quota), variants,
});
test('名额: problems first (over, then unknown spellings), then nominated, nothing-nominated apart', () => {
  const v = quotaView(
    [
      region('甲', 'g', 0, 3), region('甲', 't', 0, 1),
      region('乙', 'g', 2, 3), region('乙', 't', 0, 1),
      region('丙', 'g', 5, 4), region('丙', 't', 0, 1),
      region('丁市', 'g', 1, null, false),
      region('戊', 'g', 1, 2, true, ['戊县']),
    ],
    [],
  );
  expect(v.problems.map((g) => g.region)).toEqual(['丙', '丁市', '戊']);
  expect(v.counted.map((g) => g.region)).toEqual(['乙']);
  expect(v.empty.map((g) => g.region)).toEqual(['甲']);
  expect(v.classes.map((k) => k.id)).toEqual(['g', 't']);
  expect(v.overCount).toBe(1);
  expect(v.unknownCount).toBe(2);
});

test('Chinese unless Office says English', () => {
  expect(pickLang('zh-CN')).toBe('zh');
  expect(pickLang('en-US')).toBe('en');
  expect(pickLang('EN-gb')).toBe('en');
  expect(pickLang('ug-CN')).toBe('zh');
  expect(pickLang(undefined)).toBe('zh');
});
