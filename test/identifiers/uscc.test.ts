/**
 * GB 32100-2015 unified social credit codes. Codes are completed with the module's calcCheckDigit from made-up
 * first 17 characters, except the published example of python-stdnum (stdnum/cn/uscc.py doctest), which this
 * implementation was checked against.
 */
import {
  InvalidUsccError,
  USCC_ALPHABET,
  calcCheckDigit,
  compact,
  format,
  inspect,
  isValid,
  validate,
} from '../../src/core/identifiers/uscc';

const mk = (first17: string) => first17 + calcCheckDigit(first17);

function reasonOf(s: string): string | null {
  try {
    validate(s);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidUsccError);
    return (e as InvalidUsccError).reason;
  }
}

describe('published example', () => {
  test('91110000600037341L (python-stdnum doctest) is valid', () => {
    expect(validate('91110000600037341L')).toBe('91110000600037341L');
    expect(calcCheckDigit('91110000600037341')).toBe('L');
  });
});

describe('calcCheckDigit', () => {
  test('generated codes validate', () => {
    for (const first17 of ['91654002MA7890123', '12654000458123456', '51654002MJ0000001', 'Y1654002000000001', '93654002MA0000000']) {
      expect(isValid(mk(first17))).toBe(true);
    }
  });
  test('check = 31 − (Σ mod 31), and 31 becomes 0', () => {
    // Find a body whose weighted sum is ≡ 0 (mod 31): its check character must be 0, not out of range.
    let found = '';
    for (let i = 0; i < 31 * 31 && !found; i++) {
      const body = '91654002MA7' + String(i).padStart(6, '0');
      let sum = 0;
      const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      for (let j = 0; j < 17; j++) sum += USCC_ALPHABET.indexOf(body[j]) * w[j];
      if (sum % 31 === 0) found = body;
    }
    expect(found).not.toBe('');
    expect(calcCheckDigit(found)).toBe('0');
  });
  test('weights are 3^(i−1) mod 31', () => {
    // A body that is all zeros but one character of value 1 at position i has check 31 − 3^(i−1) mod 31.
    for (let i = 0; i < 17; i++) {
      const body = '0'.repeat(i) + '1' + '0'.repeat(16 - i);
      let w = 1;
      for (let k = 0; k < i; k++) w = (w * 3) % 31;
      expect(calcCheckDigit(body)).toBe(USCC_ALPHABET[(31 - w) % 31]);
    }
  });
  test('rejects characters outside the alphabet and wrong lengths', () => {
    expect(() => calcCheckDigit('91654002MA789012I')).toThrow(InvalidUsccError);
    expect(() => calcCheckDigit('9165')).toThrow(InvalidUsccError);
  });
  test('any single-character substitution is detected', () => {
    const code = mk('91654002MA7890123');
    for (let pos = 0; pos < 17; pos++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[pos]) continue;
        const typo = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(isValid(typo)).toBe(false);
      }
    }
  });
});

describe('compact and format', () => {
  test('full-width, lowercase, spaces, hyphens and zero-width characters', () => {
    const code = '91110000600037341L';
    expect(compact('９１１１００００６０００３７３４１Ｌ')).toBe(code);
    expect(compact('91110000600037341l')).toBe(code);
    expect(compact(' 9111 0000-6000 37341L\u200b')).toBe(code);
    expect(isValid('91110000 600037341l')).toBe(true);
    expect(format('91110000 600037341l')).toBe(code);
  });
  test('a clean value is returned unchanged', () => {
    expect(compact('91110000600037341L')).toBe('91110000600037341L');
  });
});

describe('validate reasons', () => {
  test('length', () => {
    expect(reasonOf('9111000060003734')).toBe('length');
    expect(reasonOf('91110000600037341L0')).toBe('length');
    expect(reasonOf('')).toBe('length');
  });
  test('format: letters I O S V Z and other characters are not in the set', () => {
    for (const ch of ['I', 'O', 'S', 'V', 'Z', '*', '号']) {
      expect(reasonOf('91110000600037341' + ch)).toBe('format');
      expect(reasonOf(ch + '1110000600037341L')).toBe('format');
    }
    expect(reasonOf('911100006000I')).toBe('format'); // bad character counts before the length
  });
  test('checksum, with the expected character', () => {
    let err: InvalidUsccError | null = null;
    try {
      validate('91110000600037341M');
    } catch (e) {
      err = e as InvalidUsccError;
    }
    expect(err?.reason).toBe('checksum');
    expect(err?.expected).toBe('L');
  });
});

describe('inspect', () => {
  test('fields', () => {
    expect(inspect('91110000600037341L')).toMatchObject({ status: 'ok', normalized: false, expected: 'L' });
    expect(inspect('91110000600037341l')).toMatchObject({ status: 'ok', normalized: true, clean: '91110000600037341L' });
    expect(inspect('91110000600037341M')).toMatchObject({ status: 'checksum', expected: 'L' });
    expect(inspect('9111000060003734IL')).toMatchObject({ status: 'format', badAt: 17 });
    expect(inspect('911100006000')).toMatchObject({ status: 'length', badAt: 0 });
  });
});
