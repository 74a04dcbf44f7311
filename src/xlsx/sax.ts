/**
 * XML events of a part, batched per input chunk (saxes underneath; no Node API). CDATA sections come as text,
 * the way Excel means them; a malformed document ends in a ZipError-free plain Error the caller wraps.
 */
import { SaxesParser } from 'saxes';

export interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
export type SaxEvent = { eventType: 'opentag' | 'closetag'; value: SaxNode } | { eventType: 'text'; value: string };

/** Events of each text chunk, as one array per chunk (one call per chunk is much cheaper than one per event). */
export function* saxEvents(chunks: Iterable<string>): Generator<SaxEvent[]> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => {
    error ??= err;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value: value as unknown as SaxNode }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value: value as unknown as SaxNode }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('cdata', (value) => events.push({ eventType: 'text', value }));
  for (const chunk of chunks) {
    parser.write(chunk);
    if (error) throw error;
    yield events;
    events = [];
  }
}
