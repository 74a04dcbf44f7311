#!/usr/bin/env node
// award-tally command line. The TypeScript sources are compiled into lib/ by `npm run prepare`/`npm run build`
// (tsc -p tsconfig.cli.json).
'use strict';
const os = require('os');
const v8 = require('v8');
const { spawnSync } = require('child_process');

// `fill` rewrites the whole workbook through ExcelJS, which holds every cell in memory: a sheet whose helper column
// runs to row 1,048,576 needs about 3 GB. Node's own heap limit depends on the machine (about 2 GB with 8 GB of RAM),
// so fill runs in a child process whose limit is 70 % of the RAM (at most 16 GB), or AWARD_TALLY_MAX_HEAP_MB. If even
// that is not enough, the user gets a message saying so instead of V8's crash report.
const HEAP_ENV = 'AWARD_TALLY_MAX_HEAP_MB';
const CHILD_ENV = 'AWARD_TALLY_HEAP_CHILD';
function heapChild(argv) {
  const set = Number(process.env[HEAP_ENV]);
  const want = set > 0 ? Math.floor(set) : Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${want}`, __filename, ...argv], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, [CHILD_ENV]: String(want) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const err = r.stderr ? r.stderr.toString('utf8') : '';
  if (r.status !== null) {
    process.stderr.write(err);
    return r.status;
  }
  // V8's crash report (its last GCs and a native stack trace) is for developers, not for the user.
  const crash = err.search(/\n?<--- Last few GCs --->|\n?#\n# Fatal|FATAL ERROR:/);
  process.stderr.write(crash >= 0 ? err.slice(0, crash) : err);
  // Killed: V8 aborts (SIGABRT) when the heap is full; anything else is passed on as a failure.
  if (r.signal === 'SIGABRT' || r.signal === 'SIGKILL') {
    const gb = (want / 1024).toFixed(1);
    process.stderr.write(
      `award-tally: 内存不足：填充这个工作簿需要超过 ${gb} GB 内存，已停止，未写入任何文件。` +
        `请删除表格外填到很远的辅助列或空行后再试，或在内存更大的电脑上运行（可用环境变量 ${HEAP_ENV} 设定上限，单位 MB）。\n` +
        `award-tally: out of memory: filling this workbook needs more than ${gb} GB; stopped, nothing written. ` +
        `Delete helper columns or blank rows filled far below the table and try again, or run it on a machine with more memory (${HEAP_ENV} sets the limit in MB).\n`,
    );
    return 2;
  }
  process.stderr.write(`award-tally: 已中止（${r.signal}） / stopped (${r.signal})\n`);
  return 2;
}

const argv = process.argv.slice(2);
if (argv[0] === 'fill' && !process.env[CHILD_ENV] && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
  const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  const set = Number(process.env[HEAP_ENV]);
  if (set > 0 || os.totalmem() / 2 ** 20 * 0.7 > limitMb * 1.25) process.exit(heapChild(argv));
}

let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write('award-tally: 尚未编译，请先运行 npx tsc -p tsconfig.cli.json（not built yet: run npx tsc -p tsconfig.cli.json）\n');
    process.exit(2);
  }
  throw e;
}
cli.run();
