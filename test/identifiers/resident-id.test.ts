/**
 * GB 11643-1999 identity numbers. Valid numbers here are the standard's own examples or are completed with the
 * module's calcCheckDigit from made-up first 17 digits: no real person's number appears in this file.
 */
import {
  InvalidResidentIdError,
  birthDate,
  calcCheckDigit,
  compact,
  format,
  gender,
  inspect,
  isKnownRegion,
  isValid,
  mask,
  toEighteen,
  validate,
} from '../../src/core/identifiers/resident-id';
import { REGION_TABLE } from '../../src/core/data/regions';

/** Complete 17 digits with their check character. */
const mk = (first17: string) => first17 + calcCheckDigit(first17);

function reasonOf(s: string): string | null {
  try {
    validate(s);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidResidentIdError);
    return (e as InvalidResidentIdError).reason;
  }
}

describe('standard examples (GB 11643-1999)', () => {
  test.each(['440524188001010014', '11010519491231002X'])('%s is valid', (id) => {
    expect(isValid(id)).toBe(true);
    expect(validate(id)).toBe(id);
  });
  test('check characters of the examples', () => {
    expect(calcCheckDigit('44052418800101001')).toBe('4');
    expect(calcCheckDigit('11010519491231002')).toBe('X');
  });
  test('a year before 1900 is legal', () => {
    expect(birthDate('440524188001010014')).toEqual({ y: 1880, m: 1, d: 1 });
  });
});

describe('calcCheckDigit', () => {
  test('every check character occurs, X for remainder 2', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) seen.add(calcCheckDigit('65400219900101' + String(seq).padStart(3, '0')));
    expect([...seen].sort().join('')).toBe('0123456789X');
  });
  test('rejects a wrong length or a non-digit', () => {
    expect(() => calcCheckDigit('1234')).toThrow(InvalidResidentIdError);
    expect(() => calcCheckDigit('6540021990010112A')).toThrow(InvalidResidentIdError);
  });
  test('any single-digit substitution is detected (MOD 11-2)', () => {
    const id = mk('65400219900101123');
    for (let pos = 0; pos < 17; pos++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === id[pos]) continue;
        const typo = id.slice(0, pos) + digit + id.slice(pos + 1);
        expect(calcCheckDigit(typo.slice(0, 17))).not.toBe(id[17]);
      }
    }
  });
  test('an adjacent transposition is detected', () => {
    const id = mk('65400219900101123');
    for (let pos = 0; pos < 16; pos++) {
      if (id[pos] === id[pos + 1]) continue;
      const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
      expect(calcCheckDigit(swapped.slice(0, 17))).not.toBe(id[17]);
    }
  });
});

describe('compact', () => {
  const id = '11010519491231002X';
  test.each([
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ'],
    ['lowercase x', '11010519491231002x'],
    ['full-width lowercase x', '11010519491231002ｘ'],
    ['spaces', ' 110105 19491231 002X '],
    ['ideographic space and NBSP', '110105\u300019491231\u00a0002X'],
    ['hyphens and dashes', '110105-19491231–002X'],
    ['zero-width characters', '\u200b110105194912\u200d31002X\ufeff'],
    ['line break', '110105\n19491231002X'],
  ])('%s', (_label, raw) => {
    expect(compact(raw)).toBe(id);
    expect(isValid(raw)).toBe(true);
  });
  test('a clean value is returned as the same string', () => {
    expect(compact(id)).toBe(id);
  });
  test('other characters are kept (and fail the format)', () => {
    expect(compact('11010519491231002Y')).toBe('11010519491231002Y');
    expect(format(' 11010519491231002x')).toBe(id);
  });
});

