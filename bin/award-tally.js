#!/usr/bin/env node
// award-tally command line. The TypeScript sources are compiled into lib/ by `npm run prepare`/`npm run build`
// (tsc -p tsconfig.cli.json).
'use strict';
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
