/**
 * Browser APIs that jsdom lacks and Fluent UI v9 calls (MessageBar reflow, positioning). Imported first by each
 * component test; the components themselves are real.
 */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The results view and the fill/template panels are lazy chunks (import()); the first import of one compiles it,
// which on a loaded CI machine takes longer than Testing Library's default 1 s wait.
configure({ asyncUtilTimeout: 20000 });

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as unknown as Record<string, unknown>;
if (typeof w.ResizeObserver === 'undefined') w.ResizeObserver = ResizeObserverStub;
if (typeof window !== 'undefined' && typeof (window as unknown as Record<string, unknown>).ResizeObserver === 'undefined') {
  (window as unknown as Record<string, unknown>).ResizeObserver = ResizeObserverStub;
}

// The workbook reader (fflate, src/xlsx/zip.ts) decodes with TextDecoder, which browsers and Node have and jsdom's
// global scope lacks: the tests that read example files in jsdom take Node's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeUtil = require('util') as typeof import('util');
if (typeof w.TextDecoder === 'undefined') w.TextDecoder = nodeUtil.TextDecoder;
if (typeof w.TextEncoder === 'undefined') w.TextEncoder = nodeUtil.TextEncoder;
