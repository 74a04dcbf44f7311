/** What the CLI writes to and reads from, injectable so tests run `main` in-process. */

export interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

export type Style = 'red' | 'yellow' | 'blue' | 'green' | 'gray' | 'bold' | 'dim';
const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
  gray: [90, 39],
  bold: [1, 22],
  dim: [2, 22],
};

/** ANSI styling, or the identity when colour is off. */
export type Paint = (style: Style, s: string) => string;

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, s) => s;
  return (style, s) => `\x1b[${CODES[style][0]}m${s}\x1b[${CODES[style][1]}m`;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or --no-color is given. */
export function colorEnabled(stream: OutStream, env: CliIO['env'], noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  return !!stream.isTTY;
}

/**
 * Progress on stderr while many files are checked: a redrawn bar on a terminal, one line per file when
 * forced onto a non-terminal (a log file), nothing otherwise.
 */
export class Progress {
  private readonly tty: boolean;
  private last = '';
  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    readonly enabled: boolean,
  ) {
    this.tty = !!stream.isTTY;
  }
  update(done: number, label: string): void {
    if (!this.enabled) return;
    if (!this.tty) {
      this.stream.write(`[${done}/${this.total}] ${label}\n`);
      return;
    }
    const width = 24;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const cols = this.stream.columns ?? 80;
    let line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${label}`;
    if (line.length > cols - 1) line = line.slice(0, cols - 2) + '…';
    if (line !== this.last) this.stream.write(`\r\x1b[K${line}`);
    this.last = line;
  }
  done(): void {
    if (this.enabled && this.tty) this.stream.write('\r\x1b[K');
  }
}
