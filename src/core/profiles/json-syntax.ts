/**
 * Where a JSON text first goes wrong, and why, in words a person editing a profile in Notepad understands.
 * `JSON.parse` gives neither a reliable position nor a useful reason across Node versions, and the usual
 * mistakes (Chinese punctuation typed with the IME, a trailing comma, a comment, single quotes) deserve a hint.
 */

export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  col: number;
  zh: string;
  en: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const FULL_WIDTH_HINT: Record<string, { zh: string; en: string }> = {
  '，': { zh: '这里是中文逗号“，”，应为英文逗号 ,', en: 'a Chinese comma "，"; use ,' },
  '：': { zh: '这里是中文冒号“：”，应为英文冒号 :', en: 'a Chinese colon "："; use :' },
  '“': { zh: '这里是中文引号“，应为英文双引号 "', en: 'a Chinese quotation mark; use "' },
  '”': { zh: '这里是中文引号”，应为英文双引号 "', en: 'a Chinese quotation mark; use "' },
  '｛': { zh: '这里是全角括号，应为英文 {', en: 'a full-width brace; use {' },
  '｝': { zh: '这里是全角括号，应为英文 }', en: 'a full-width brace; use }' },
  '［': { zh: '这里是全角括号，应为英文 [', en: 'a full-width bracket; use [' },
  '］': { zh: '这里是全角括号，应为英文 ]', en: 'a full-width bracket; use ]' },
  "'": { zh: '这里用了单引号，JSON 只能用英文双引号 "', en: 'single quotes; JSON needs double quotes "' },
};

class Stop {
  constructor(
    readonly offset: number,
    readonly zh: string,
    readonly en: string,
  ) {}
}

/** The first syntax problem of `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const unexpected = (what: { zh: string; en: string }): never => {
    if (i >= text.length) throw new Stop(i, `内容不完整，${what.zh}`, `unexpected end of text, ${what.en}`);
    const ch = text[i];
    const hint = FULL_WIDTH_HINT[ch];
    if (hint) throw new Stop(i, hint.zh, hint.en);
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      throw new Stop(i, 'JSON 中不能写注释', 'comments are not allowed in JSON');
    }
    if (ch === '\u3000' || ch === '\u00a0') throw new Stop(i, '这里有全角空格或不换行空格', 'a full-width or no-break space');
    throw new Stop(i, `这里的“${ch}”不对，${what.zh}`, `unexpected "${ch}", ${what.en}`);
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    unexpected({ zh: '应为一个值（文本要加英文双引号）', en: 'expected a value (text needs double quotes)' });
  };
  const string = (): void => {
    const start = i;
    i++;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const e = text[i + 1];
        if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e ?? '')) {
          throw new Stop(i, '反斜杠 \\ 要写成 \\\\', 'a backslash \\ must be written \\\\');
        }
        i += e === 'u' ? 6 : 2;
        continue;
      }
      if (ch === '\n' || ch === '\r') throw new Stop(start, '文本没有结束的双引号（或文本中有换行）', 'text without its closing quote (or a line break inside text)');
      i++;
    }
    throw new Stop(start, '文本没有结束的双引号', 'text without its closing quote');
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (!m) unexpected({ zh: '数字写法不对', en: 'malformed number' });
    i += m![0].length;
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        const comma = i;
        i++;
        ws();
        if (text[i] === ']') throw new Stop(comma, '最后一项后面不能有逗号', 'trailing comma after the last item');
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      unexpected({ zh: '应为逗号 , 或 ]', en: 'expected , or ]' });
    }
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') unexpected({ zh: '应为用英文双引号括起来的键名', en: 'expected a key in double quotes' });
      string();
      ws();
      if (text[i] !== ':') unexpected({ zh: '应为冒号 :', en: 'expected :' });
      i++;
      value();
      ws();
      if (text[i] === ',') {
        const comma = i;
        i++;
        ws();
        if (text[i] === '}') throw new Stop(comma, '最后一项后面不能有逗号', 'trailing comma after the last item');
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      unexpected({ zh: '应为逗号 , 或 }', en: 'expected , or }' });
    }
  };
  try {
    value();
    ws();
    if (i < text.length) unexpected({ zh: '内容在这里之前已经结束', en: 'extra content after the end' });
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < e.offset && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return { offset: e.offset, line, col: e.offset - lineStart + 1, zh: e.zh, en: e.en };
  }
}
