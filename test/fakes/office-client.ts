/**
 * Microsoft's own Office.js client (npm `@microsoft/office-js`, `dist/excel-web-16.00.debug.js`) in front of the
 * fake workbook, so that load/sync rules, the request format, the payload sizes and the error objects the host
 * sees are Microsoft's, and only Excel's side is ours.
 *
 * The client runs in a Node `vm` context with a small window/document shim. Each `Excel.RequestContext` gets a
 * request executor that receives the serialized batch (`Body.ObjectPaths`, `Body.Actions`) and plays it on the
 * server side (test/fakes/excel-fake.ts: one server context per request context, object paths resolved as the
 * actions reach them, in order), then answers `{ Body: { Results } }` with PascalCase property names, or
 * `{ Body: { Error } }` with Excel's error code. Request and response sizes are the UTF-8 length of the real
 * message bodies; over the limit (5 MB, Excel on the web) the request fails with
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
 *
 * The client of @microsoft/office-js 1.1.110 has no `Worksheet.notes` (ExcelApi 1.18 came later): notes are
 * reached only through the direct fake.
 *
 * Requirement sets: every action and object path is named `Class.member` (the server object's class) and looked
 * up in src/excel/api-sets.generated.ts; `calls` records them with the requirement set each needs, so a test can
 * compare them with what the host checked through `supports` (test/excel/api-sets.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { ExcelLike, XlContext } from '../../src/excel/excel-like';
import { API_SETS } from '../../src/excel/api-sets.generated';
import { FakeClientResult, FakeContext, FakeExcel, FakeOfficeError, FakeWorkbook, type FakeExcelOptions, type FakeStats, type FakeTraceEntry } from './excel-fake';

/* eslint-disable @typescript-eslint/no-explicit-any -- the wire format and the proxies are dynamic */

const MB = 1024 * 1024;

interface WireObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}
interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[] };
}
interface WireBody {
  Actions: WireAction[];
  ObjectPaths: Record<string, WireObjectPath>;
}

let clientExcel: any = null;
/** Load Microsoft's Excel client once per test process (about 0.5–1.5 s). */
export function loadOfficeClient(): any {
  if (clientExcel) return clientExcel;
  const file = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js');
  const code = fs.readFileSync(file, 'utf8');
  const noop = () => undefined;
  const win: Record<string, unknown> = {
    location: { href: 'https://localhost/taskpane.html', search: '', hash: '', protocol: 'https:', host: 'localhost' },
    navigator: { userAgent: 'node', language: 'zh-CN' },
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    console: { log: noop, warn: noop, error: noop, info: noop, debug: noop },
    // The host's error handling sees the client's errors as this realm's Errors, as in a browser.
    Error,
    TypeError,
    Promise,
  };
  win.document = { addEventListener: noop, readyState: 'complete', getElementsByTagName: () => [], createElement: () => ({ style: {}, setAttribute: noop, appendChild: noop }), documentElement: {}, cookie: '' };
  win.window = win;
  win.self = win;
  const ctx = vm.createContext(win);
  vm.runInContext(code, ctx, { filename: 'excel-web-16.00.debug.js' });
  clientExcel = (ctx as any).Excel;
  if (!clientExcel?.RequestContext) throw new Error('Office.js client did not load');
  return clientExcel;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `FakeRange` → `Range`, `FakeWorkbookProxy` → `Workbook` (the Office.js class a server object plays). */
export function apiClassOf(o: object): string {
  return o.constructor.name.replace(/^Fake/, '').replace(/Proxy$/, '');
}

/** One API use seen on the wire: `Range.values`, `Worksheet.getRanges` … with the set it needs (if known). */
export interface ApiCall {
  sync: number;
  api: string;
  set?: string;
}

/** `@microsoft/office-js`'s client over a FakeWorkbook; the same test-facing members as FakeExcel. */
export class ClientExcel implements ExcelLike {
  readonly server: FakeExcel;
  stats: FakeStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  requestLimit: number;
  responseLimit: number;
  /** Every API member used, in order (cleared by resetStats). */
  calls: ApiCall[] = [];
  /** `supports` questions asked, with their answers, in order (cleared by resetStats). */
  checks: { set: string; version: string; answer: boolean; afterCalls: number }[] = [];

  constructor(
    readonly workbook: FakeWorkbook = new FakeWorkbook(),
    options: FakeExcelOptions = {},
  ) {
    // The server runs without its own size estimate: the limits apply to the client's real messages.
    this.server = new FakeExcel(workbook, { ...options, requestLimit: Infinity, responseLimit: Infinity });
    this.requestLimit = options.requestLimit ?? 5 * MB;
    this.responseLimit = options.responseLimit ?? 5 * MB;
  }

  get apiVersion(): string {
    return this.server.apiVersion;
  }
  set apiVersion(v: string) {
    this.server.apiVersion = v;
  }
  get trace(): FakeTraceEntry[] {
    return this.server.trace;
  }
  get tracing(): boolean {
    return this.server.tracing;
  }
  set tracing(v: boolean) {
    this.server.tracing = v;
  }

  /** `Office.context.requirements.isSetSupported` of this Excel; every question is recorded. */
  readonly supports = (set: string, version: string): boolean => {
    const answer = this.server.supports(set, version);
    this.checks.push({ set, version, answer, afterCalls: this.calls.length });
    return answer;
  };

  resetStats(): void {
    this.stats = { syncs: 0, requestBytes: [], responseBytes: [] };
    this.server.resetStats();
    this.calls = [];
    this.checks = [];
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.stats.requestBytes);
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.stats.responseBytes);
  }
  get totalRequestBytes(): number {
    return this.stats.requestBytes.reduce((a, b) => a + b, 0);
  }
  get totalResponseBytes(): number {
    return this.stats.responseBytes.reduce((a, b) => a + b, 0);
  }
  failNextSync(code: string, message?: string): void {
    this.server.failNextSync(code, message);
  }
  failAction(name: string, code?: string, message?: string): void {
    this.server.failAction(name, code, message);
  }

  /** A fresh `Excel.RequestContext` of Microsoft's client wired to this workbook. */
  newContext(): XlContext {
    const Excel = loadOfficeClient();
    const rc = new Excel.RequestContext();
    const server = new WireServer(this, new FakeContext(this.server));
    rc._requestExecutor = { executeAsync: (_customData: unknown, _flags: unknown, message: { Body: WireBody }) => Promise.resolve(server.execute(message.Body)) };
    return rc as XlContext;
  }

  async run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    const ctx = this.newContext();
    const out = await batch(ctx);
    await ctx.sync(); // Excel.run syncs what is left
    return out;
  }
}

