#!/usr/bin/env node
// award-tally command line. The TypeScript sources are compiled into lib/ by `npm run prepare`/`npm run build`
// (tsc -p tsconfig.cli.json).
'use strict';
const os = require('os');
const v8 = require('v8');
const { spawn } = require('child_process');

// `fill` rewrites the whole workbook through ExcelJS, which holds every cell in memory: a sheet whose helper column
// runs to row 1,048,576 needs about 3 GB. Node's own heap limit depends on the machine (about 2 GB with 8 GB of RAM),
// so fill runs in a child process whose limit is 70 % of the RAM (at most 16 GB), or AWARD_TALLY_MAX_HEAP_MB. If even
// that is not enough, the user gets a message saying so instead of V8's crash report.
const HEAP_ENV = 'AWARD_TALLY_MAX_HEAP_MB';
const CHILD_ENV = 'AWARD_TALLY_HEAP_CHILD';
/** V8's crash report when the heap is full: for developers, not for the user. */
const CRASH = /^(<--- Last few GCs --->|FATAL ERROR:|#\s*Fatal|\s*\d+: 0x[0-9a-f]+ )/;

function heapChild(argv) {
  const set = Number(process.env[HEAP_ENV]);
  const want = set > 0 ? Math.floor(set) : Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));
  // Node's own options pass on (a preloaded module, say), not a debugger's port.
  const nodeArgs = process.execArgv.filter((a) => !/^--(inspect|debug)/.test(a));
  const child = spawn(process.execPath, [...nodeArgs, `--max-old-space-size=${want}`, __filename, ...argv], {
    stdio: ['inherit', 'inherit', 'pipe'],
    // The child's stderr is a pipe: tell it whether ours is a terminal (its progress lines).
    env: { ...process.env, [CHILD_ENV]: String(want), AWARD_TALLY_STDERR_TTY: process.stderr.isTTY ? '1' : '' },
  });
  // stderr passed on line by line as it comes, up to the first line of a crash report.
  let pending = '';
  let crashed = false;
  let outOfMemory = false;
  const pass = (text, final) => {
    pending += text;
    const lines = pending.split('\n');
    pending = final ? '' : lines.pop();
    for (const line of lines) {
      if (crashed || CRASH.test(line)) {
        crashed = true;
        if (/heap out of memory|Reached heap limit|Allocation failed/i.test(line)) outOfMemory = true;
      } else process.stderr.write(line + '\n');
    }
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => pass(d, false));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (pending) pass('', true);
      if (status !== null && !outOfMemory) return resolve(status);
      // V8 aborts (SIGABRT here, an exit status on Windows) when the heap is full; the system may kill (SIGKILL) a
      // process using all the RAM.
      if (outOfMemory || signal === 'SIGABRT' || signal === 'SIGKILL') {
        const gb = (want / 1024).toFixed(1);
        process.stderr.write(
          `award-tally: 内存不足：填充这个工作簿需要超过 ${gb} GB 内存，已停止，未写入任何文件。` +
            `请删除表格外填到很远的辅助列或空行后再试，或在内存更大的电脑上运行（可用环境变量 ${HEAP_ENV} 设定上限，单位 MB）。\n` +
            `award-tally: out of memory: filling this workbook needs more than ${gb} GB; stopped, nothing written. ` +
            `Delete helper columns or blank rows filled far below the table and try again, or run it on a machine with more memory (${HEAP_ENV} sets the limit in MB).\n`,
        );
        return resolve(2);
      }
      process.stderr.write(`award-tally: 已中止（${signal}） / stopped (${signal})\n`);
      resolve(2);
    });
  });
}

/** `fill` is run again in a child with a larger heap; true when that child has been started. */
function runInHeapChild() {
  const argv = process.argv.slice(2);
  if (argv[0] !== 'fill' || process.env[CHILD_ENV] || process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return false;
  const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  const set = Number(process.env[HEAP_ENV]);
  if (!(set > 0 || (os.totalmem() / 2 ** 20) * 0.7 > limitMb * 1.25)) return false;
  heapChild(argv).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`award-tally: ${e.message}\n`);
      process.exit(2);
    },
  );
  return true;
}

if (!runInHeapChild()) main();

function main() {
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
}
