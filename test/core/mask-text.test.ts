import { DEFAULT_MASK_POLICY, findFullNumbers, maskText, type MaskPolicy } from '../../src/core/mask-text';
import { personId } from '../helpers/ids';

const ID = personId(); // 65400219800101123? + check
const IDX = (() => {
  // an ID whose check character is X
  for (let s = 100; s < 999; s++) {
    const id = personId('19900307', String(s));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X id');
})();
const m18 = (id: string) => id.slice(0, 6) + '********' + id.slice(-4);
const FW = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const bad18 = ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0');

describe('maskText: every ID and phone, however typed', () => {
  const cases: [string, string, string][] = [
    ['plain 18-digit ID', ID, m18(ID)],
    ['ID with X', IDX, m18(IDX)],
    ['lower-case x', IDX.toLowerCase(), m18(IDX)],
    ['inside longer text', `身份证号${ID}重复`, `身份证号${m18(ID)}重复`],
    ['grouped with spaces', `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, m18(ID)],
    ['hyphens', `${ID.slice(0, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}`, m18(ID)],
    ['zero-width characters', ID.split('').join('\u200b'), m18(ID)],
    ['full-width digits', FW(IDX), m18(IDX)],
    ['ideographic spaces and NBSP', `${ID.slice(0, 6)}\u3000${ID.slice(6, 12)}\u00a0${ID.slice(12)}`, m18(ID)],
    ['checksum wrong (still an ID)', bad18, m18(bad18)],
    ['15-digit first generation', '654002800101123', '654002*****1123'],
    ['17-digit typo', ID.slice(0, 17), ID.slice(0, 6) + '*******' + ID.slice(13, 17)],
    ['19-digit typo', ID + '5', ID.slice(0, 6) + '*********' + (ID + '5').slice(-4)],
    ['two IDs separated by a space', `${ID} ${IDX}`, `${m18(ID)} ${m18(IDX)}`],
    ['ID and mobile side by side', `${ID} 13812345678`, `${m18(ID)} 138****5678`],
    ['mobile', '13812345678', '138****5678'],
    ['mobile grouped', '138 1234 5678', '138****5678'],
    ['mobile hyphens', '138-1234-5678', '138****5678'],
    ['mobile +86', '+86 138 1234 5678', '+86 138****5678'],
    ['mobile full-width', FW('13812345678'), '138****5678'],
    ['mobile in text', '联系电话：13812345678（微信同号）', '联系电话：138****5678（微信同号）'],
    ['landline hyphen', '0991-2345678', '0991-***5678'],
    ['landline brackets', '(0991)2345678', '(0991-***5678'],
    ['landline 010', '010-12345678', '010-****5678'],
    ['20+ digits: masked as a whole', '12345678901234567890123', '123456*************0123'],
    ['a date is no number', '2025-11-03', '2025-11-03'],
    ['a date with spaces', '2025 11 03', '2025 11 03'],
    ['counts and amounts', '共 12 人，金额 1,234,567 元', '共 12 人，金额 1,234,567 元'],
    ['a short code', 'A1:L40', 'A1:L40'],
    ['a 10-digit number', '1234567890', '1234567890'],
    ['empty', '', ''],
  ];
  test.each(cases)('%s', (_label, input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  test('no run of 15+ ID digits survives in any masked text (fuzz over typings)', () => {
    const seps = ['', ' ', '-', '\u200b', '\u3000', '\u2014'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let t = 0; t < 2000; t++) {
      const id = personId(`19${50 + rnd(50)}0${1 + rnd(9)}1${rnd(9)}`, String(100 + rnd(900)));
      let typed = '';
      for (const c of id) typed += (rnd(3) === 0 ? FW(c) : c) + (rnd(4) === 0 ? seps[rnd(seps.length)] : '');
      const text = ['', '张三', '备注:', 'ID '][rnd(4)] + typed + ['', '号', ' 13912345678', '，重复'][rnd(4)];
      const out = maskText(text);
      const digits = out.replace(/[^0-9０-９]/g, '');
      expect({ text, leaked: digits.includes(id.slice(6, 14)) }).toEqual({ text, leaked: false });
      expect(findFullNumbers(out).filter((n) => n.kind === 'id')).toEqual([]);
    }
  });
});

describe('the policy is passed in', () => {
  test('other head and tail lengths', () => {
    const p: MaskPolicy = { idHead: 3, idTail: 2, mobileHead: 0, mobileTail: 4 };
    expect(maskText(ID, p)).toBe(ID.slice(0, 3) + '*'.repeat(13) + ID.slice(-2));
    expect(maskText('13812345678', p)).toBe('*******5678');
    expect(DEFAULT_MASK_POLICY).toEqual({ idHead: 6, idTail: 4, mobileHead: 3, mobileTail: 4 });
    expect(Object.isFrozen(DEFAULT_MASK_POLICY)).toBe(true);
  });
  test('a policy that keeps everything masks nothing, and findFullNumbers still sees the numbers', () => {
    const all: MaskPolicy = { idHead: 18, idTail: 0, mobileHead: 11, mobileTail: 0 };
    expect(maskText(ID, all)).toBe(ID);
    expect(findFullNumbers(maskText(ID, all)).map((n) => n.kind)).toEqual(['id']);
  });
});

describe('findFullNumbers', () => {
  test('kinds, positions and compact digits', () => {
    const text = `张三 ${ID.slice(0, 6)} ${ID.slice(6)}，电话 0991-2345678，手机 138 1234 5678，旧证 654002800101123，错号 ${ID.slice(0, 17)}`;
    const found = findFullNumbers(text);
    expect(found.map((f) => [f.kind, f.digits])).toEqual([
      ['id', ID],
      ['landline', '09912345678'],
      ['mobile', '13812345678'],
      ['id', '654002800101123'],
      ['id-like', ID.slice(0, 17)],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
  test('masked text holds no full number', () => {
    expect(findFullNumbers(maskText(`${ID} ${IDX} 13812345678 0991-2345678`))).toEqual([]);
  });
});
