/**
 * The fast XML scanner (src/xlsx/xml-scan.ts) against the full parser (saxes, through sax.ts and feedSax): the same
 * tags, attributes and text for every document of its subset, however the text is cut into chunks; XmlScanError for
 * everything outside it, and then the reader falls back to the full parser and gives the same workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { saxEvents } from '../../src/xlsx/sax';
import { feedSax, SharedStringsWalker, SheetWalker, type StyleInfo } from '../../src/xlsx/sheet-walk';
import { decodeXmlText, scanXml, XmlScanError, type AttrList, type XmlHandler } from '../../src/xlsx/xml-scan';
import { readWorkbookBytes } from '../../src/xlsx/read-xlsx';
import { findSoffice, runSoffice } from '../../src/xlsx/read';
import { makeXlsx } from './helpers/zip';

/** Records what a handler sees; adjacent text pieces are joined (the two feeds cut text differently). */
class Recorder implements XmlHandler {
  readonly log: string[] = [];
  private depth = 0;
  open(local: string, attrs: AttrList, n: number): void {
    const pairs: string[] = [];
    for (let i = 0; i < n; i += 2) pairs.push(`${attrs[i]}=${JSON.stringify(attrs[i + 1])}`);
    this.log.push(`<${local} ${pairs.sort().join(' ')}>`);
    this.depth++;
  }
  close(local: string): void {
    this.log.push(`</${local}>`);
    this.depth--;
  }
  text(t: string): void {
    if (this.depth === 0) return;
    const last = this.log.length - 1;
    if (last >= 0 && this.log[last].startsWith('T:')) this.log[last] += t;
    else this.log.push('T:' + t);
  }
  wantText(): boolean {
    return true;
  }
}

function viaSax(xml: string): string[] {
  const r = new Recorder();
  feedSax(saxEvents([xml]), r);
  return r.log;
}

function viaScan(chunks: string[]): string[] {
  const r = new Recorder();
  scanXml(chunks, r);
  return r.log;
}

/** Every cut of the text in two, and the text one character at a time. */
function cuts(xml: string): string[][] {
  const out: string[][] = [[xml], [...xml]];
  for (let k = 1; k < xml.length; k++) out.push([xml.slice(0, k), xml.slice(k)]);
  return out;
}

