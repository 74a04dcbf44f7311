import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { reportSchema, type ReportDocument } from '../../src/core/report';
import { calcCheckDigit } from '../../src/core/identifiers/resident-id';
import { MARK_FILL } from '../../src/xlsx/annotate';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-cli-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], opts: { ttyErr?: boolean; ttyOut?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: opts.ttyOut ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: opts.ttyErr ?? false, columns: 100 },
    env: opts.env ?? {},
    cwd: dir,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

function json(run: Run): ReportDocument {
  return reportSchema.parse(JSON.parse(run.out));
}

const id = (first17: string) => first17 + calcCheckDigit(first17);
const GOOD_IDS = [id('65400219900101001'), id('65400219851212002'), id('11010519700305003')];

const INDIVIDUAL_HEADER = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注'];

/** A small 附件3 individual table; `rows` replace the default good rows. */
async function annex3(name: string, rows?: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表']);
  ws.addRow(['推荐单位（盖章）：伊宁市', null, null, null, null, null, null, '填表日期：2025年11月3日']);
  ws.addRow(['二、伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表']);
  ws.addRow(INDIVIDUAL_HEADER);
  const data = rows ?? [
    [1, '张三', '男', '汉族', '中共党员', '大学本科', '伊宁市财政局', '机关', '科长', GOOD_IDS[0], '13899990001', null],
    [2, '李四', '女', '哈萨克族', '群众', '硕士研究生', '伊宁市第一中学', '事业', '教师', GOOD_IDS[1], '13899990002', null],
    [3, '王五', '男', '回族', '中共党员', '大学本科', '伊宁市某公司', '企业', '经理', GOOD_IDS[2], '0999-8012345', null],
  ];
  for (const r of data) {
    const row = ws.addRow(r);
    row.getCell(10).numFmt = '@';
  }
  const p = path.join(dir, name);
  await fsp.mkdir(path.dirname(p), { recursive: true });
  await wb.xlsx.writeFile(p);
  return p;
}

async function withWrongChecksum(name: string): Promise<string> {
  const bad = GOOD_IDS[0].slice(0, 17) + (GOOD_IDS[0][17] === '9' ? '0' : GOOD_IDS[0][17] === 'X' ? '1' : String(Number(GOOD_IDS[0][17]) + 1));
  return annex3(name, [[1, '张三', '男', '汉族', '中共党员', '大学本科', '伊宁市财政局', '机关', '科长', bad, '13899990001', null]]);
}

async function sha(p: string): Promise<string> {
  return createHash('sha256').update(await fsp.readFile(p)).digest('hex');
}

