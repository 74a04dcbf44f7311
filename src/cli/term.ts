/**
 * Nothing from a cell reaches the terminal as a control character (SPEC §7): a county's text could otherwise
 * move the cursor, clear the screen, retitle the window or write to the clipboard (ESC ] 52) of whoever runs the
 * tool. Two layers:
 * - `termText` / `termDeep` clean the data before it is laid out: C0 and C1 controls, DEL, and the Unicode
 *   controls that reorder or break lines (bidi embeddings/overrides/isolates, U+2028/2029) — tabs and line
 *   breaks become a space, the others U+FFFD — so a cell can neither colour nor reshape the output.
 * - `terminalSafe` wraps an output stream: whatever reaches it, only the tool's own sequences pass — SGR colours
 *   (ESC [ … m), the progress line's ESC [ K, line feeds and carriage returns.
 */
import type { OutStream } from './io';

 
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function termText(s: string): string {
  return s.replace(CONTROLS, (c) => (c === '\t' || c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? ' ' : '\ufffd'));
}

/** A copy of a plain data structure with every string cleaned by termText. */
export function termDeep<T>(v: T): T {
  if (typeof v === 'string') return termText(v) as T;
  if (Array.isArray(v)) return v.map((x) => termDeep(x)) as T;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = termDeep(x);
    return out as T;
  }
  return v;
}

// The tool's own sequences, kept; any other ESC sequence or control character is dropped.
 
const OWN_OR_CONTROL = /(\u001b\[[0-9;]*[mK])|\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?|[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The text with only the tool's own terminal sequences (see the module comment). */
export function stripForeignControls(s: string): string {
  return s.replace(OWN_OR_CONTROL, (m, own: string | undefined) => own ?? '');
}

/** A stream that passes only the tool's own terminal sequences. */
export function terminalSafe(stream: OutStream): OutStream {
  return {
    write: (s: string) => stream.write(stripForeignControls(s)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}
