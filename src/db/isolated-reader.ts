import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Neo4jConnection } from '../config';
import { AppError, ErrorCode } from '../errors';
import type { ExplainResult, ReadResult, WorkerReply, WorkerRequest } from './isolated-protocol';

export interface IsolatedOptions {
  /** Workers (each one statement at a time, each with its own driver). */
  maxWorkers: number;
  /** Old-space heap of each worker: a result that needs more ends the worker, not the process. */
  heapMb: number;
}

/** Every statement sent, for tests that check what reached the server. */
export type StatementListener = (sent: { kind: 'explain' | 'read'; query: string }) => void;

interface Slot {
  worker: Worker;
  dead: boolean;
  /** Settles once the worker has loaded its code and its driver. */
  ready: Promise<void>;
  /** It did load: replacing it cannot loop on a worker that fails to start. */
  loaded: boolean;
  pending?: {
    id: number;
    resolve: (r: ExplainResult | ReadResult) => void;
    reject: (e: AppError) => void;
  };
}

const timeoutError = (ms: number) =>
  new AppError(
    ErrorCode.TIMEOUT,
    `The query did not finish within its ${ms} ms (checks, plan and run together) and was stopped`,
  );

/**
 * Runs user statements (POST /cypher) in worker threads, each with its own
 * driver, so that no result, however large, is decoded on the event loop that
 * answers HTTP. One deadline covers a whole request: when it passes, or when
 * a worker runs out of memory, the worker is ended (its connections close, so
 * the server stops the transaction) and a fresh one takes its place.
 */
export class IsolatedReader {
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private closed = false;
  onStatement: StatementListener | undefined;

  constructor(
    private readonly conn: Neo4jConnection,
    private readonly options: IsolatedOptions = { maxWorkers: 2, heapMb: 256 },
  ) {}

  /** The server's plan and query type (EXPLAIN), within what is left until `deadline` (epoch ms). */
  explain(query: string, params: Record<string, unknown>, deadline: number, budgetMs: number) {
    return this.call(
      { kind: 'explain', query, params, rowCap: 0, byteCap: 0 },
      deadline,
      budgetMs,
    ) as Promise<ExplainResult>;
  }

  /** Reads at most `rowCap` rows and `byteCap` bytes of JSON, stopping the stream at either. */
  read(
    query: string,
    params: Record<string, unknown>,
    caps: { rowCap: number; byteCap: number },
    deadline: number,
    budgetMs: number,
  ) {
    return this.call(
      { kind: 'read', query, params, ...caps },
      deadline,
      budgetMs,
    ) as Promise<ReadResult>;
  }

  /**
   * Starts a worker ahead of the first request and waits until it is ready,
   * so that loading code is not paid out of a request's deadline.
   */
  async warm(): Promise<void> {
    if (this.closed) return;
    if (this.idle.length === 0 && this.slots.size < this.options.maxWorkers)
      this.idle.push(this.spawn());
    await Promise.all([...this.idle].map((s) => s.ready));
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.slots];
    this.slots.clear();
    this.idle.length = 0;
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  private async call(
    req: Omit<WorkerRequest, 'id' | 'timeoutMs'>,
    deadline: number,
    budgetMs: number,
  ): Promise<ExplainResult | ReadResult> {
    const slot = await this.acquire(deadline, budgetMs);
    const remaining = deadline - Date.now();
    try {
      if (remaining <= 0) throw timeoutError(budgetMs);
      this.onStatement?.({ kind: req.kind, query: req.query });
      return await new Promise<ExplainResult | ReadResult>((resolve, reject) => {
        const id = this.nextId++;
        const timer = setTimeout(() => {
          this.kill(slot);
          reject(timeoutError(budgetMs));
        }, remaining);
        slot.pending = {
          id,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        slot.worker.postMessage({ ...req, id, timeoutMs: remaining } satisfies WorkerRequest);
      });
    } finally {
      slot.pending = undefined;
      this.release(slot);
    }
  }

  private acquire(deadline: number, budgetMs: number): Promise<Slot> {
    if (this.closed)
      return Promise.reject(
        new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'The server is shutting down'),
      );
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.slots.size < this.options.maxWorkers) return Promise.resolve(this.spawn());
    // All workers busy: wait for one, but not past the request's deadline.
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(this.acquire(deadline, budgetMs));
      };
      const timer = setTimeout(
        () => {
          const at = this.waiting.indexOf(wake);
          if (at !== -1) this.waiting.splice(at, 1);
          reject(timeoutError(budgetMs));
        },
        Math.max(0, deadline - Date.now()),
      );
      this.waiting.push(wake);
    });
  }

  private release(slot: Slot): void {
    if (!slot.dead && !this.closed) this.idle.push(slot);
    this.waiting.shift()?.();
  }

  private kill(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    const idle = this.idle.indexOf(slot);
    if (idle !== -1) this.idle.splice(idle, 1);
    void slot.worker.terminate();
    // A fresh worker for the next request, loaded while nobody waits for it.
    if (!this.closed && slot.loaded) void this.warm();
  }

  private spawn(): Slot {
    const worker = startWorker(this.conn, this.options.heapMb);
    // Idle workers must not keep the process alive; a pending call's timer does.
    worker.unref();
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const slot: Slot = { worker, dead: false, ready, loaded: false };
    this.slots.add(slot);
    worker.once('exit', () => markReady());
    worker.on('message', (reply: WorkerReply | 'ready') => {
      if (reply === 'ready') {
        slot.loaded = true;
        markReady();
        return;
      }
      const pending = slot.pending;
      if (!pending || pending.id !== reply.id) return;
      if (reply.error) pending.reject(new AppError(reply.error.code, reply.error.message));
      else pending.resolve(reply.result!);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const tooLarge = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.kill(slot);
      slot.pending?.reject(
        tooLarge
          ? new AppError(
              ErrorCode.TOO_COMPLEX,
              `The result is too large to read (over ${this.options.heapMb} MB while decoding); return fewer or smaller values`,
            )
          : new AppError(ErrorCode.INTERNAL, 'The query runner failed', { cause: err }),
      );
    });
    worker.on('exit', () => {
      this.kill(slot);
      slot.pending?.reject(
        this.closed
          ? new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'The server is shutting down')
          : new AppError(ErrorCode.INTERNAL, 'The query runner stopped'),
      );
    });
    return slot;
  }
}

function startWorker(conn: Neo4jConnection, heapMb: number): Worker {
  const options = {
    workerData: { conn },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
  };
  const file = path.join(__dirname, `isolated-worker${path.extname(__filename)}`);
  if (!file.endsWith('.ts')) return new Worker(file, options);
  // Run from the TypeScript sources (ts-jest): the worker, which ts-jest does
  // not see, compiles them with esbuild (a development dependency).
  const bootstrap = `
    const fs = require('node:fs');
    const { transformSync } = require('esbuild');
    require.extensions['.ts'] = (m, file) => m._compile(
      transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: file }).code,
      file,
    );
    require(${JSON.stringify(file)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