describe('usage', () => {
  test('--help and --version', async () => {
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/award-tally check/);
    expect(h.out).toMatch(/退出码/);
    expect((await cli(['--help', '--lang', 'en'])).out).toMatch(/Exit status/);
    expect((await cli(['check', '--help'])).code).toBe(0);
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('no arguments, unknown option, unknown or planned command, bad --lang: exit 2 with usage', async () => {
    expect((await cli([])).code).toBe(2);
    const u = await cli(['check', '--frobnicate', 'x.xlsx']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/未知选项 --frobnicate/);
    expect(u.err).toMatch(/--help/);
    expect(u.out).toBe('');
    expect((await cli(['check', '--frobnicate', '--lang', 'en'])).err).toMatch(/unknown option --frobnicate/);
    expect((await cli(['frobnicate'])).err).toMatch(/未知命令/);
    expect((await cli(['mask', 'a.xlsx'])).err).toMatch(/请用 -o 指定公示输出文件/);
    expect((await cli(['fill', 'a.xlsx'])).err).toMatch(/请用 -o 指定输出文件/);
    expect((await cli(['check', 'a.xlsx', '--lang', 'fr'])).code).toBe(2);
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['check', 'a.xlsx', '--report'])).err).toMatch(/缺少参数值/);
  });

  test('unknown profile id and an invalid profile file: exit 2 with the reason', async () => {
    const p = await annex3('prof/a.xlsx');
    const r = await cli(['check', p, '--profile', 'no-such-award']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no-such-award/);
    await fsp.writeFile(path.join(dir, 'bad.json'), '{"id": "x", "name": "y", "unitTypes": []}');
    const b = await cli(['check', p, '--profile', 'bad.json']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/配置文件 bad\.json 有误/);
    expect(b.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('check', () => {
  test('a clean workbook: exit 0; --json prints exactly one valid report and nothing else', async () => {
    const p = await annex3('clean.xlsx');
    const r = await cli(['check', p, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = json(r);
    expect(doc.schema).toBe('award-tally/report@1');
    expect(doc.files).toEqual([{ path: p, error: null, tables: [{ sheet: '附件3', kind: 'annex3.individual', range: 'A4:L7', rows: 3 }] }]);
    expect(doc.summary.errors).toBe(0);
    // one document: the whole stdout is one JSON value
    expect(r.out.trim().startsWith('{')).toBe(true);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });

  test('error findings: exit 1, JSON and the terminal summary grouped by rule', async () => {
    const p = await withWrongChecksum('wrong.xlsx');
    const j = await cli(['check', p, '--json']);
    expect(j.code).toBe(1);
    const doc = json(j);
    const f = doc.findings.find((x) => x.rule === 'id.checksum');
    expect(f).toMatchObject({ file: p, sheet: '附件3', cell: 'J5', severity: 'error' });
    const t = await cli(['check', p]);
    expect(t.code).toBe(1);
    expect(t.out).toMatch(/id\.checksum × 1/);
    expect(t.out).toMatch(/附件3!J5/);
    expect(t.out).not.toMatch(/\x1b\[/); // no colour when stdout is not a terminal
    const c = await cli(['check', p], { ttyOut: true });
    expect(c.out).toMatch(/\x1b\[31m/);
    expect((await cli(['check', p], { ttyOut: true, env: { NO_COLOR: '1' } })).out).not.toMatch(/\x1b\[/);
    const en = await cli(['check', p, '--lang', 'en']);
    expect(en.out).toMatch(/1 error/);
    expect(en.out).toMatch(/check character/i);
  });

  test('unreadable inputs: files[i].error with code and message; exit 2 when nothing could be read', async () => {
    const txt = path.join(dir, 'text.xlsx');
    await fsp.writeFile(txt, '序号,姓名\n1,张三\n');
    const r = await cli(['check', txt, '--json']);
    expect(r.code).toBe(2);
    const doc = json(r);
    expect(doc.files[0].error?.code).toBe('not-workbook');
    expect(doc.files[0].error?.message).toMatch(/另存为/);
    expect(doc.files[0].tables).toEqual([]);
    const missing = await cli(['check', 'nope.xlsx', '--json']);
    expect(missing.code).toBe(2);
    expect(json(missing).files[0].error?.code).toBe('not-found');
    const term = await cli(['check', txt]);
    expect(term.code).toBe(2);
    expect(term.out).toMatch(/✗ .*text\.xlsx — 该文件不是 Excel 工作簿/);
    expect(term.err).not.toMatch(/\n\s+at /);
  });

  test('one readable clean file and one unreadable: the other file is still checked, exit 1', async () => {
    const good = await annex3('mixed/good.xlsx');
    const bad = path.join(dir, 'mixed', 'old.xls');
    await fsp.writeFile(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r = await cli(['check', good, bad, '--json']);
    expect(r.code).toBe(1);
    const doc = json(r);
    expect(doc.files.map((f) => f.error?.code ?? null)).toEqual([null, expect.any(String)]);
    expect(doc.files[0].tables).toHaveLength(1);
  });

  test('a workbook without a recognisable table: read, tables [], one workbook.no-table warning, exit 0, said in the summary', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('事迹材料').getCell('A1').value = '先进事迹材料';
    const p = path.join(dir, 'story.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await cli(['check', p, '--json']);
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.files).toEqual([{ path: p, error: null, tables: [] }]);
    expect(doc.findings.map((f: { rule: string; severity: string; cell: string }) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual(['A1 workbook.no-table warning']);
    expect((await cli(['check', p])).out).toMatch(/未找到可识别的表格/);
  });

  test('directories: their .xlsx/.xls files, lock files and other files skipped; an empty directory is a usage error', async () => {
    const d = path.join(dir, 'county');
    await annex3('county/a.xlsx');
    // Another county's nominee: files of one run are checked together, the same person twice would be dup.cross-file.
    await annex3('county/b.xlsx', [[1, '赵六', '男', '汉族', '群众', '大学本科', '伊宁县某公司', '企业', '经理', id('65400219900101011'), '13899990004', null]]);
    await fsp.writeFile(path.join(d, '~$a.xlsx'), 'lock');
    await fsp.writeFile(path.join(d, 'readme.txt'), 'x');
    const r = await cli(['check', 'county', '--json']);
    expect(r.code).toBe(0);
    expect(json(r).files.map((f) => f.path)).toEqual([path.join('county', 'a.xlsx'), path.join('county', 'b.xlsx')]);
    await fsp.mkdir(path.join(dir, 'nothing'), { recursive: true });
    const e = await cli(['check', 'nothing']);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/没有/);
  });

  test('progress on stderr only with more than 3 files, when forced or on a terminal, never in --json unless forced', async () => {
    for (const n of ['1', '2', '3', '4']) await annex3(`many/${n}.xlsx`);
    const forced = await cli(['check', 'many', '--progress']);
    expect(forced.err).toMatch(/\[1\/4\]/);
    expect(forced.out).not.toMatch(/\[1\/4\]/);
    expect((await cli(['check', 'many'])).err).toBe('');
    expect((await cli(['check', 'many'], { ttyErr: true })).err).toMatch(/\r\x1b\[K\[#*\.*\] \d\/4/);
    const j = await cli(['check', 'many', '--json'], { ttyErr: true });
    expect(j.err).toBe('');
    expect(() => JSON.parse(j.out)).not.toThrow();
    expect((await cli(['check', 'many/1.xlsx', 'many/2.xlsx', '--progress'])).err).toBe('');
  });
});

describe('--annotate', () => {
  test('writes a marked copy; the input is byte-for-byte untouched', async () => {
    const p = await withWrongChecksum('annot/in.xlsx');
    const before = await sha(p);
    const out = path.join(dir, 'annot', 'out.xlsx');
    const r = await cli(['check', p, '--annotate', out]);
    expect(r.code).toBe(1);
    expect(await sha(p)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet('附件3')!.getCell('J5');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_FILL.error);
    const note = cell.note as ExcelJS.Comment | string;
    const text = typeof note === 'string' ? note : (note.texts ?? []).map((x) => x.text).join('');
    expect(text).toMatch(/id\.checksum/);
    // Cells sharing the style of the marked one keep their look.
    expect((wb.getWorksheet('附件3')!.getCell('J4').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(MARK_FILL.error);
    expect(r.out).toMatch(/已写出标注副本/);
  });

  test('refuses to write over the input', async () => {
    const p = await withWrongChecksum('annot/self.xlsx');
    const before = await sha(p);
    const r = await cli(['check', p, '--annotate', p]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输入文件从不被修改|不能覆盖/);
    expect(await sha(p)).toBe(before);
    const rel = await cli(['check', p, '--annotate', path.join('annot', '.', 'self.xlsx')]);
    expect(rel.code).toBe(2);
    expect(await sha(p)).toBe(before);
  });

  test('several inputs: a directory is required, one copy per file', async () => {
    const a = await withWrongChecksum('annot2/a.xlsx');
    const b = await annex3('annot2/b.xlsx');
    const bad = await cli(['check', a, b, '--annotate', path.join(dir, 'one.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/目录/);
    const ok = await cli(['check', a, b, '--annotate', 'marked/']);
    expect(ok.code).toBe(1);
    expect((await fsp.readdir(path.join(dir, 'marked'))).sort()).toEqual(['a.annotated.xlsx', 'b.annotated.xlsx']);
  });
});

describe('--report', () => {
  test('self-contained HTML with masked ID numbers', async () => {
    const p = await withWrongChecksum('rep/in.xlsx');
    const r = await cli(['check', p, '--report', 'rep/report.html', '--json']);
    expect(r.code).toBe(1);
    json(r); // stdout still exactly one JSON document
    const html = await fsp.readFile(path.join(dir, 'rep', 'report.html'), 'utf8');
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/id\.checksum/);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    const full = GOOD_IDS[0].slice(0, 17);
    expect(html).not.toContain(full);
    expect(html).toContain(GOOD_IDS[0].slice(0, 6) + '********');
  });

  test('an unwritable report path: exit 2, one line', async () => {
    const p = await annex3('rep2/in.xlsx');
    const r = await cli(['check', p, '--report', path.join(dir, 'no', 'such', 'dir', 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('template', () => {
  test('annex3 -o writes the template; other kinds and a missing -o are usage errors', async () => {
    const r = await cli(['template', 'annex3', '-o', 'tpl.xlsx']);
    expect(r.code).toBe(0);
    expect((await fsp.stat(path.join(dir, 'tpl.xlsx'))).size).toBeGreaterThan(1000);
    const check = await cli(['check', 'tpl.xlsx', '--json']);
    expect(json(check).files[0].tables.map((t) => t.kind)).toEqual(['annex3.collective', 'annex3.individual']);
    // qc-stats is written now (test/xlsx/template-stats.test.ts).
    const q = await cli(['template', 'qc-stats', '-o', 'q.xlsx']);
    expect(q.code).toBe(0);
    expect((await cli(['template', 'nope', '-o', 'q.xlsx', '--lang', 'en'])).err).toMatch(/No template named "nope"/);
    expect((await cli(['template', 'annex3'])).err).toMatch(/-o/);
  });

  // The title names the award given with --profile, for every kind; without it, the seed's own titles.
  test.each([
    ['annex3', 'jilin-2025-quality', '吉林省质量奖先进集体和先进个人推荐对象汇总表'],
    ['annex3', null, '伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表'],
    ['qc-stats', 'nantong-2020-mayor', '2020年南通市市长质量奖'],
    ['qc-stats', null, '质 量 管 理 小 组 活 动 统 计 表'],
    ['team-stats', 'jilin-2025-quality', '吉林省质量奖'],
    ['quota', 'jilin-2025-quality', '吉林省质量奖推荐名额表'],
    ['quota', null, '推荐名额表'],
    ['register', 'nantong-2020-mayor', '2020年南通市市长质量奖申报登记表'],
  ])('template %s --profile %s: the title carries %s', async (kind, profile, title) => {
    const out = `t-${kind}-${profile ?? 'none'}.xlsx`;
    const r = await cli(['template', kind, '-o', out, ...(profile ? ['--profile', profile] : [])]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, out));
    const ws = wb.worksheets.find((w) => !w.state || w.state === 'visible')!;
    const head: string[] = [];
    for (let row = 1; row <= 3; row++) ws.getRow(row).eachCell((c) => typeof c.value === 'string' && head.push(c.value));
    expect(head.join('\n')).toContain(title);
  });
});

describe('never a stack trace', () => {
  test('an unexpected failure becomes one line; AWARD_TALLY_DEBUG=1 adds the stack', async () => {
    const p = await annex3('crash.xlsx');
    const boom = (debug: boolean) => {
      let err = '';
      const io: CliIO = {
        stdout: {
          write: () => {
            throw new Error('disk full');
          },
        },
        stderr: { write: (s: string) => (err += s) },
        env: debug ? { AWARD_TALLY_DEBUG: '1' } : {},
        cwd: dir,
      };
      return main(['check', p], io).then((code) => ({ code, err }));
    };
    const plain = await boom(false);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/^award-tally: 内部错误：disk full/);
    expect(plain.err.trim().split('\n')).toHaveLength(1);
    const debug = await boom(true);
    expect(debug.err).toMatch(/\n\s+at /);
  });
});

describe('JSON writer', () => {
  test('writeJson prints the same document as JSON.stringify, in SPEC key order', async () => {
    const { writeJson } = await import('../../src/cli/check');
    const doc = reportSchema.parse({
      schema: 'award-tally/report@1',
      files: [{ path: 'a.xlsx', error: null, tables: [] }],
      findings: Array.from({ length: 4500 }, (_, i) => ({ file: 'a.xlsx', sheet: 'S', cell: `A${i + 1}`, rule: 'seq.gap', severity: 'warning', message: `“${i}”\n`, value: null, fix: null })),
      tally: { byRegion: [], byCategory: [] },
      summary: { errors: 0, warnings: 4500, infos: 0 },
    });
    for (const d of [doc, { ...doc, findings: [] }]) {
      let s = '';
      writeJson(d, { write: (x: string) => (s += x) });
      expect(JSON.parse(s)).toEqual(d);
      expect(Object.keys(JSON.parse(s))).toEqual(['schema', 'files', 'findings', 'tally', 'summary']);
    }
  });
});
