/**
 * The mark award-tally leaves on the workbooks it writes (merged workbooks, filled and annotated copies, public
 * copies): a custom document property `AwardTallyOutput` (docProps/custom.xml, ECMA-376 Part 1 §22.3), naming the
 * command that wrote it. Directory runs skip marked files, so a tool's earlier output is never read back as one
 * more county (a merged.xlsx swallowed as a 13th county gave 68 false duplicates). Excel and WPS keep custom
 * properties when they save; a file given by name is always read.
 *
 * Pure (fflate): no Node API.
 */
import { strToU8 } from 'fflate';
import { entryText, findEntry, readCentralDirectory } from './zip';
import { repackZip } from './zip-write';

export const OUTPUT_PROPERTY = 'AwardTallyOutput';
const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';

/**
 * The workbook bytes with the mark added (or replaced). Only the custom-properties part, and where needed the
 * content types and the package relationships, are rewritten; every other entry is copied as it is (zip-write.ts).
 */
export function markOutput(xlsx: Uint8Array, command: string): Uint8Array {
  const entries = readCentralDirectory(xlsx);
  const part = (name: string): { name: string; text: string | null } => {
    const e = findEntry(entries, name);
    return { name: e?.name ?? name, text: e ? [...entryText(xlsx, e)].join('') : null };
  };
  const replace: Record<string, Uint8Array> = {};
  const value = command.replace(/[^\w.-]/g, '');
  const prop =
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="{PID}" name="${OUTPUT_PROPERTY}">` +
    `<vt:lpwstr>award-tally ${value}</vt:lpwstr></property>`;
  const existing = part(CUSTOM_PART);
  let custom: string;
  if (existing.text && existing.text.includes('</Properties>')) {
    const without = existing.text.replace(new RegExp(`<property[^>]*name="${OUTPUT_PROPERTY}"[^>]*>[\\s\\S]*?</property>`), '');
    const pids = [...without.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]));
    custom = without.replace('</Properties>', prop.replace('{PID}', String(Math.max(1, ...pids) + 1)) + '</Properties>');
  } else {
    custom =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      prop.replace('{PID}', '2') +
      '</Properties>';
    const types = part('[Content_Types].xml');
    if (types.text !== null && !types.text.includes('/docProps/custom.xml')) {
      replace[types.name] = strToU8(types.text.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
    }
    const rels = part('_rels/.rels');
    if (rels.text !== null && !rels.text.includes(CUSTOM_REL)) {
      const ids = [...rels.text.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
      const id = `rId${Math.max(0, ...ids) + 1}`;
      replace[rels.name] = strToU8(rels.text.replace('</Relationships>', `<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`));
    }
  }
  replace[existing.name] = strToU8(custom);
  return repackZip(xlsx, replace);
}

/** The command named by the mark (`merge`, `fill` …), or null for a workbook award-tally did not write. */
export function outputMark(xlsx: Uint8Array): string | null {
  try {
    const entry = findEntry(readCentralDirectory(xlsx), CUSTOM_PART);
    if (!entry || entry.size > 1 << 20) return null;
    const xml = [...entryText(xlsx, entry)].join('');
    const m = new RegExp(`name="${OUTPUT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>award-tally ([^<]*)</vt:lpwstr>`).exec(xml);
    return m ? m[1] : null;
  } catch {
    return null;
  }
}
