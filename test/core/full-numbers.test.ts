import { findFullNumbers, maskFullNumbers } from '../../src/core/full-numbers';
import { calcCheckDigit } from '../../src/core/identifiers/resident-id';
import { maskPolicySchema } from '../../src/core/profiles/mask-policy';
import { maskIdCell, maskPhoneCell, maskPolicyOf, publicText } from '../../src/core/notice';
import { DEFAULT_MASK_POLICY } from '../../src/core/mask-text';
import { getProfile, parseProfile } from '../../src/core/profiles';

const ID = (() => {
  const f = '65400219860315042';
  return f + calcCheckDigit(f);
})();
const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const policy = maskPolicySchema.parse({});

describe('full IDs and mobiles inside any text', () => {
  const found: [string, string, ('id' | 'mobile')[]][] = [
    ['plain ID', ID, ['id']],
    ['spaces inside', `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, ['id']],
    ['full-width digits', FW(ID), ['id']],
    ['inside a sentence', `身份证号：${ID}，请核实`, ['id']],
    ['zero-width and hyphens', ID.split('').join('\u200b').replace(/\u200b(?=\d{4}$)/, '-'), ['id']],
    ['glued to other digits', `99${ID}`, ['id']],
    ['15-digit first generation', '654027680101033', ['id']],
    ['mobile', '13812345678', ['mobile']],
    ['mobile with spaces and dashes', '138 1234-5678', ['mobile']],
    ['mobile with dots', '138.1234.5678', ['mobile']],
    ['mobile with +86', '+86 138 1234 5678', ['mobile']],
    ['mobile full-width inside text', `电话${FW('13812345678')}转`, ['mobile']],
    ['two mobiles', '13812345678/13912345678', ['mobile', 'mobile']],
    ['ID and mobile', `${ID} 13812345678`, ['id', 'mobile']],
  ];
  test.each(found)('found: %s', (_n, text, kinds) => {
    // Every kind expected is found (a longer run of digits may hold more windows that pass the check: masked too).
    expect([...new Set(findFullNumbers(text).map((f) => f.kind))].sort()).toEqual([...new Set(kinds)].sort());
    if (kinds.length === 2 && kinds[0] === kinds[1]) expect(findFullNumbers(text)).toHaveLength(2);
    const masked = maskFullNumbers(text, policy);
    expect(findFullNumbers(masked)).toEqual([]);
  });
  const clean: [string, string][] = [
    ['masked ID', '654002********0424'],
    ['masked mobile', '138****5678'],
    ['landline', '0999-8021234'],
    ['a date range', '2019.01.01-2025.10.28'],
    ['17 digits', ID.slice(0, 17)],
    ['ID with a wrong check character', ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1')],
    ['12 digits starting 1', '138123456789'],
    ['money', '1500000.00元'],
  ];
  test.each(clean)('not found: %s', (_n, text) => {
    expect(findFullNumbers(text)).toEqual([]);
    expect(maskFullNumbers(text, policy)).toBe(text);
  });
  test('masking keeps the characters around and the policy’s ends', () => {
    expect(maskFullNumbers(`证号 ${ID} 止`, policy)).toBe(`证号 654002********${ID.slice(-4)} 止`);
    expect(maskFullNumbers('138 1234 5678', policy)).toBe('138 **** 5678');
  });
});

describe('masking policy (profile.masking)', () => {
  test('defaults: ID 6 + 4, mobile 3 + 4, landline area code + 4', () => {
    expect(maskIdCell(ID, policy)).toBe(`654002********${ID.slice(-4)}`);
    expect(maskIdCell(FW(ID), policy)).toBe(`654002********${ID.slice(-4)}`);
    expect(maskPhoneCell('138 1234 5678', policy)).toBe('138****5678');
    expect(maskPhoneCell('0999-8021234', policy)).toBe('0999-***1234');
    expect(maskPhoneCell('13812345678、0991-1234567', policy)).toBe('138****5678、0991-***4567');
    expect(maskPhoneCell('400-123-4567', policy)).toBe('4001234567');
  });
  test('a profile’s own pattern is used everywhere', () => {
    const p = maskPolicySchema.parse({ idHead: 3, idTail: 3, mobileHead: 0, mobileTail: 4 });
    expect(maskIdCell(ID, p)).toBe(`654************${ID.slice(-3)}`);
    expect(maskPhoneCell('13812345678', p)).toBe('*******5678');
    expect(maskPhoneCell('0999-8021234', p)).toBe('0999-***1234');
    expect(maskFullNumbers(ID, p)).toBe(`654************${ID.slice(-3)}`);
    expect(publicText(`证号 ${ID}`, p)).toBe(`证号 654************${ID.slice(-3)}`);
  });
  test('the profile’s policy is what every host reads; a profile without one gets the default', () => {
    expect(maskPolicyOf(getProfile('ili-2025-contribution'))).toEqual(DEFAULT_MASK_POLICY);
    const mine = parseProfile({ ...getProfile('ili-2025-contribution'), id: 'mine', masking: { idHead: 4 } }, 'mine.json');
    expect(maskPolicyOf(mine)).toEqual({ ...DEFAULT_MASK_POLICY, idHead: 4 });
    expect(maskPolicyOf(null)).toEqual(DEFAULT_MASK_POLICY);
  });
  test.each([
    [{ idHead: 8, idTail: 4 }, 'idHead'],
    [{ mobileHead: 4, mobileTail: 4 }, 'mobileHead'],
    [{ idHead: -1 }, 'idHead'],
    [{ landline: 2 }, ''],
  ])('a pattern that shows too much (or is unknown) is refused: %j', (input, path) => {
    const r = maskPolicySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path[0] ?? '').toBe(path);
  });
  test('a profile whose masking shows too much is refused with a Chinese message', () => {
    expect(() => parseProfile({ ...getProfile('ili-2025-contribution'), id: 'bad', masking: { idHead: 9, idTail: 4 } }, 'bad.json')).toThrow(/至少隐藏 8 位/);
  });
});

describe('wide gaps and dots: what the masker leaves, the guard’s finder stars', () => {
  test.each([
    [`${ID.slice(0, 6)}   ${ID.slice(6, 14)}   ${ID.slice(14)}`],
    ['138.1234.5678'],
    ['138/1234/5678'],
    ['手机 138_1234_5678'],
  ])('%s', (text) => {
    const out = publicText(text, DEFAULT_MASK_POLICY);
    expect(findFullNumbers(out)).toEqual([]);
    expect(out).toMatch(/\*{4}/);
  });
});