describe('validate reasons', () => {
  test('length', () => {
    expect(reasonOf('12345')).toBe('length');
    expect(reasonOf('1101051949123100')).toBe('length'); // 16
    expect(reasonOf('1101051949123100211')).toBe('length'); // 19
    expect(reasonOf('')).toBe('length');
  });
  test('a valid 15-digit number is not an 18-digit number', () => {
    expect(reasonOf('110105491231002')).toBe('length');
    expect(isValid('110105491231002')).toBe(false);
  });
  test('format', () => {
    expect(reasonOf('1101051949123100AX')).toBe('format');
    expect(reasonOf('11010519491231X02X')).toBe('format');
    expect(reasonOf('X10105194912310021')).toBe('format');
    expect(reasonOf('11010519491231002Y')).toBe('format');
    expect(reasonOf('11010519491231002X号')).toBe('format');
  });
  test('checksum, with the expected character', () => {
    let err: InvalidResidentIdError | null = null;
    try {
      validate('110105194912310021');
    } catch (e) {
      err = e as InvalidResidentIdError;
    }
    expect(err?.reason).toBe('checksum');
    expect(err?.expected).toBe('X');
    expect(err?.message).toContain('X');
  });
  test('birthdate: 19990229 is not a date, 20000229 is', () => {
    expect(reasonOf(mk('65400219990229123'))).toBe('birthdate');
    expect(reasonOf(mk('65400220000229123'))).toBeNull();
    expect(reasonOf(mk('65400219000229123'))).toBe('birthdate'); // 1900 is not a leap year
    expect(reasonOf(mk('65400219901301123'))).toBe('birthdate');
    expect(reasonOf(mk('65400219900431123'))).toBe('birthdate');
    expect(reasonOf(mk('65400219900100123'))).toBe('birthdate');
    expect(reasonOf(mk('65400217991231123'))).toBe('birthdate'); // before 1800: a typing error
    expect(reasonOf(mk('65400218000101123'))).toBeNull();
  });
  test('region: the province must be one of the standard list', () => {
    for (const p of ['00', '10', '16', '20', '24', '30', '38', '47', '55', '60', '66', '70', '72', '80', '84']) {
      expect(reasonOf(mk(p + '000219900101123'))).toBe('region');
    }
    for (const p of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82', '83']) {
      expect(reasonOf(mk(p + '010119900101123'))).toBeNull();
    }
  });
  test('precedence: region before birthdate before checksum', () => {
    expect(reasonOf('200002199902291230')).toBe('region');
    expect(reasonOf('654002199902291230')).toBe('birthdate');
  });
  test('an unknown county is not a validation error', () => {
    const id = mk('65999919900101123');
    expect(isValid(id)).toBe(true);
    expect(isKnownRegion(inspect(id))).toBe(false);
    expect(isKnownRegion(inspect(mk('65400219900101123')))).toBe(true);
  });
});

describe("foreigner's permanent residence ID (2023)", () => {
  test('9, province of issue, country code: valid when the province is known', () => {
    const id = mk('96515619900101123'); // issued in 65, country code 156 (made up for the test)
    expect(isValid(id)).toBe(true);
    const r = inspect(id);
    expect(r.foreign).toBe(true);
    expect(r.province).toBe(65);
    expect(r.county).toBe(-1);
    expect(isKnownRegion(r)).toBe(false);
  });
  test('unknown province of issue', () => {
    expect(reasonOf(mk('90015619900101123'))).toBe('region');
    expect(reasonOf(mk('99915619900101123'))).toBe('region');
  });
});

describe('components', () => {
  test('birthDate of 18- and 15-digit numbers', () => {
    expect(birthDate('11010519491231002X')).toEqual({ y: 1949, m: 12, d: 31 });
    expect(birthDate('110105491231002')).toEqual({ y: 1949, m: 12, d: 31 });
  });
  test('gender: digit 17 odd = 男, even = 女', () => {
    expect(gender('11010519491231002X')).toBe('女');
    expect(gender('440524188001010014')).toBe('男');
    expect(gender(mk('65400219900101123'))).toBe('男');
    expect(gender(mk('65400219900101124'))).toBe('女');
    expect(gender('110105491231003')).toBe('男'); // 15 digits: the last digit
  });
  test('component readers reject what is not an ID', () => {
    expect(() => birthDate('abc')).toThrow(InvalidResidentIdError);
    expect(() => gender('12345')).toThrow(InvalidResidentIdError);
  });
});

