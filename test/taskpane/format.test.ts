/** The pane's own number and time formatting gives what Intl gives for zh-CN and en-US (without its start-up cost). */
import { clockTime, groupThousands } from '../../src/taskpane/format';

describe('groupThousands', () => {
  test.each([0, 7, 12, 999, 1000, 1001, 12345, 20000, 999999, 1000000, 123456789, -1, -1000, -1234567, Number.MAX_SAFE_INTEGER])('%d as zh-CN and en-US write it', (n) => {
    expect(groupThousands(n)).toBe(n.toLocaleString('zh-CN'));
    expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
  });
  test('a value that is not a safe integer is written plainly', () => {
    expect(groupThousands(1.5)).toBe('1.5');
    expect(groupThousands(NaN)).toBe('NaN');
  });
});

describe('clockTime', () => {
  test.each([
    [0, 0, 0, '00:00:00', '12:00:00 AM'],
    [9, 5, 7, '09:05:07', '9:05:07 AM'],
    [12, 0, 1, '12:00:01', '12:00:01 PM'],
    [14, 5, 9, '14:05:09', '2:05:09 PM'],
    [23, 59, 59, '23:59:59', '11:59:59 PM'],
  ])('%d:%d:%d', (h, m, s, zh, en) => {
    const d = new Date(2025, 10, 3, h, m, s);
    expect(clockTime(d, 'zh')).toBe(zh);
    expect(clockTime(d, 'en')).toBe(en);
    expect(clockTime(d, 'zh')).toBe(d.toLocaleTimeString('zh-CN', { hour12: false }));
    expect(clockTime(d, 'en').replace(/\s/g, ' ')).toBe(d.toLocaleTimeString('en-US').replace(/\s/g, ' '));
  });
});
