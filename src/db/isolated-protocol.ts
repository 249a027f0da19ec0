import type { ErrorCode } from '../errors';

/** Messages between the main thread and the worker that runs user statements. */
export interface WorkerRequest {
  id: number;
  kind: 'explain' | 'read';
  query: string;
  params: Record<string, unknown>;
  /** Server-side transaction timeout: what is left of the request's deadline. */
  timeoutMs: number;
  rowCap: number;
  byteCap: number;
}

export interface ExplainResult {
  kind: 'explain';
  queryType: string;
  plan: PlanNode | false;
}

export interface ReadResult {
  kind: 'read';
  keys: string[];
  /** Rows as JSON values (see src/analyst/values.ts). */
  rows: Record<string, unknown>[];
  /** Why reading stopped early, if it did. */
  truncated: 'rows' | 'bytes' | false;
  /** Size of the rows kept, as JSON. */
  bytes: number;
}

export interface WorkerReply {
  id: number;
  result?: ExplainResult | ReadResult;
  error?: { code: ErrorCode; message: string };
}

/** One operator of an EXPLAIN plan, as the driver returns it. */
export interface PlanNode {
  operatorType?: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}