describe('toEighteen', () => {
  test('inserts 19 and appends the check character', () => {
    expect(toEighteen('110105491231002')).toBe('11010519491231002X');
    expect(toEighteen('４４０５２４８００１０１００１')).toBe('440524198001010013');
    expect(isValid(toEighteen('654002900101123'))).toBe(true);
  });
  test('rejects anything but 15 digits', () => {
    expect(() => toEighteen('11010519491231002X')).toThrow(InvalidResidentIdError);
    expect(() => toEighteen('11010549123100X')).toThrow(InvalidResidentIdError);
  });
});

describe('mask', () => {
  test('keeps the first 6 and the last 4 characters', () => {
    const id = mk('65400219900101123');
    expect(mask(id)).toBe('654002********' + id.slice(14));
    expect(mask('11010519491231002X')).toBe('110105********002X');
    expect(mask('110105491231002')).toBe('110105*****1002');
  });
  test('short values are masked entirely', () => {
    expect(mask('12345')).toBe('*****');
  });
});

describe('inspect', () => {
  test('clean 18-digit value', () => {
    const r = inspect('11010519491231002X');
    expect(r).toMatchObject({
      clean: '11010519491231002X',
      normalized: false,
      length: 18,
      status: 'ok',
      foreign: false,
      province: 11,
      county: 110105,
      y: 1949,
      m: 12,
      d: 31,
      male: false,
      expected: 'X',
      canonical: '11010519491231002X',
    });
  });
  test('normalised value', () => {
    const r = inspect('１１０１０５１９４９１２３１００２ｘ');
    expect(r.normalized).toBe(true);
    expect(r.status).toBe('ok');
    expect(r.clean).toBe('11010519491231002X');
  });
  test('15-digit value has its 18-digit canonical form', () => {
    const r = inspect('110105491231002');
    expect(r).toMatchObject({ length: 15, status: 'ok', canonical: '11010519491231002X', y: 1949 });
  });
  test('statuses', () => {
    expect(inspect('').status).toBe('length');
    expect(inspect('   ').clean).toBe('');
    expect(inspect('12345').status).toBe('length');
    expect(inspect('张三').status).toBe('format');
    expect(inspect('11010549123100X').status).toBe('format'); // 15 with X
    expect(inspect('110105194912310021')).toMatchObject({ status: 'checksum', expected: 'X' });
    expect(inspect('110105199902290021').status).toBe('birthdate');
    expect(inspect(mk('20010119900101123')).status).toBe('region');
    expect(inspect('110105991301002').status).toBe('birthdate'); // 15-digit, month 13
  });
});

describe('zero false errors on generated numbers', () => {
  test('random regions of the table, dates 1900–2010, any sequence: all valid, region known', () => {
    const codes: string[] = [];
    for (const [p, entries] of Object.entries(REGION_TABLE)) {
      for (const e of entries.split('|')) codes.push(p + e.replace(/^~/, '').slice(0, 4));
    }
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let k = 0; k < 20000; k++) {
      const y = 1900 + rnd(111);
      const m = 1 + rnd(12);
      const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
      const d = 1 + rnd(dim);
      const first17 = codes[rnd(codes.length)] + y + String(m).padStart(2, '0') + String(d).padStart(2, '0') + String(rnd(1000)).padStart(3, '0');
      const id = mk(first17);
      const r = inspect(id);
      if (r.status !== 'ok' || !isKnownRegion(r)) throw new Error(`${id}: ${r.status}`);
      expect(isValid(id.toLowerCase())).toBe(true);
    }
  });
});
