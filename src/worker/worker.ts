/**
 * The engine's Web Worker (webpack entry `worker` → worker.js): county workbooks are read, checked and
 * consolidated here, off the page's main thread, so the pane never freezes; nothing is sent anywhere. The page
 * talks to it through WorkerClient (client.ts) with the messages of protocol.ts; the jobs are in jobs.ts.
 */
import { HANDLERS, JobFailure } from './jobs';
import { PROTOCOL_VERSION, type JobName, type WorkerRequest, type WorkerResponse } from './protocol';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const cancelled = new Set<number>();

/** Answer one request; exported for the tests, which drive it without a real worker. */
export async function handle(req: WorkerRequest, post: (m: WorkerResponse) => void, stopped: Set<number> = cancelled): Promise<void> {
  const v = PROTOCOL_VERSION;
  if (req.kind === 'cancel') {
    stopped.add(req.id);
    return;
  }
  if (req.v !== PROTOCOL_VERSION) {
    post({ v, kind: 'error', id: req.id, error: { code: 'version', message: `protocol ${String(req.v)} ≠ ${PROTOCOL_VERSION}` } });
    return;
  }
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, req.job) ? (HANDLERS[req.job as JobName] as (input: unknown, ctx: unknown) => Promise<unknown>) : undefined;
  if (!handler) {
    post({ v, kind: 'error', id: req.id, error: { code: 'bad-request', message: `unknown job ${String(req.job)}` } });
    return;
  }
  try {
    const output = await handler(req.input, {
      progress: (progress: unknown) => post({ v, kind: 'progress', id: req.id, progress: progress as never }),
      cancelled: () => stopped.has(req.id),
    });
    post({ v, kind: 'result', id: req.id, output });
  } catch (e) {
    const error = e instanceof JobFailure ? e.error : { code: 'engine' as const, message: e instanceof Error ? e.message : String(e), detail: e instanceof Error ? e.stack : undefined };
    post({ v, kind: 'error', id: req.id, error });
  } finally {
    stopped.delete(req.id);
  }
}

if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  const scope = self as unknown as WorkerScope;
  scope.addEventListener('message', (e) => void handle(e.data, (m) => scope.postMessage(m)));
}
