/**
 * `award-tally fill` runs in a child process with a heap limit set from the machine's RAM (or
 * AWARD_TALLY_MAX_HEAP_MB): a workbook too large for it ends with a message for the user, exit status 2 and no
 * output file, never V8's crash report.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/award-tally.js');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-heap-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}

it('fill within the limit writes its copy', () => {
  const input = path.join(ROOT, 'examples/annex3-mistakes.xlsx');
  const r = run(['fill', input, '-o', 'ok.xlsx'], { AWARD_TALLY_MAX_HEAP_MB: '2048' });
  expect([0, 1]).toContain(r.status);
  expect(r.stdout).toMatch(/已写入 ok\.xlsx/);
  expect(fs.existsSync(path.join(dir, 'ok.xlsx'))).toBe(true);
});

it('fill past the limit: a message, exit 2, nothing written, no crash report', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['序号', '姓名', '性别', '民族', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
  for (let i = 0; i < 40000; i++) ws.addRow([i + 1, `人员${i}`, '男', '汉族', `单位${i % 50}`, '企业', '职员', '11010519491231002X', '13800138000', `备注${i}`]);
  const input = path.join(dir, 'big.xlsx');
  await wb.xlsx.writeFile(input);
  const r = run(['fill', input, '-o', 'big-filled.xlsx'], { AWARD_TALLY_MAX_HEAP_MB: '48' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/内存不足/);
  expect(r.stderr).toMatch(/AWARD_TALLY_MAX_HEAP_MB/);
  expect(r.stderr).not.toMatch(/FATAL ERROR|Last few GCs|JavaScript heap/);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('big-filled'))).toEqual([]);
});
