/**
 * A fast XML tokenizer for the large parts of a workbook (worksheets, shared strings), with no Node API.
 *
 * The parts Excel, WPS and LibreOffice write use a small subset of XML: elements with quoted attributes, the five
 * predefined entities and character references, an XML declaration, now and then a comment or a CDATA section.
 * This scanner handles exactly that subset, calls its handler for each tag, and decodes text only while the
 * handler asks for it (most text of a sheet is skipped without being copied). It checks that end tags match their
 * start tags. Anything outside the subset (a DOCTYPE, an unknown entity, a tag or a comment longer than 1 MB, a
 * stray `<`) throws XmlScanError, and the reader reads the part again with the full XML parser (sax.ts), which
 * either handles it or reports the file as damaged. On a sheet of a million one-cell rows this is about three
 * times as fast as the full parser and allocates one small object per attribute-bearing tag instead of one event
 * object per tag and text node.
 */

/** The scanner met something outside the subset it handles: read the part with the full parser instead. */
export class XmlScanError extends Error {}

/**
 * Attributes of one start tag as a flat list: name, value, name, value … (qualified names, decoded values), in
 * its first `n` entries. The list is reused from tag to tag: read it during `open`, never keep it.
 */
export type AttrList = readonly string[];

/** The value of an attribute by qualified name, or undefined. */
export function attrOf(list: AttrList, n: number, name: string): string | undefined {
  for (let i = 0; i < n; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

export interface XmlHandler {
  /** A start tag: `local` is the element's local name (any prefix removed). A self-closing tag is followed at
   * once by `close`. */
  open(local: string, attrs: AttrList, n: number): void;
  close(local: string): void;
  /** Decoded text (and CDATA), in one or more pieces; called only while `wantText()` answers true. */
  text(t: string): void;
  wantText(): boolean;
}

/** The longest tag, comment or processing instruction carried from one chunk to the next. */
const MAX_CARRY = 1 << 20;

/**
 * Tag and attribute names seen so far, by a hash of their characters: a document repeats a few dozen names
 * millions of times, and a name found here is neither sliced out of the text again nor looked up in V8's string
 * table when used as a key. Each entry is [qualified name, local name].
 */
class Names {
  private readonly table: ([string, string] | undefined)[] = new Array(4096);
  get(s: string, from: number, to: number, hash: number): [string, string] {
    const slot = hash & 4095;
    const hit = this.table[slot];
    if (hit !== undefined && hit[0].length === to - from && s.startsWith(hit[0], from)) return hit;
    const name = s.slice(from, to);
    const colon = name.indexOf(':');
    const entry: [string, string] = [name, colon < 0 ? name : name.slice(colon + 1)];
    if (hit === undefined) this.table[slot] = entry;
    return entry;
  }
}

/** Characters that end a name or may not be in one. */
function isNameStop(c: number): boolean {
  return c === 62 /* > */ || c === 47 /* / */ || c === 61 /* = */ || c === 60 /* < */ || c === 34 || c === 39 || c === 38 || isSpace(c);
}

const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decode the five predefined entities and character references; anything else is outside the subset. */
export function decodeXmlText(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlScanError('unterminated entity reference');
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      const code = parseInt(digits, hex ? 16 : 10);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || !(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlScanError(`bad character reference &${ref};`);
      }
      ch = String.fromCodePoint(code);
    } else {
      ch = ENTITIES.get(ref);
      if (ch === undefined) throw new XmlScanError(`unknown entity &${ref};`);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Parse the attributes of a start tag into `list`, from `i` (just after the name) to the tag's end. Returns the
 * index of the closing `>` (or -1 when the chunk ends first); `out[0]` is 1 for `/>`, `out[1]` the entries used.
 */
function scanAttributes(s: string, i: number, names: Names, list: string[], out: Int32Array): number {
  const n = s.length;
  let used = 0;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const c = s.charCodeAt(i);
    if (c === 62 /* > */) {
      out[0] = 0;
      out[1] = used;
      return i;
    }
    if (c === 47 /* / */) {
      if (i + 1 >= n) return -1;
      if (s.charCodeAt(i + 1) !== 62) throw new XmlScanError('"/" inside a tag');
      out[0] = 1;
      out[1] = used;
      return i + 1;
    }
    const start = i;
    let hash = 0;
    while (i < n) {
      const ch = s.charCodeAt(i);
      if (isNameStop(ch)) break;
      hash = (Math.imul(hash, 31) + ch) | 0;
      i++;
    }
    if (i >= n) return -1;
    if (i === start) throw new XmlScanError('malformed attribute');
    const name = names.get(s, start, i, hash)[0];
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (s.charCodeAt(i) !== 61 /* = */) throw new XmlScanError('attribute without a value');
    i++;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) throw new XmlScanError('unquoted attribute value');
    const end = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) return -1;
    list[used] = name;
    list[used + 1] = decodeXmlText(s.slice(i + 1, end));
    used += 2;
    i = end + 1;
    const after = i < n ? s.charCodeAt(i) : -1;
    if (after !== -1 && !isSpace(after) && after !== 62 && after !== 47) throw new XmlScanError('attributes not separated');
  }
}

