/**
 * Starts the browser version's Web Worker. Webpack turns this `new Worker(new URL(…, import.meta.url))` into a
 * chunk of its own, served from the page's origin (CSP worker-src 'self').
 */
export function startWorkbookWorker(): Worker {
  // @ts-expect-error import.meta: webpack builds this file as an ES module (tsconfig.webpack.json); tsc's
  // CommonJS check of src/ does not know it.
  return new Worker(new URL('./workbook.worker.ts', import.meta.url), { name: 'workbooks' });
}
