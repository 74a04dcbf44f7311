/**
 * The GB/T 2260 table is generated (scripts/gen-regions.js) from the current table, the 1980–2019 revisions
 * (../shared/data/gb2260-codes-1980-2019.tsv) and the gb2260 package; the committed file must be what the
 * generator writes. Where the 1980–2019 table is not at hand the generator must say so, not write a smaller table.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { isCurrentCounty, isKnownCounty, regionName } from '../../src/core/identifiers/region';

const root = path.join(__dirname, '..', '..');
const tsv = path.join(root, '..', 'shared', 'data', 'gb2260-codes-1980-2019.tsv');

test('the committed table is the generator’s output (--check), or the generator refuses without its source', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-regions.js'), '--check'], { encoding: 'utf8' });
  if (fs.existsSync(tsv)) {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  } else {
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gb2260-codes-1980-2019.tsv');
  }
});

test.each([
  ['654121', '伊宁县', false],
  ['654101', '伊宁市', false],
  ['440524', '潮阳县', false],
  ['652321', '昌吉县', false],
  ['654002', '伊宁市', true],
  ['110103', '崇文区', false],
])('%s %s (current: %s)', (code, name, current) => {
  expect(isKnownCounty(code)).toBe(true);
  expect(regionName(code)).toBe(name);
  expect(isCurrentCounty(code)).toBe(current);
});

test.each(['659999', '654199', '000000', '65412'])('%s is unknown', (code) => {
  expect(isKnownCounty(code)).toBe(false);
});