/** Plays serialized batches on one server context; object paths keep their server object across batches. */
class WireServer {
  private readonly objects = new Map<number, any>();
  constructor(
    private readonly owner: ClientExcel,
    private readonly fctx: FakeContext,
  ) {}

  /** Note the member used; a member newer than this Excel fails like Excel fails it (ApiNotFound). */
  private record(o: object, member: string, args: unknown[] = []): void {
    const api = `${apiClassOf(o)}.${member}`;
    // getUsedRange's valuesOnly argument came in ExcelApi 1.2 (the member itself is 1.1).
    const set = api === 'Worksheet.getUsedRange' && args[0] === true ? 'ExcelApi 1.2' : API_SETS[api];
    this.owner.calls.push({ sync: this.owner.stats.syncs, api, set });
    if (set?.startsWith('ExcelApi ') && !this.owner.server.supports('ExcelApi', set.slice(9))) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${api}, ${set}).`);
    }
  }

  private resolve(id: number, paths: Record<string, WireObjectPath>): any {
    const known = this.objects.get(id);
    if (known !== undefined) return known;
    const p = paths[String(id)];
    if (!p) throw new FakeOfficeError('InvalidObjectPath', `Unknown object path ${id}.`);
    const args = this.args(p.ArgumentInfo, paths);
    let o: any;
    switch (p.ObjectPathType) {
      case 1: // the root: the workbook
        o = this.fctx.workbook;
        break;
      case 4: {
        const parent = this.resolve(p.ParentObjectPathId!, paths);
        this.record(parent, camel(p.Name));
        o = parent[camel(p.Name)];
        break;
      }
      case 3: {
        const parent = this.resolve(p.ParentObjectPathId!, paths);
        if (p.Name === 'GetItemAt' || p.Name === '_GetItemAt') {
          o = parent.items[args[0] as number];
        } else {
          this.record(parent, camel(p.Name), args);
          const f = parent[camel(p.Name)];
          if (typeof f !== 'function') throw new FakeOfficeError('ApiNotFound', `${apiClassOf(parent)}.${camel(p.Name)} is not available.`);
          o = f.apply(parent, trimTrailingNulls(args));
        }
        break;
      }
      case 5: {
        const parent = this.resolve(p.ParentObjectPathId!, paths);
        o = typeof parent.getItem === 'function' ? parent.getItem(args[0]) : parent.getItemOrNullObject(args[0]);
        break;
      }
      default:
        throw new FakeOfficeError('InvalidObjectPath', `Object path type ${p.ObjectPathType} is not played by the fake.`);
    }
    if (o === undefined || o === null) throw new FakeOfficeError('ApiNotFound', `${p.Name} is not available.`);
    this.objects.set(id, o);
    return o;
  }

  private args(info: WireAction['ArgumentInfo'], paths: Record<string, WireObjectPath>): unknown[] {
    const a = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds;
    if (refs) refs.forEach((r, i) => r && (a[i] = this.resolve(r, paths)));
    return a;
  }

  execute(body: WireBody): unknown {
    const owner = this.owner;
    owner.stats.syncs++;
    const requestBytes = utf8(JSON.stringify(body));
    owner.stats.requestBytes.push(requestBytes);
    if (requestBytes > owner.requestLimit) {
      owner.stats.responseBytes.push(0);
      return { ErrorCode: 'RequestPayloadSizeLimitExceeded', ErrorMessage: `The request payload size has exceeded the limit (${requestBytes} bytes).`, HttpStatusCode: 413, Headers: {}, Body: null };
    }
    const pending: { action: WireAction; read: () => unknown }[] = [];
    const error = (e: unknown) => {
      owner.stats.responseBytes.push(0);
      const code = e instanceof FakeOfficeError ? e.code : 'GeneralException';
      return { ErrorCode: '', Headers: {}, Body: { Error: { Code: code, Message: (e as Error).message, HttpStatusCode: 400, ActionIndex: -1, Location: '' } } };
    };
    try {
      for (const action of body.Actions) {
        const o = this.resolve(action.ObjectPathId, body.ObjectPaths);
        const args = this.args(action.ArgumentInfo, body.ObjectPaths);
        switch (action.ActionType) {
          case 1: // instantiate: the object exists (or is a null object)
            pending.push({ action, read: () => instantiateResult(o) });
            break;
          case 2: {
            const select = action.QueryInfo?.Select ?? [];
            const collection = isCollection(o);
            for (const s of select) {
              const api = `${collection ? apiClassOf(o).replace(/Collection$/, '') : apiClassOf(o)}.${camel(s.replace(/^items\//, '').split('/')[0])}`;
              this.owner.calls.push({ sync: this.owner.stats.syncs, api, set: API_SETS[api] });
              const set = API_SETS[api];
              if (set?.startsWith('ExcelApi ') && !this.owner.server.supports('ExcelApi', set.slice(9))) {
                throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${api}, ${set}).`);
              }
            }
            o.load(select);
            pending.push({ action, read: () => loadResult(o, select) });
            break;
          }
          case 3: {
            if (action.Name.startsWith('_')) break; // the client's own checks (_ValidateArraySize …): nothing to do
            this.record(o, camel(action.Name));
            const f = o[camel(action.Name)];
            if (typeof f !== 'function') throw new FakeOfficeError('ApiNotFound', `${apiClassOf(o)}.${camel(action.Name)} is not available.`);
            const r = f.apply(o, trimTrailingNulls(args));
            if (r instanceof FakeClientResult) pending.push({ action, read: () => r.value });
            break;
          }
          case 4:
            this.record(o, camel(action.Name));
            o[camel(action.Name)] = args[0];
            break;
          default:
            throw new FakeOfficeError('InvalidArgument', `Action type ${action.ActionType} is not played by the fake.`);
        }
      }
    } catch (e) {
      // A call the server object does not have at all (or a bad path): nothing of the batch ran.
      return error(e);
    }
    return this.fctx.sync().then(
      () => {
        const Results = pending.map((p) => ({ ActionId: p.action.Id, Value: p.read() }));
        const body = { Results };
        const bytes = utf8(JSON.stringify(body));
        owner.stats.responseBytes.push(bytes);
        if (bytes > owner.responseLimit) {
          return { ErrorCode: 'ResponsePayloadSizeLimitExceeded', ErrorMessage: `The response payload size has exceeded the limit (${bytes} bytes).`, HttpStatusCode: 413, Headers: {}, Body: null };
        }
        return { ErrorCode: '', Headers: {}, Body: body };
      },
      (e) => error(e),
    );
  }
}

function trimTrailingNulls(args: unknown[]): unknown[] {
  const a = [...args];
  while (a.length > 0 && (a[a.length - 1] === null || a[a.length - 1] === undefined)) a.pop();
  return a;
}

/** An object's id, when the server object has one loaded or resolvable (worksheets, comments). */
function idOf(o: any): string | undefined {
  const t = typeof o._t === 'function' ? o._t() : undefined;
  if (t && typeof t === 'object' && typeof t.id === 'string') return t.id;
  if (typeof t === 'string') return t; // comment targets are their ids
  return undefined;
}

function instantiateResult(o: any): unknown {
  const t = typeof o._t === 'function' ? o._t() : o;
  if (t === null) return null;
  const id = idOf(o);
  return id !== undefined ? { Id: id } : {};
}

function pascalObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[pascal(k)] = v;
  return out;
}

function loadResult(o: any, select: string[]): unknown {
  const t = typeof o._t === 'function' ? o._t() : o;
  if (t === null) return null;
  if (isCollection(o)) {
    const itemProps = select.map((s) => s.replace(/^items\//, ''));
    const items = safeItems(o) ?? [];
    return {
      _Items: items.map((it: any) => {
        const v: Record<string, unknown> = {};
        for (const p of itemProps) v[p] = it[p];
        const id = idOf(it);
        if (id !== undefined) v.id = id;
        return pascalObject(v);
      }),
    };
  }
  const v: Record<string, unknown> = {};
  for (const p of select) v[p] = o[p];
  return pascalObject(v);
}

function isCollection(o: object): boolean {
  return /Collection$/.test(apiClassOf(o)) && apiClassOf(o) !== 'RangeBorderCollection';
}

function safeItems(o: any): unknown[] | undefined {
  try {
    return o.items;
  } catch {
    return undefined;
  }
}
