import { compact, format, inspect, InvalidPhone, isValid, mask, validate } from '../../src/core/identifiers/phone';

describe('phone: valid numbers', () => {
  const valid: [string, string][] = [
    // input → canonical format
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086-991-8012345', '0991-8012345'],
    ['010-8888-8888-123', '010-88888888转123'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['\u200b13812345678 ', '13812345678'],
    ['0991-1234567', '0991-1234567'],
    ['09911234567', '0991-1234567'],
    ['0991-12345678', '0991-12345678'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021 1234 5678', '021-12345678'],
    ['010-1234-5678', '010-12345678'],
    ['(0991)1234567', '0991-1234567'],
    ['（0991）1234567', '0991-1234567'],
    ['（０９９１）１２３４５６７', '0991-1234567'],
    ['0991－1234567', '0991-1234567'],
    ['0991—1234567', '0991-1234567'],
    ['0991-1234567-123', '0991-1234567转123'],
    ['0991-1234567转123', '0991-1234567转123'],
    ['0991-1234567 转 8001', '0991-1234567转8001'],
    ['010-12345678分机12', '010-12345678转12'],
    ['0991-1234567 ext.5', '0991-1234567转5'],
    ['+86 991 1234567', '0991-1234567'],
    ['+86-10-12345678', '010-12345678'],
    ['400-123-4567', '400-123-4567'],
    ['4001234567', '400-123-4567'],
    ['800 123 4567', '800-123-4567'],
  ];
  test.each(valid)('%s', (input, formatted) => {
    expect(isValid(input)).toBe(true);
    expect(format(input)).toBe(formatted);
  });

  it('tells the kinds apart', () => {
    expect(validate('13812345678').kind).toBe('mobile');
    expect(validate('0991-1234567').kind).toBe('landline');
    expect(validate('400-123-4567').kind).toBe('service');
    expect(validate('0991-1234567转12')).toEqual({
      kind: 'landline',
      digits: '09911234567',
      areaCode: '0991',
      local: '1234567',
      extension: '12',
    });
  });
});

describe('phone: invalid numbers', () => {
  const invalid: [string, string][] = [
    ['', 'empty'],
    [' - ', 'empty'],
    ['1381234567', 'length'],
    ['138123456789', 'length'],
    ['12812345678', 'format'],
    ['10012345678', 'format'],
    ['1234567', 'length'],
    ['8123456', 'areaCode'],
    ['81234567', 'areaCode'],
    ['0991-123456', 'length'],
    ['0991-0123456', 'format'],
    ['099112345678901', 'length'],
    ['9911234567', 'format'],
    ['400-123-456', 'length'],
    ['13812345678转12', 'extension'],
    ['0991-1234567转', 'extension'],
    ['0991-1234567转1234567', 'extension'],
    ['无', 'chars'],
    ['138abc45678', 'chars'],
    ['+1 415 555 0100', 'format'],
  ];
  test.each(invalid)('%j → %s', (input, reason) => {
    expect(isValid(input)).toBe(false);
    const r = inspect(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
    expect(() => validate(input)).toThrow(InvalidPhone);
    try {
      validate(input);
    } catch (e) {
      expect((e as InvalidPhone).reason).toBe(reason);
    }
  });

  it('format throws on an invalid number', () => {
    expect(() => format('12345')).toThrow(InvalidPhone);
  });
});

describe('phone: compact and mask', () => {
  it('compacts to digits with the extension after a hyphen', () => {
    expect(compact('+86 138-1234-5678')).toBe('13812345678');
    expect(compact('（0991）123 4567 转 12')).toBe('09911234567-12');
    expect(compact('400-123-4567')).toBe('4001234567');
  });

  it('masks a mobile as 138****5678', () => {
    expect(mask('13812345678')).toBe('138****5678');
    expect(mask('+86 138 1234 5678')).toBe('138****5678');
  });

  it('masks a landline keeping the area code and last four digits', () => {
    expect(mask('0991-1234567')).toBe('0991-***4567');
    expect(mask('010-12345678转123')).toBe('010-****5678');
  });

  it('leaves service numbers public', () => {
    expect(mask('4001234567')).toBe('400-123-4567');
  });

  it('masks a malformed number without leaking more than four digits', () => {
    expect(mask('1381234567')).toBe('******4567');
    expect(mask('123')).toBe('***');
  });
});
