/**
 * Nothing overwritten, nothing read twice (issue 9): every output path is checked against every input and the
 * other outputs (symbolic and hard links included); outputs are written through a rename, so a link never
 * carries a write to another file; directories are read recursively, files in other formats are named with the
 * reason, and the tool's own earlier outputs (marked with a custom document property) are not read back.
 */
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { reportSchema } from '../../src/core/report';
import { markOutput, outputMark } from '../../src/xlsx/output-mark';
import { sameFile, writeOutput } from '../../src/xlsx/output-file';
import { personId } from '../helpers/ids';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-outputs-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[]) => runCli(argv, dir);
const sha = async (p: string) => createHash('sha256').update(await fsp.readFile(p)).digest('hex');

async function county(rel: string, region: string, seqs: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow([`推荐单位（盖章）：${region}`, null, null, null, null, null, null, '填表日期：2025年11月3日']);
  ws.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
  seqs.forEach((s, i) => ws.addRow([i + 1, `人员${s}`, Number(s) % 2 ? '男' : '女', '汉族', '群众', '大学本科', `${region}财政局`, '机关', '科员', personId('19800101', s), '13899990001', null]));
  const p = path.join(dir, rel);
  await fsp.mkdir(path.dirname(p), { recursive: true });
  await wb.xlsx.writeFile(p);
  return p;
}

describe('output paths', () => {
  let input: string;
  beforeAll(async () => {
    input = await county('in.xlsx', '伊宁市', ['101', '102']);
    await fsp.symlink(input, path.join(dir, 'sym.html'));
    await fsp.link(input, path.join(dir, 'hard.html'));
    await fsp.mkdir(path.join(dir, 'linkdir'));
    await fsp.symlink(dir, path.join(dir, 'linkdir', 'up'));
  });

  const cases: [string, string[], RegExp][] = [
    ['--report through a symbolic link to the input', ['check', 'in.xlsx', '--report', 'sym.html'], /--report 的输出 sym\.html 就是输入文件 in\.xlsx/],
    ['--report through a hard link to the input', ['check', 'in.xlsx', '--report', 'hard.html'], /--report 的输出 hard\.html 就是输入文件/],
    ['--report through a linked folder', ['check', 'in.xlsx', '--report', 'linkdir/up/in.xlsx'], /--report 的输出 .* 就是输入文件/],
    ['--annotate through a hard link', ['check', 'in.xlsx', '--annotate', 'hard.html'], /--annotate 的输出 hard\.html 就是输入文件/],
    ['--annotate and --report the same file', ['check', 'in.xlsx', '--annotate', 'x.xlsx', '--report', 'x.xlsx'], /--annotate x\.xlsx 与 --report x\.xlsx 是同一个文件/],
    ['fill -o through a symbolic link', ['fill', 'in.xlsx', '-o', 'sym.xlsx'], /-o 的输出 sym\.xlsx 就是输入文件/],
    ['merge -o through a hard link', ['merge', 'in.xlsx', '-o', 'hard.xlsx'], /就是输入文件|不能是/],
  ];
  beforeAll(async () => {
    await fsp.symlink(input, path.join(dir, 'sym.xlsx'));
    await fsp.link(input, path.join(dir, 'hard.xlsx'));
  });
  test.each(cases)('%s: refused, the input untouched', async (_label, argv, message) => {
    const before = await sha(input);
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(await sha(input)).toBe(before);
  });

  test('writeOutput replaces a link, never the file behind it', async () => {
    const victim = path.join(dir, 'victim.txt');
    await fsp.writeFile(victim, 'keep me');
    await fsp.symlink(victim, path.join(dir, 'out-link.html'));
    await writeOutput(path.join(dir, 'out-link.html'), 'report');
    expect(await fsp.readFile(victim, 'utf8')).toBe('keep me');
    expect(await fsp.readFile(path.join(dir, 'out-link.html'), 'utf8')).toBe('report');
    expect((await fsp.lstat(path.join(dir, 'out-link.html'))).isSymbolicLink()).toBe(false);
  });

  test('sameFile: paths, links, a file not written yet inside a linked folder', async () => {
    expect(await sameFile(input, path.join(dir, '.', 'in.xlsx'))).toBe(true);
    expect(await sameFile(input, path.join(dir, 'hard.xlsx'))).toBe(true);
    expect(await sameFile(path.join(dir, 'new.xlsx'), path.join(dir, 'linkdir', 'up', 'new.xlsx'))).toBe(true);
    expect(await sameFile(input, path.join(dir, 'other.xlsx'))).toBe(false);
  });
});

