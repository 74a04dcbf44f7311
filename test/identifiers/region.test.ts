import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import {
  REGION_DATA_YEAR,
  isCurrentCounty,
  isKnownCounty,
  isProvinceCode,
  regionFullName,
  regionName,
} from '../../src/core/identifiers/region';
import { REGION_TABLE } from '../../src/core/data/regions';

const root = path.resolve(__dirname, '../..');

describe('isProvinceCode', () => {
  const provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];
  test('exactly the standard list', () => {
    for (let n = 0; n < 100; n++) {
      expect([String(n).padStart(2, '0'), isProvinceCode(String(n).padStart(2, '0'))]).toEqual([String(n).padStart(2, '0'), provinces.includes(n)]);
    }
  });
  test('rejects malformed input', () => {
    expect(isProvinceCode('1')).toBe(false);
    expect(isProvinceCode('110')).toBe(false);
    expect(isProvinceCode('1a')).toBe(false);
    expect(isProvinceCode('')).toBe(false);
  });
});

describe('isKnownCounty', () => {
  test('current codes', () => {
    expect(isKnownCounty('110101')).toBe(true); // 北京市东城区
    expect(isKnownCounty('654002')).toBe(true); // 伊宁市
    expect(isKnownCounty('441900')).toBe(true); // 东莞市: a prefecture without counties
    expect(isKnownCounty('650000')).toBe(true);
  });
  test('codes abolished since 2002 stay known (IDs keep them for life)', () => {
    expect(isKnownCounty('110103')).toBe(true); // 崇文区, merged 2010
    expect(isKnownCounty('371200')).toBe(true); // 莱芜市, merged 2019
    expect(isCurrentCounty('110103')).toBe(false);
    expect(isCurrentCounty('110101')).toBe(true);
  });
  test('codes of 2021 are in the table; the table does not reach 2023', () => {
    expect(REGION_DATA_YEAR).toBe(2021);
    expect(isKnownCounty('330113')).toBe(true); // 临平区 (2021)
    expect(isKnownCounty('513402')).toBe(true); // 会理市 (2021)
    expect(isKnownCounty('659012')).toBe(false); // 白杨市 (2023): update this test when the data is refreshed
  });
  test('residence permits of Hong Kong, Macao and Taiwan residents', () => {
    expect(isKnownCounty('810000')).toBe(true);
    expect(isKnownCounty('820000')).toBe(true);
    expect(isKnownCounty('830000')).toBe(true);
  });
  test('unknown and malformed codes', () => {
    expect(isKnownCounty('659999')).toBe(false);
    expect(isKnownCounty('000000')).toBe(false);
    expect(isKnownCounty('65400')).toBe(false);
    expect(isKnownCounty('65400a')).toBe(false);
  });
});

describe('names', () => {
  test('regionName', () => {
    expect(regionName('654002')).toBe('伊宁市');
    expect(regionName('110103')).toBe('崇文区');
    expect(regionName('659999')).toBeNull();
  });
  test('regionFullName skips placeholders', () => {
    expect(regionFullName('654002')).toBe('新疆维吾尔自治区伊犁哈萨克自治州伊宁市');
    expect(regionFullName('110101')).toBe('北京市东城区');
    expect(regionFullName('650000')).toBe('新疆维吾尔自治区');
    expect(regionFullName('659999')).toBeNull();
  });
});

describe('generated table', () => {
  const file = path.join(root, 'src/core/data/regions.ts');
  test('is small', () => {
    expect(fs.statSync(file).size).toBeLessThan(150 * 1024);
  });
  test('names the data year at the top', () => {
    const head = fs.readFileSync(file, 'utf8').slice(0, 2000);
    expect(head).toContain('2021');
    expect(head).toContain('gb2260');
  });
  test('is up to date with the generator and the installed data packages', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/gen-regions.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('consistency with the identity-number checks', () => {
  test('every code of the table begins with a province code', () => {
    const provinces = Object.keys(REGION_TABLE);
    expect(provinces.length).toBe(35);
    for (const p of provinces) expect([p, isProvinceCode(p)]).toEqual([p, true]);
  });
});