const SUBSET: [string, string][] = [
  ['declaration and namespaces', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:a xmlns:x="urn:x"><x:b r="1"/></x:a>'],
  ['entities in text and attributes', `<a t="&lt;&amp;&gt;&quot;&apos;"><v>1 &lt; 2 &amp;&amp; &#x4E2D;&#25991;</v></a>`],
  ['single quotes and > inside a value', `<a k='say "hi"' g="a>b"><b/></a>`],
  ['whitespace inside tags', '<a  r = "1"\n\tt=\'2\' ><b\n/></a  >'],
  ['CDATA and comments', '<a><!-- a <comment> --><v><![CDATA[x < y & ]] z]]></v><!----></a>'],
  ['text with Chinese and emoji', '<a><t xml:space="preserve"> 伊宁市 😀 </t></a>'],
  ['processing instruction inside', '<a><?mso-application progid="Excel.Sheet"?><b>1</b></a>'],
  ['empty element forms', '<a><v></v><v/><t> </t></a>'],
  ['a row of cells', '<sheetData><row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="B2" s="3"><f>A2*2</f><v>84</v></c></row></sheetData>'],
];

describe('scanXml gives what the full parser gives', () => {
  it.each(SUBSET)('%s, cut anywhere', (_name, xml) => {
    const expected = viaSax(xml);
    expect(expected.length).toBeGreaterThan(1);
    for (const chunks of cuts(xml)) expect(viaScan(chunks)).toEqual(expected);
  });
});

describe('decodeXmlText', () => {
  it.each([
    ['a&amp;b', 'a&b'],
    ['&lt;&gt;&quot;&apos;', `<>"'`],
    ['&#65;&#x42;&#X43;', 'ABC'],
    ['&#x1F600;', '😀'],
    ['plain', 'plain'],
  ])('%s → %s', (raw, text) => {
    if (raw.includes('&#X')) expect(() => decodeXmlText(raw)).toThrow(XmlScanError);
    else expect(decodeXmlText(raw)).toBe(text);
  });
  it.each(['&nbsp;', '&#0;', '&#xD800;', '&#xZZ;', '&#12a;', '&constructor;', '& b', '&amp'])('%s is outside the subset', (raw) => {
    expect(() => decodeXmlText(raw)).toThrow(XmlScanError);
  });
});

describe('outside the subset: XmlScanError, never a wrong reading', () => {
  it.each([
    ['DOCTYPE', '<!DOCTYPE a><a/>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['mismatched end tag', '<a><b></a></b>'],
    ['end tag with a longer name', '<a><c></cx></a>'],
    ['unclosed element', '<a><b></b>'],
    ['text outside the root', 'x<a/>'],
    ['a second root', '<a/><b/>'],
    ['unquoted attribute', '<a r=1/>'],
    ['attribute without a value', '<a r/>'],
    ['a lone <', '<a>< b</a>'],
    ['ends inside a tag', '<a><b r="1"'],
    ['no root', '<?xml version="1.0"?>'],
    ['a declaration inside', '<a><?xml version="1.0"?></a>'],
  ])('%s', (_name, xml) => {
    expect(() => viaScan([xml])).toThrow(XmlScanError);
  });
  it('a tag longer than 1 MB', () => {
    const xml = `<a><b v="${'x'.repeat(1 << 21)}"/></a>`;
    const chunks: string[] = [];
    for (let i = 0; i < xml.length; i += 65536) chunks.push(xml.slice(i, i + 65536));
    expect(() => viaScan(chunks)).toThrow(XmlScanError);
  });
});

// ---- the worksheet walker, fed both ways ----

const STYLES: StyleInfo[] = [
  { fmt: null, date: false },
  { fmt: '@', date: false },
  { fmt: 'yyyy"年"m"月"d"日"', date: true },
];
const STRINGS = ['序号', '姓名', '努尔艾力·阿不都热合曼', null, '654002199001010012'];

function walkBoth(xml: string, chunks: string[]) {
  const meter = { cell() {} };
  const a = new SheetWalker('S', STRINGS, STYLES, false, meter);
  feedSax(saxEvents([xml]), a);
  const b = new SheetWalker('S', STRINGS, STYLES, false, meter);
  scanXml(chunks, b);
  return [a.result(), b.result()];
}

/** A deterministic pseudo-random sequence (no flaky tests). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function randomSheet(rand: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const p = rand() < 0.3 ? 'x:' : '';
  const sp = () => pick(['', ' ', '\n  ']);
  const rows: string[] = [];
  let r = 0;
  for (let k = 0; k < 12; k++) {
    r += 1 + Math.floor(rand() * 3);
    const cells: string[] = [];
    let c = Math.floor(rand() * 3);
    for (let j = 0; j < 5; j++) {
      c += 1 + Math.floor(rand() * 2);
      const ref = rand() < 0.9 ? ` r="${String.fromCharCode(64 + c)}${r}"` : '';
      const s = rand() < 0.4 ? ` s="${Math.floor(rand() * 3)}"` : '';
      const kind = pick(['s', 'n', 'str', 'inline', 'rich', 'b', 'e', 'empty', 'cdata', 'd']);
      const cell = (t: string, body: string) => `<${p}c${ref}${s}${t}${sp()}>${body}</${p}c${sp()}>`;
      switch (kind) {
        case 's':
          cells.push(cell(' t="s"', `<${p}v>${Math.floor(rand() * 5)}</${p}v>`));
          break;
        case 'n':
          cells.push(cell('', `<${p}f>ROW()-2</${p}f><${p}v>${pick(['42', '1.5E-3', '-0.25', '45963', 'NaN', ''])}</${p}v>`));
          break;
        case 'str':
          cells.push(cell(' t="str"', `<${p}f>A1&amp;"x"</${p}f><${p}v>a &amp; b_x000D_c</${p}v>`));
          break;
        case 'inline':
          cells.push(cell(` t='inlineStr'`, `<${p}is><${p}t xml:space="preserve"> 伊犁 &lt;州&gt; </${p}t></${p}is>`));
          break;
        case 'rich':
          cells.push(
            cell(
              ' t="inlineStr"',
              `<${p}is><${p}r><${p}t>张</${p}t></${p}r><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>三</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ちょう</${p}t></${p}rPh></${p}is>`,
            ),
          );
          break;
        case 'b':
          cells.push(cell(' t="b"', `<${p}v>${pick(['0', '1'])}</${p}v>`));
          break;
        case 'e':
          cells.push(cell(' t="e"', `<${p}v>#N/A</${p}v>`));
          break;
        case 'empty':
          cells.push(`<${p}c${ref}${s}/>`);
          break;
        case 'cdata':
          cells.push(cell(' t="str"', `<${p}v><![CDATA[<b> & ]]></${p}v>`));
          break;
        case 'd':
          cells.push(cell(' t="d"', `<${p}v>2025-11-03T00:00:00Z</${p}v>`));
          break;
      }
    }
    rows.push(`<${p}row r="${r}"${sp()}>${cells.join(sp())}</${p}row>`);
  }
  const ns = p ? ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}><!-- made by hand --><${p}sheetData>${rows.join('\n')}</${p}sheetData>` +
    `<${p}mergeCells count="1"><${p}mergeCell ref="A2:B3"/></${p}mergeCells></${p}worksheet>`
  );
}

describe('SheetWalker: the same grid from both feeds', () => {
  it('on 300 random sheets, each cut into random chunks', () => {
    const rand = rng(20261206);
    for (let k = 0; k < 300; k++) {
      const xml = randomSheet(rand);
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; ) {
        const len = 1 + Math.floor(rand() * (rand() < 0.5 ? 8 : 400));
        chunks.push(xml.slice(i, i + len));
        i += len;
      }
      const [full, fast] = walkBoth(xml, chunks);
      expect(fast).toEqual(full);
      expect(full.values.length).toBeGreaterThan(0);
    }
  });

  it('reads the values a sheet holds, not just the same as the full parser', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>2</v></c><c r="C1" s="1" t="s"><v>4</v></c></row>' +
      '<row r="3"><c r="B3" s="2"><v>45964</v></c><c r="C3" t="inlineStr"><is><t>a&amp;b</t></is></c></row></sheetData>' +
      '<mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const [, fast] = walkBoth(xml, [xml]);
    expect(fast.values[0]).toEqual(['努尔艾力·阿不都热合曼', null, '654002199001010012']);
    expect(fast.values[1]).toEqual([]);
    expect(fast.values[2][1]).toEqual(new Date(Date.UTC(2025, 10, 3)));
    expect(fast.values[2][2]).toBe('a&b');
    expect(fast.numberFormats?.[0][2]).toBe('@');
    expect(fast.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it('shared strings: rich runs joined, phonetic guides left out, both ways', () => {
    const xml = '<sst><si><t>伊宁</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>x</t></rPh></si><si/><si><t>_x000D_</t></si></sst>';
    const a = new SharedStringsWalker();
    feedSax(saxEvents([xml]), a);
    for (const chunks of cuts(xml)) {
      const b = new SharedStringsWalker();
      scanXml(chunks, b);
      expect(b.strings).toEqual(a.strings);
    }
    expect(a.strings).toEqual(['伊宁', '张三', null, '\r']);
  });
});

describe('the reader falls back to the full parser', () => {
  // makeXlsx wraps each sheet's body in the declaration and the <worksheet> element.
  const body = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData>';

  it('a worksheet outside the subset (a comment over 1 MB) reads as without it', async () => {
    const plain = await readWorkbookBytes(makeXlsx({ sheets: [{ name: '附件3', xml: body }], sharedStrings: ['姓名'] }), { name: 'a' });
    const xml = `<!--${'注'.repeat(600_000)}-->${body}`;
    const odd = await readWorkbookBytes(makeXlsx({ sheets: [{ name: '附件3', xml }], sharedStrings: ['姓名'] }), { name: 'a' });
    expect(plain.sheets[0].values).toEqual([['姓名', 7]]);
    expect(odd.sheets[0].values).toEqual(plain.sheets[0].values);
  });

  it('a malformed worksheet is still reported as damaged', async () => {
    const bad = makeXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' }] });
    await expect(readWorkbookBytes(bad, { name: 'a' })).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('every bundled workbook reads the same with both parsers', () => {
  const ROOT = path.join(__dirname, '../..');
  const files = ['examples', 'examples/counties'].flatMap((d) =>
    fs.readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(ROOT, d, f)),
  );

  async function same(file: string) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const full = await readWorkbookBytes(bytes, { name: 'x', parser: 'full' }).catch((e) => e);
    const fast = await readWorkbookBytes(bytes, { name: 'x' }).catch((e) => e);
    expect(fast).toEqual(full);
    return full;
  }

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', async (_rel, file) => {
    await same(file);
  });

  it('and after LibreOffice saved them', async () => {
    const soffice = await findSoffice();
    if (!soffice) {
      console.log('skipped: the LibreOffice round trip (soffice not installed)');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-scan-lo-'));
    try {
      const picked = files.filter((f) => /annex3-mistakes|layouts-merged|qc-stats-faulty|register-merged-regions/.test(f));
      expect(picked.length).toBe(4);
      await runSoffice(soffice, dir, ['--convert-to', 'xlsx', '--outdir', path.join(dir, 'lo'), ...picked], 240_000);
      const out = fs.readdirSync(path.join(dir, 'lo'));
      expect(out.length).toBe(4);
      for (const f of out) {
        const grid = await same(path.join(dir, 'lo', f));
        expect(grid.sheets.length).toBeGreaterThan(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('hostile text: the scanner ends in a result or XmlScanError, never another error or a hang', () => {
  it('on 2,000 mutations of a sheet (characters deleted, doubled or replaced by markup characters)', () => {
    const rand = rng(42);
    const base = randomSheet(rand);
    const marks = ['<', '>', '"', "'", '&', '/', '=', ';', '<!--', '<![CDATA[', ']]>', '&#x', '</', '?>', ' '];
    let scanned = 0;
    let refused = 0;
    for (let k = 0; k < 2000; k++) {
      let xml = base;
      for (let m = 1 + Math.floor(rand() * 4); m > 0; m--) {
        const at = Math.floor(rand() * xml.length);
        const op = rand();
        if (op < 0.3) xml = xml.slice(0, at) + xml.slice(at + 1 + Math.floor(rand() * 6));
        else if (op < 0.5) xml = xml.slice(0, at) + xml.slice(at, at + 5) + xml.slice(at);
        else xml = xml.slice(0, at) + marks[Math.floor(rand() * marks.length)] + xml.slice(at + (rand() < 0.5 ? 1 : 0));
      }
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; ) {
        const len = 1 + Math.floor(rand() * 300);
        chunks.push(xml.slice(i, i + len));
        i += len;
      }
      const t = Date.now();
      try {
        scanXml(chunks, new SheetWalker('S', STRINGS, STYLES, false, { cell() {} }));
        scanned++;
      } catch (e) {
        expect(e).toBeInstanceOf(XmlScanError);
        refused++;
      }
      expect(Date.now() - t).toBeLessThan(1000);
    }
    // Both outcomes occur: the mutations are not all harmless, nor all fatal.
    expect(scanned).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
