/** Values as offices write them (SPEC §4): amounts in 万, counts with their unit, 是否与会发表 ticks. */
import { readNumber } from '../../src/core/stats-values';
import { isYes } from '../../src/core/tally';
import { quotaNumber } from '../../src/core/forms/qc-quota';

describe('readNumber: amounts and counts as typed', () => {
  test.each([
    ['1.5万', '元', 15000],
    ['1.2万元', '元', 12000],
    ['1.2万元', '', 12000],
    ['3万美元', '元', 30000],
    ['1.2万元', '万元', 1.2],
    ['50000元', '元', 50000],
    ['20,000', '元', 20000],
    ['16人', '人', 16],
    ['12个', '个', 12],
    ['１２', '个', 12],
    [35, '百分数', 35],
  ] as const)('%s in a %s row → %d', (typed, unit, value) => {
    expect(readNumber(typed, unit)).toEqual({ kind: 'number', value });
  });
  test.each(['若干', '万', '1.2千元', '十六人', '1.2.3'])('%s is not a number', (typed) => {
    expect(readNumber(typed, '元').kind).toBe('invalid');
  });
});

describe('quotaNumber: counts typed with their unit', () => {
  test.each([
    ['16人', 16],
    ['4个', 4],
    [' 247 ', 247],
    ['１１', 11],
    [7, 7],
  ] as const)('%s → %d', (typed, n) => expect(quotaNumber(typed)).toBe(n));
  test.each(['四', '16人左右', '1.5人'])('%s is not a count', (typed) => expect(quotaNumber(typed)).toBeNaN());
  test('empty is null', () => expect(quotaNumber(null)).toBeNull());
});

describe('isYes: 是否与会发表', () => {
  test.each(['是', '√', '✓', '☑', '☑是 □否', '■是', '是☑ 否□', '是√', 'YES', '参加发表'])('%s is yes', (v) => expect(isYes(v)).toBe(true));
  test.each(['否', '□是 ☑否', '是□ 否☑', '☑否', '□是□否', '', '待定', '☑是 ☑否'])('%s is not yes', (v) => expect(isYes(v)).toBe(false));
  test('a TRUE cell is yes', () => expect(isYes(true)).toBe(true));
});
