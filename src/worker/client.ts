/**
 * The page's side of the engine worker: `run(job, input)` posts one request and resolves with the job's output
 * (typed by protocol.ts), calling `onProgress` for each progress message. The files' bytes are transferred, not
 * copied. `LocalEngine` runs the same handlers in the page itself — for tests (jsdom has no Worker) and as the
 * fallback where a worker cannot start.
 */
import { PROTOCOL_VERSION, type JobError, type JobName, type JobProgress, type Jobs, type WorkerRequest, type WorkerResponse } from './protocol';

export interface RunOptions {
  onProgress?: (p: JobProgress) => void;
  /** Buffers to transfer with the request (the input files' bytes). */
  transfer?: Transferable[];
  signal?: AbortSignal;
}

/** What the pane needs of the engine: one job at a time or several, each with its progress. */
export interface EngineClient {
  run<K extends JobName>(job: K, input: Jobs[K]['input'], options?: RunOptions): Promise<Jobs[K]['output']>;
  dispose(): void;
}

/** A job that failed in the worker; `text()` is already in the job's language. */
export class EngineJobError extends Error {
  readonly code: JobError['code'];
  readonly detail?: string;
  constructor(error: JobError) {
    super(error.message);
    this.name = 'EngineJobError';
    this.code = error.code;
    this.detail = error.detail;
  }
  text(): string {
    return this.message;
  }
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (p: JobProgress) => void;
}

interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', l: (e: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: 'error', l: (e: ErrorEvent) => void): void;
  terminate(): void;
}

export class WorkerClient implements EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e) => this.onMessage(e.data));
    worker.addEventListener('error', (e) => {
      const err = new EngineJobError({ code: 'engine', message: e.message || 'worker error' });
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  private onMessage(m: WorkerResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') p.onProgress?.(m.progress);
    else {
      this.pending.delete(m.id);
      if (m.kind === 'result') p.resolve(m.output);
      else p.reject(new EngineJobError(m.error));
    }
  }

  run<K extends JobName>(job: K, input: Jobs[K]['input'], options: RunOptions = {}): Promise<Jobs[K]['output']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => this.worker.postMessage({ v: PROTOCOL_VERSION, kind: 'cancel', id }), { once: true });
      this.worker.postMessage({ v: PROTOCOL_VERSION, kind: 'run', id, job, input }, options.transfer ?? []);
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}

/** The handlers run in the page (no worker): tests, and browsers where the worker cannot start. */
export class LocalEngine implements EngineClient {
  async run<K extends JobName>(job: K, input: Jobs[K]['input'], options: RunOptions = {}): Promise<Jobs[K]['output']> {
    const { handle } = await import(/* webpackChunkName: "engine-local" */ './worker');
    return new Promise((resolve, reject) => {
      const stopped = new Set<number>();
      options.signal?.addEventListener('abort', () => stopped.add(1), { once: true });
      void handle(
        { v: PROTOCOL_VERSION, kind: 'run', id: 1, job, input },
        (m) => {
          if (m.kind === 'progress') options.onProgress?.(m.progress);
          else if (m.kind === 'result') resolve(m.output as Jobs[K]['output']);
          else reject(new EngineJobError(m.error));
        },
        stopped,
      );
    });
  }
  dispose(): void {}
}

/** The worker built next to the page (`worker.js`), or the in-page engine where workers are unavailable. */
export function startEngine(base: string = typeof document !== 'undefined' ? document.baseURI : ''): EngineClient {
  if (typeof Worker === 'undefined' || !base) return new LocalEngine();
  try {
    return new WorkerClient(new Worker(new URL('worker.js', base)) as unknown as WorkerLike);
  } catch {
    return new LocalEngine();
  }
}