describe('directories', () => {
  test('read recursively; other formats named with the reason; the tool\'s own outputs not read back', async () => {
    const root = path.join(dir, 'counties');
    await county('counties/伊宁市/附件3.xlsx', '伊宁市', ['111', '112']);
    await county('counties/奎屯市/sub/附件3.xlsx', '奎屯市', ['121', '122']);
    await fsp.writeFile(path.join(root, '霍城县.csv'), '序号,姓名\n1,张三\n');
    await fsp.writeFile(path.join(root, '察布查尔县.et'), 'x');
    await fsp.writeFile(path.join(root, '伊宁市', '~$附件3.xlsx'), 'lock');
    await fsp.writeFile(path.join(root, '扫描件.pdf'), '%PDF');
    const first = await cli(['merge', 'counties', '-o', 'counties/merged.xlsx', '--json']);
    expect([0, 1]).toContain(first.code);
    const doc1 = reportSchema.parse(JSON.parse(first.out));
    expect(doc1.files.map((f) => f.path).sort()).toEqual([path.join('counties', '伊宁市', '附件3.xlsx'), path.join('counties', '奎屯市', 'sub', '附件3.xlsx')].sort());
    expect(first.err).toMatch(/已跳过 counties\/霍城县\.csv：CSV 文本文件.*另存为 \.xlsx/);
    expect(first.err).toMatch(/已跳过 counties\/察布查尔县\.et：WPS 表格文件/);
    expect(first.err).toMatch(/已跳过 counties\/伊宁市\/~\$附件3\.xlsx：Office 临时锁定文件/);
    expect(first.err).toMatch(/另有 1 个非表格文件未读取（\.pdf）/);
    expect(outputMark(await fsp.readFile(path.join(root, 'merged.xlsx')))).toBe('merge');
    // Run again: the merged workbook now sits in the folder and is not read as a third county.
    const again = await cli(['merge', 'counties', '-o', 'counties/merged.xlsx', '--json']);
    const doc2 = reportSchema.parse(JSON.parse(again.out));
    expect(doc2.files).toHaveLength(2);
    expect(doc2.findings.filter((f) => f.rule === 'dup.cross-file')).toEqual([]);
    expect(again.err).toMatch(/已跳过 counties\/merged\.xlsx：这是 award-tally merge 先前写出的文件/);
    // Named explicitly, it is read.
    const named = await cli(['check', 'counties/merged.xlsx', '--json']);
    expect(reportSchema.parse(JSON.parse(named.out)).files[0].error).toBeNull();
  }, 60_000);

  test('fill and --annotate outputs carry the mark; a marked workbook still opens in ExcelJS', async () => {
    await county('m/in.xlsx', '伊宁市', ['131']);
    await cli(['fill', 'm/in.xlsx', '-o', 'm/in.filled.xlsx']);
    await cli(['check', 'm/in.xlsx', '--annotate', 'm/in.annotated.xlsx']);
    expect(outputMark(await fsp.readFile(path.join(dir, 'm/in.filled.xlsx')))).toBe('fill');
    expect(outputMark(await fsp.readFile(path.join(dir, 'm/in.annotated.xlsx')))).toBe('annotate');
    expect(outputMark(await fsp.readFile(path.join(dir, 'm/in.xlsx')))).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fsp.readFile(path.join(dir, 'm/in.filled.xlsx'))) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('附件3')?.getCell('B3').value).toBe('人员131');
    // Marking twice keeps one property.
    const twice = markOutput(markOutput(await fsp.readFile(path.join(dir, 'm/in.xlsx')), 'fill'), 'mask');
    expect(outputMark(twice)).toBe('mask');
    const r = await cli(['check', 'm', '--json']);
    expect(reportSchema.parse(JSON.parse(r.out)).files.map((f) => f.path)).toEqual([path.join('m', 'in.xlsx')]);
  }, 60_000);
});
