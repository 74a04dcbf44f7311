#!/usr/bin/env node
'use strict';
/**
 * Offline manifest check (`npm run validate:offline`): xmllint against the [MS-OWEMXML] XSDs kept next to the
 * repository in ../shared/office-manifest-schemas (see its README). `npm run validate` is Microsoft's online check.
 *
 *   node scripts/validate-manifest.js [manifest.xml]
 *
 * Exit status: 0 valid; 1 invalid; 2 cannot check (xmllint or the schema folder is missing).
 * OFFICE_MANIFEST_SCHEMAS=<dir> points at another copy of the schema folder.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'shared', 'office-manifest-schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

function main(argv) {
  const manifest = path.resolve(argv[0] || path.join(ROOT, 'manifest.xml'));
  const schemaDir = process.env.OFFICE_MANIFEST_SCHEMAS
    ? path.resolve(process.env.OFFICE_MANIFEST_SCHEMAS)
    : DEFAULT_SCHEMA_DIR;
  const schema = path.join(schemaDir, MAIN_SCHEMA);
  const relative = path.relative(process.cwd(), manifest);
  const shown = relative && !relative.startsWith('..') ? relative : manifest;

  if (!fs.existsSync(manifest)) {
    console.error(`Manifest not found: ${manifest}`);
    return 2;
  }
  if (!fs.existsSync(schema)) {
    console.error(
      `Cannot validate offline: the schema folder is missing (no ${MAIN_SCHEMA} in ${schemaDir}).\n` +
        'Put the office-manifest-schemas folder there, or set OFFICE_MANIFEST_SCHEMAS to its path,\n' +
        "or use Microsoft's online validator: npm run validate",
    );
    return 2;
  }
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.error(
      'Cannot validate offline: xmllint is not installed.\n' +
        'Install it: apt-get install -y libxml2-utils (Debian/Ubuntu), brew install libxml2 (macOS),\n' +
        'or choco install xsltproc (Windows; provides xmllint).',
    );
    return 2;
  }

  // --nonet: the schemas import each other by relative file name; nothing may come from the network.
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, manifest], { encoding: 'utf8' });
  if (run.status === 0) {
    console.log(`✔ ${shown} is valid against ${MAIN_SCHEMA} (${schemaDir})`);
    return 0;
  }
  const output = `${run.stderr || ''}${run.stdout || ''}`.trim();
  console.error(output);
  console.error(`✖ ${shown} does NOT validate against ${MAIN_SCHEMA} (xmllint exit status ${run.status}).`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
