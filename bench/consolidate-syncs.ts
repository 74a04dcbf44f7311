/**
 * The 汇总 sheets written through the Office.js host (src/excel/host.ts insertSheet → render-sheet.ts) against the
 * strict typed fake (test/fakes/excel-fake.ts: 5 MB request limit, bytes of an Office.js-like JSON envelope), on
 * ExcelApi 1.9 (the SheetSpec path). The county workbooks in the folder given are consolidated by the worker's job
 * (src/worker/jobs.ts, in Node), then each sheet is inserted; per sheet: syncs against 1 + ⌈request bytes / 4 MB⌉
 * and the largest request. Exit status 1 when a target is missed.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/consolidate-syncs.js out/bench/counties-50
 */
import * as fs from 'fs';
import * as path from 'path';
import { createExcelHost } from '../src/excel/host';
import { consolidateJob } from '../src/worker/jobs';
import { FakeExcel, FakeWorkbook } from '../test/fakes/excel-fake';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const dir = process.argv[2];
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  const files = names.map((n) => {
    const b = fs.readFileSync(path.join(dir, n));
    return { name: n, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
  });
  const t = Date.now();
  const out = await consolidateJob({ files, lang: 'zh', takenSheetNames: ['Sheet1'] }, { progress: () => undefined, cancelled: () => false });
  console.log(`   consolidation in Node (the worker's job): ${Date.now() - t} ms; ${out.masters.map((m) => `${m.name} ${m.rows} rows`).join(', ')}`);
  const wb = new FakeWorkbook();
  wb.addSheet('Sheet1');
  const fake = new FakeExcel(wb, { apiVersion: '1.9' });
  const host = createExcelHost(fake, { supports: fake.supports });
  let missed = 0;
  console.log('   sheet: rows, cells — syncs (target) — requests total, largest request');
  for (const spec of out.sheets) {
    fake.resetStats();
    await host.insertSheet!({ name: spec.name, spec: async () => spec });
    const bytes = fake.totalRequestBytes;
    const target = 1 + Math.ceil(bytes / (4 * MB));
    const ok = fake.stats.syncs <= target && fake.maxRequestBytes <= 4 * MB;
    if (!ok) missed++;
    console.log(
      `   ${spec.name}: ${spec.rowCount - 1} rows, ${(spec.rowCount - 1) * spec.columnCount} cells — ${fake.stats.syncs} syncs (≤ ${target}) — ${(bytes / MB).toFixed(2)} MB, largest ${(fake.maxRequestBytes / MB).toFixed(2)} MB: ${ok ? 'ok' : 'MISSED'}`,
    );
  }
  if (missed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