/**
 * Scan a document given as text chunks (split anywhere, even inside a tag or an entity), calling the handler.
 * Throws XmlScanError on anything outside the subset or on mismatched tags.
 */
export function scanXml(chunks: Iterable<string>, h: XmlHandler): void {
  const stack: [string, string][] = [];
  const names = new Names();
  const attrs: string[] = [];
  const out = new Int32Array(2);
  let carry = '';
  let rootClosed = false;
  /** Whether anything but the declaration has been seen (a declaration may only come first). */
  let seenMarkup = false;
  for (const chunk of chunks) {
    const s = carry ? carry + chunk : chunk;
    carry = '';
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      // Text up to the next tag (or the chunk's end: an entity may be cut there, so its tail waits).
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) {
        if (rootClosed || stack.length === 0) {
          for (let k = i; k < textEnd; k++) if (!isSpace(s.charCodeAt(k))) throw new XmlScanError('text outside the root element');
        } else if (h.wantText()) {
          let upto = textEnd;
          if (lt < 0) {
            const amp = s.lastIndexOf('&', n - 1);
            if (amp >= i && s.indexOf(';', amp) < 0) upto = amp;
          }
          if (upto > i) h.text(decodeXmlText(s.slice(i, upto)));
          if (upto < textEnd) {
            carry = s.slice(upto);
            if (carry.length > 16) throw new XmlScanError('unterminated entity reference');
            i = n;
            break;
          }
        }
      }
      if (lt < 0) break;
      i = lt;
      if (i + 1 >= n) {
        carry = s.slice(i);
        break;
      }
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 47 /* / */) {
        const gt = s.indexOf('>', i + 2);
        if (gt < 0) {
          carry = s.slice(i);
          break;
        }
        const open = stack.pop();
        const len = open ? open[0].length : -1;
        if (!open || !s.startsWith(open[0], i + 2)) throw new XmlScanError(`</${s.slice(i + 2, gt)}> does not close <${open?.[0] ?? ''}>`);
        for (let k = i + 2 + len; k < gt; k++) {
          if (!isSpace(s.charCodeAt(k))) throw new XmlScanError(`</${s.slice(i + 2, gt)}> does not close <${open[0]}>`);
        }
        if (stack.length === 0) rootClosed = true;
        h.close(open[1]);
        i = gt + 1;
      } else if (c1 === 63 /* ? */) {
        const end = s.indexOf('?>', i + 2);
        if (end < 0) {
          carry = s.slice(i);
          break;
        }
        if ((seenMarkup || stack.length > 0) && /^<\?xml[\s?]/i.test(s.slice(i, i + 6))) throw new XmlScanError('an XML declaration after the start');
        seenMarkup = true;
        i = end + 2;
      } else if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const end = s.indexOf('-->', i + 4);
          if (end < 0) {
            carry = s.slice(i);
            break;
          }
          seenMarkup = true;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const end = s.indexOf(']]>', i + 9);
          if (end < 0) {
            carry = s.slice(i);
            break;
          }
          if (stack.length === 0) throw new XmlScanError('CDATA outside the root element');
          if (h.wantText() && end > i + 9) h.text(s.slice(i + 9, end));
          i = end + 3;
        } else if (n - i < 9 && ('<![CDATA['.startsWith(s.slice(i)) || '<!--'.startsWith(s.slice(i)))) {
          carry = s.slice(i);
          break;
        } else {
          throw new XmlScanError('DOCTYPE or declaration');
        }
      } else {
        // A start tag: its name, then attributes.
        let j = i + 1;
        let hash = 0;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (isNameStop(c)) break;
          hash = (Math.imul(hash, 31) + c) | 0;
          j++;
        }
        if (j >= n) {
          carry = s.slice(i);
          break;
        }
        const cj = s.charCodeAt(j);
        if (j === i + 1 || !(cj === 62 || cj === 47 || isSpace(cj))) throw new XmlScanError('malformed tag');
        const name = names.get(s, i + 1, j, hash);
        const gt = scanAttributes(s, j, names, attrs, out);
        if (gt < 0) {
          carry = s.slice(i);
          break;
        }
        if (rootClosed) throw new XmlScanError('a second root element');
        seenMarkup = true;
        h.open(name[1], attrs, out[1]);
        if (out[0] === 1) {
          h.close(name[1]);
          if (stack.length === 0) rootClosed = true;
        } else stack.push(name);
        i = gt + 1;
      }
    }
    if (carry.length > MAX_CARRY) throw new XmlScanError('a tag longer than 1 MB');
  }
  if (carry) throw new XmlScanError('the document ends inside a tag');
  if (stack.length) throw new XmlScanError(`<${stack[stack.length - 1][0]}> not closed`);
  if (!rootClosed) throw new XmlScanError('no root element');
}
