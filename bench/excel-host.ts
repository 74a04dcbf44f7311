/**
 * Excel host round trips, measured through Microsoft's Office.js client (@microsoft/office-js, test/fakes/
 * office-client.ts) over the fake workbook: request and response sizes are the UTF-8 length of the client's
 * real message bodies, limit 5 MB each as in Excel on the web. Marking uses threaded comments (ExcelApi 1.17):
 * the client of @microsoft/office-js 1.1.110 has no Worksheet.notes.
 *
 *  1. readWorkbook('active') of a 附件3-like sheet (12 columns, realistic strings) of 10, 10,000 and 100,000 rows:
 *     syncs against the target 1 + ⌈response bytes / 4 MB⌉; no request or response over 4 MB.
 *  2. mark() of 10,000 offending cells (ID column errors, phone column warnings, some user fills to keep):
 *     syncs against the target 3 per 4 MB of requests (≤ 3 × ⌈request bytes / 4 MB⌉); and clearMarks() after it.
 *
 * Build and run:  npx tsc -p tsconfig.bench.json && node dist-bench/bench/excel-host.js
 * Exit status 1 when a target is missed.
 */
import type { LocatedFinding } from '../src/core/check';
import { a1 } from '../src/core/grid';
import { createExcelHost } from '../src/excel/host';
import { FakeWorkbook, fillAnnex3 } from '../test/fakes/excel-fake';
import { ClientExcel } from '../test/fakes/office-client';
import { MAX_AREAS } from '../src/excel/batch';

const MB = 1024 * 1024;
const MB4 = 4 * MB;
let missed = 0;

function mb(n: number): string {
  return n < 100 * 1024 ? (n / 1024).toFixed(1) + ' kB' : (n / MB).toFixed(2) + ' MB';
}

function verdict(ok: boolean): string {
  if (!ok) missed++;
  return ok ? 'ok' : 'MISSED';
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; r: T }> {
  const t = process.hrtime.bigint();
  const r = await f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
}

async function reads(): Promise<void> {
  console.log('1. readWorkbook, active 附件3 sheet, 12 columns (values + valueTypes + numberFormat + merged areas)');
  console.log('   rows      syncs  target  response total  max request  max response  ms (fake)');
  for (const rows of [10, 10_000, 100_000]) {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('附件3');
    fillAnnex3(sheet, rows);
    // 工作单位 (G) merged over pairs of people in the first 800 rows (up to 400 areas, read in the first sync).
    const pairs = Math.floor(Math.min(rows, 800) / 2);
    for (let i = 0; i < pairs; i++) sheet.merges.push({ top: 3 + 2 * i, left: 6, rows: 2, cols: 1 });
    const fake = new ClientExcel(wb);
    fake.tracing = false;
    const host = createExcelHost(fake, { supports: fake.supports });
    const { ms, r } = await timed(() => host.readWorkbook('active'));
    if (r.sheets[0].values.length !== rows + 3) throw new Error('read lost rows');
    if ((r.sheets[0].merges?.length ?? 0) !== pairs) throw new Error('read lost merged areas');
    const bytes = fake.totalResponseBytes;
    const target = 1 + Math.ceil(bytes / MB4);
    const ok = fake.stats.syncs <= target && fake.maxRequestBytes <= MB4 && fake.maxResponseBytes <= MB4;
    console.log(
      '   %s %s %s %s %s %s %s  %s',
      String(rows).padEnd(9),
      String(fake.stats.syncs).padStart(5),
      ('≤ ' + target).padStart(7),
      mb(bytes).padStart(15),
      mb(fake.maxRequestBytes).padStart(12),
      mb(fake.maxResponseBytes).padStart(13),
      ms.toFixed(0).padStart(9),
      verdict(ok),
    );
  }
}

async function marks(): Promise<void> {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet('附件3');
  const layout = fillAnnex3(sheet, 12_000);
  for (let i = 0; i < 12_000; i += 50) sheet.set(a1(layout.firstDataRow + i, layout.idCol), { fill: { color: '#FFFF00', pattern: 'Solid' } });
  const findings: LocatedFinding[] = [];
  const add = (row: number, col: number, rule: string, severity: 'error' | 'warning', message: string) =>
    findings.push({ file: 'bench.xlsx', sheet: '附件3', cell: a1(row, col), row, col, rule, severity, message, value: null, fix: null });
  for (let i = 0; findings.length < 10_000; i++) {
    const row = layout.firstDataRow + i;
    if (i % 6 !== 5) add(row, layout.idCol, 'id.checksum', 'error', `身份证号校验码错误：第18位应为 ${i % 10}`);
    if (i % 3 === 0 && findings.length < 10_000) add(row, layout.phoneCol, 'phone.invalid', 'warning', '联系电话不是有效的手机号（1[3-9]开头11位）或固定电话');
  }
  const fake = new ClientExcel(wb, { apiVersion: '1.17' });
  const host = createExcelHost(fake, { supports: fake.supports });

  console.log('\n2. mark 10,000 offending cells (threaded comments, ExcelApi 1.17), then clear');
  console.log('   step    syncs  target  request total  max request  max response  ms (fake)');
  const m = await timed(() => host.mark(findings));
  if (m.r.marked !== 10_000) throw new Error('marked count');
  const areas = Math.max(0, ...fake.trace.filter((t) => t.path === 'GetRanges').map((t) => String(t.pathArgs[0]).split(',').length));
  console.log('   largest getRanges call: %d areas (bound %d)', areas, MAX_AREAS);
  const req = fake.totalRequestBytes;
  const target = 3 * Math.max(1, Math.ceil(req / MB4));
  const ok = fake.stats.syncs <= target && fake.maxRequestBytes <= MB4 && fake.maxResponseBytes <= MB4 && areas <= MAX_AREAS;
  console.log(
    '   mark   %s %s %s %s %s %s  %s',
    String(fake.stats.syncs).padStart(6),
    ('≤ ' + target).padStart(7),
    mb(req).padStart(14),
    mb(fake.maxRequestBytes).padStart(12),
    mb(fake.maxResponseBytes).padStart(13),
    m.ms.toFixed(0).padStart(9),
    verdict(ok),
  );
  fake.resetStats();
  const c = await timed(() => host.clearMarks());
  if (c.r.cleared !== 10_000) throw new Error('cleared count');
  const okClear = fake.maxRequestBytes <= MB4 && fake.maxResponseBytes <= MB4;
  console.log(
    '   clear  %s %s %s %s %s %s  %s',
    String(fake.stats.syncs).padStart(6),
    '(none)'.padStart(7),
    mb(fake.totalRequestBytes).padStart(14),
    mb(fake.maxRequestBytes).padStart(12),
    mb(fake.maxResponseBytes).padStart(13),
    c.ms.toFixed(0).padStart(9),
    verdict(okClear),
  );
}

async function main(): Promise<void> {
  await reads();
  await marks();
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
