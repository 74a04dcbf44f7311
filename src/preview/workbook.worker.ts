/**
 * The browser version's Web Worker: the page's requests (worker-protocol.ts) answered by workbook-jobs.ts, where
 * every open workbook is held, read, checked and written, off the page's main thread.
 */
/// <reference lib="webworker" />
import { workbookJobs } from './workbook-jobs';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const jobs = workbookJobs((msg: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(msg, transfer));

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  jobs.handle(req).then(
    ({ value, transfer }) => self.postMessage({ id: req.id, ok: true, value } satisfies WorkerMessage, transfer ?? []),
    (e: unknown) => self.postMessage({ id: req.id, ok: false, error: jobs.errorOf(e, req) } satisfies WorkerMessage),
  );
};
