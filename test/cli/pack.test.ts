/**
 * The installable command line (SPEC §7, README "安装命令行"): `npm pack` gives a tarball that installs with the
 * runtime dependencies only, and `award-tally check` works from it on a machine with Node and nothing else.
 *
 * The package is assembled in a temporary copy (package.json, bin/, README.md, src/ compiled there by the
 * project's tsconfig.cli.json), so this test never rewrites the lib/ that other tests are running, then packed
 * with `npm pack --ignore-scripts` and installed with `npm install -g --prefix <temp>`: the runtime
 * dependencies come from npm's cache (filled by `npm ci`) or, when missing there, from the npm registry.
 * The installed command then runs with a PATH holding only Node's own folder, from a folder outside the project.
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportSchema } from '../../src/core/report';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const isWin = process.platform === 'win32';

jest.setTimeout(5 * 60 * 1000);

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 26, shell: isWin });
  if (r.error) throw r.error;
  return r;
}
function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** Every package folder under node_modules (scoped ones counted once each), and their total size in bytes. */
function installedPackages(nodeModules: string): { names: string[]; bytes: number } {
  const names: string[] = [];
  let bytes = 0;
  const size = (p: string): number => {
    const st = fs.lstatSync(p);
    if (!st.isDirectory()) return st.size;
    return fs.readdirSync(p).reduce((sum, e) => sum + size(path.join(p, e)), 0);
  };
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir)) {
      if (e.startsWith('.')) continue;
      const p = path.join(dir, e);
      if (e.startsWith('@')) {
        for (const s of fs.readdirSync(p)) {
          names.push(`${e}/${s}`);
          walk(path.join(p, s, 'node_modules'));
        }
      } else {
        names.push(e);
        walk(path.join(p, 'node_modules'));
      }
    }
  };
  walk(nodeModules);
  bytes = fs.existsSync(nodeModules) ? size(nodeModules) : 0;
  return { names, bytes };
}

describe('npm pack → npm install -g → award-tally check', () => {
  let tmp: string;
  let tarball: string;
  let prefix: string;
  let installed: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-pack-'));
    // The package as `npm pack` sees it, built in the copy.
    const src = path.join(tmp, 'src-copy');
    fs.mkdirSync(src);
    for (const f of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.cli.json']) fs.copyFileSync(path.join(ROOT, f), path.join(src, f));
    for (const d of ['bin', 'src']) fs.cpSync(path.join(ROOT, d), path.join(src, d), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'), 'junction');
    ok(run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: src }), 'tsc -p tsconfig.cli.json');
    fs.rmSync(path.join(src, 'node_modules'));
    const packDir = path.join(tmp, 'pack');
    fs.mkdirSync(packDir);
    const packed = JSON.parse(ok(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: src }), 'npm pack')) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(packDir, packed[0].filename);
    fs.writeFileSync(path.join(tmp, 'files.json'), JSON.stringify(packed[0].files.map((f) => f.path)));

    prefix = path.join(tmp, 'prefix');
    ok(
      run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
        cwd: tmp,
        // A user's global install: no project .npmrc, no development flags leaking in from `npm test`.
        env: { ...process.env, npm_config_production: undefined, NODE_ENV: 'production' },
      }),
      'npm install -g <tarball>',
    );
    installed = isWin ? path.join(prefix, 'node_modules', pkg.name) : path.join(prefix, 'lib', 'node_modules', pkg.name);
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the tarball holds the compiled command line and no sources, tests or build tools', () => {
    const files = JSON.parse(fs.readFileSync(path.join(tmp, 'files.json'), 'utf8')) as string[];
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/award-tally.js', 'lib/cli/main.js', 'lib/core/check.js']));
    // The built-in award profiles are data files the engine loads.
    expect(files.filter((f) => /^lib\/core\/profiles\/.*\.json$/.test(f)).length).toBeGreaterThanOrEqual(5);
    const stray = files.filter((f) => !/^(package\.json|README\.md|bin\/|lib\/)/.test(f) || /\.ts$|\.tsx$/.test(f));
    expect(stray).toEqual([]);
    // The task pane, the browser version and the Office.js host are not part of the command line (a plain module
    // the CLI's writers share with the host, such as lib/excel/values.js, may be).
    expect(files.filter((f) => /^lib\/(taskpane|preview|worker)\/|^lib\/excel\/host\.js$/.test(f))).toEqual([]);
  });

  test('installs the runtime dependencies only', () => {
    const { names, bytes } = installedPackages(path.join(installed, 'node_modules'));
    for (const dep of Object.keys(pkg.dependencies)) expect(names).toContain(dep);
    // What the task pane bundles and what builds and tests the project stays out (a runtime dependency may
    // still pull a small package that is also a development one, such as @types/node).
    const buildOnly = ['react', 'react-dom', '@fluentui/react-components', 'webpack', 'typescript', 'jest', 'ts-jest', 'eslint', 'playwright-core', 'office-addin-debugging'];
    for (const dev of buildOnly) expect(pkg.devDependencies).toHaveProperty([dev]);
    expect(names.filter((n) => buildOnly.includes(n) || n.startsWith('@fluentui/'))).toEqual([]);
    // Reported for the README's install figures.
    console.log(`award-tally tarball install: ${names.length + 1} packages, ${(bytes / 2 ** 20).toFixed(1)} MB of node_modules (tarball ${(fs.statSync(tarball).size / 1024).toFixed(0)} kB)`);
  });

  test('`award-tally check` runs from the install with only Node on the PATH, outside the project', () => {
    const work = fs.mkdtempSync(path.join(tmp, 'desk-'));
    const example = path.join(work, '附件3 示例县.xlsx');
    fs.copyFileSync(path.join(ROOT, 'examples', 'annex3-mistakes.xlsx'), example);
    const bin = isWin ? path.join(prefix, 'award-tally.cmd') : path.join(prefix, 'bin', 'award-tally');
    expect(fs.existsSync(bin)).toBe(true);
    const env = { PATH: path.dirname(process.execPath), HOME: work, USERPROFILE: work, LANG: 'C.UTF-8' };

    const version = run(bin, ['--version'], { cwd: work, env });
    expect(version.status).toBe(0);
    expect(version.stdout).toContain(pkg.version);

    const checked = run(bin, ['check', example, '--json'], { cwd: work, env });
    // annex3-mistakes.xlsx holds error findings: exit status 1, and one report on stdout.
    expect({ status: checked.status, stderr: checked.stderr }).toEqual({ status: 1, stderr: expect.any(String) });
    const report = reportSchema.parse(JSON.parse(checked.stdout));
    expect(report.files).toHaveLength(1);
    expect(report.files[0].error).toBeNull();
    expect(report.files[0].tables.map((t) => t.kind)).toEqual(expect.arrayContaining(['annex3.individual']));
    expect(report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['id.checksum']));
    expect(report.summary.errors).toBeGreaterThan(0);

    // The input is never modified.
    expect(fs.readFileSync(example).equals(fs.readFileSync(path.join(ROOT, 'examples', 'annex3-mistakes.xlsx')))).toBe(true);
  });
});
