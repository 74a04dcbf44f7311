/**
 * The statistics samples in examples/ (scripts/make-examples-stats.js) say what they are meant to say: the clean ones
 * have no finding, the faulty ones exactly the findings listed in the script's header.
 */
import * as path from 'path';
import { readWorkbookFile } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';

const root = path.join(__dirname, '..', '..', 'examples');
async function findings(name: string): Promise<string[]> {
  const { grid } = await readWorkbookFile(path.join(root, name));
  return checkWorkbook(grid, { file: name, today: { y: 2025, m: 11, d: 20 } }).findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
}

test.each(['qc-stats-clean.xlsx', 'team-stats-clean.xlsx'])('%s: no finding', async (name) => {
  expect(await findings(name)).toEqual([]);
});

test('qc-stats-faulty.xlsx', async () => {
  expect(await findings('qc-stats-faulty.xlsx')).toEqual([
    '附件7!C8 stats.rate-inputs-missing',
    '附件7!C9 stats.inconsistent',
    '附件7!C11 stats.rate-mismatch',
    '附件7!C14 stats.value-type',
    '附件7!C15 stats.value-type',
    '附件7!D17 stats.inconsistent',
    '附件7!D18 stats.value-type',
  ]);
});

test('team-stats-faulty.xlsx', async () => {
  expect(await findings('team-stats-faulty.xlsx')).toEqual(['附件12!C9 stats.inconsistent', '附件12!B14 stats.value-type']);
});

test('indicators.xlsx', async () => {
  const f = await findings('indicators.xlsx');
  expect(f.filter((x) => x.endsWith('stats.rate-mismatch'))).toEqual(['附表1!E13 stats.rate-mismatch', '附表1!F13 stats.rate-mismatch', '表5!D7 stats.rate-mismatch', '表5!E7 stats.rate-mismatch']);
  expect(f.filter((x) => x.endsWith('stats.rate-inputs-missing'))).toHaveLength(6);
  expect(f.filter((x) => !/stats\.rate-(mismatch|inputs-missing)$/.test(x))).toEqual([]);
});
