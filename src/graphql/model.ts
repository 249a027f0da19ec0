import neo4j from 'neo4j-driver';
import type {
  AnyEntityObject,
  AnyRelationshipObject,
  EntityObjects,
  RelationshipObjects,
} from './generated/objects';
import { AppError, badInput, ErrorCode } from '../errors';
import { PAGE_KEY_PROPERTIES } from '../model';

/**
 * The runtime objects behind the GraphQL types (graphql-codegen's mappers
 * name them): what the database rows become at the API's boundary.
 */

/**
 * What every entity holds besides its label's own properties (each label's
 * object, generated/objects.ts, extends this): its label and id, and the
 * stored properties every label has.
 */
export interface EntityObject {
  __label: string;
  id: string;
  confidence?: string | null;
  note?: string | null;
  unverified?: boolean | null;
  sourceIds?: string[] | null;
  sourceQuotes?: string[] | null;
  sortKey?: string | null;
}

export interface SourceRefObject {
  sourceId: string;
  quote: string | null;
}

export interface PeriodObject {
  from: unknown;
  fromPrecision: string | null;
  to: unknown;
  toPrecision: string | null;
}

/**
 * A relationship seen from one end: the common fields of the Relationship
 * interface, and the stored properties for fields computed from them
 * (evidence). Each type's object (generated/objects.ts) extends this with
 * the type's own properties (role, order, ...), spread beside them.
 */
export interface RelationshipObject {
  /** Set on connection edges only (RelationshipEdge); single links have none. */
  cursor?: string;
  type: string;
  direction: 'OUT' | 'IN';
  node: EntityObject;
  period: PeriodObject | null;
  /** False when no validFrom is stored: no period, or only an end. */
  periodKnown: boolean;
  sources: SourceRefObject[];
  confidence: string | null;
  unverified: boolean;
  note: string | null;
  derived: boolean;
  stored: Record<string, unknown>;
}

export interface EvidenceStepObject {
  startId: string;
  endId: string;
  type: string;
  direction: 'OUT' | 'IN';
  /** The id of the entity this step leads to. */
  nodeId: string;
}

/** One thing that lowered a path's grade, as the derivation stores it (cap in stored form). */
export interface GradeReasonObject {
  code: string;
  cap: string;
  step: number | null;
  text: string;
}

export interface EvidencePathObject {
  rule: string;
  steps: EvidenceStepObject[];
  /** As the derivation stored them; absent on links derived before it did. */
  confidence?: string;
  unverified?: boolean;
  period?: PeriodObject | null;
  gradeReasons?: GradeReasonObject[];
}

export interface PageInfoObject {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A page of entities; `N` the object of the label it lists (any entity by default). */
export interface EntityConnectionObject<N extends EntityObject = EntityObject> {
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfoObject;
  totalCount: number;
}

/** A page of relationships; `R` the object of the type it lists (any relationship by default). */
export interface RelationshipConnectionObject<R extends RelationshipObject = RelationshipObject> {
  edges: R[];
  pageInfo: PageInfoObject;
  totalCount: number;
}

/** A row of a page query: the keyset key, the far end, and the relationship when there is one. */
export interface PageRow {
  key: string;
  labels: string[];
  node: Record<string, unknown>;
  type?: string;
  out?: boolean;
  rel?: Record<string, unknown>;
}

/**
 * A node as the resolvers hold it, typed by its label (generated/objects.ts).
 * The one place a row is trusted to have its label's shape: the loader wrote
 * it against the model (src/seed/validate.ts), and a fact that lacks a
 * required property is still reported by graphql-js at its field.
 */
export function toEntity(labels: string[], props: Record<string, unknown>): AnyEntityObject {
  const own = labels.find((l) => l !== 'Entity') ?? 'Entity';
  return { ...props, __label: own, id: String(props.id) } as AnyEntityObject;
}

/** A row of a statement that matched `label`, as that label's object (its label is known, not read). */
export function entityOf<L extends keyof EntityObjects & string>(
  label: L,
  props: Record<string, unknown>,
): EntityObjects[L] {
  return toEntity([label], props) as EntityObjects[L];
}

/**
 * An entity read by id where its label is expected (a source a fact
 * cites): checked, so a wrong assumption is an error here and not a wrong
 * shape further on.
 */
export function ofLabel<L extends keyof EntityObjects>(
  label: L,
  entity: AnyEntityObject,
): EntityObjects[L] {
  if (entity.__label !== label)
    throw new AppError(
      ErrorCode.INTERNAL,
      `${entity.id} is a ${entity.__label}, not a ${String(label)}`,
    );
  return entity as EntityObjects[L];
}

/** Source references of a node or relationship, from its parallel sourceIds / sourceQuotes lists. */
export function sourceRefs(props: {
  sourceIds?: unknown;
  sourceQuotes?: unknown;
}): SourceRefObject[] {
  const ids = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.sourceQuotes as string[] | undefined) ?? [];
  return ids.map((sourceId, i) => ({ sourceId, quote: quotes[i] ? quotes[i] : null }));
}

export function periodOf(props: Record<string, unknown>): PeriodObject | null {
  if (!props.validFrom && !props.validTo) return null;
  return {
    from: props.validFrom ?? null,
    fromPrecision: (props.validFromPrecision as string | undefined) ?? null,
    to: props.validTo ?? null,
    toPrecision: (props.validToPrecision as string | undefined) ?? null,
  };
}

/** Stored properties the loader writes for its own use; never fields of an edge. */
const BOOKKEEPING = new Set([
  'sourceIds',
  'sourceQuotes',
  'origin',
  'seedKey',
  'key',
  'validFrom',
  'validFromPrecision',
  'validTo',
  'validToPrecision',
  'confidence',
  'unverified',
  'note',
  ...PAGE_KEY_PROPERTIES,
]);

/**
 * A stored relationship as the API shows it, seen from the entity that asked.
 * Only the type's own properties are spread (role, order, ...); GraphQL picks
 * the ones its edge type declares.
 */
/** A relationship type's object: that type's own where the type is known when compiling. */
type RelationshipObjectOf<T extends string> = T extends keyof RelationshipObjects
  ? RelationshipObjects[T]
  : AnyRelationshipObject;

export function toRelationship<T extends string>(
  type: T,
  direction: 'OUT' | 'IN',
  node: EntityObject,
  props: Record<string, unknown>,
  cursor?: string,
): RelationshipObjectOf<T> {
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!BOOKKEEPING.has(k)) own[k] = v;
  const relationship: RelationshipObject = {
    ...own,
    ...(cursor === undefined ? {} : { cursor }),
    type,
    direction,
    node,
    period: periodOf(props),
    // A match before a known end, or with no period at all, holds only because
    // the start is missing: an unknown start makes the period unknown.
    periodKnown: props.validFrom !== undefined && props.validFrom !== null,
    sources: sourceRefs(props),
    confidence: (props.confidence as string | undefined) ?? null,
    unverified: props.unverified === true,
    note: (props.note as string | undefined) ?? null,
    derived: props.origin === 'derived',
    stored: props,
  };
  // Its type is the stored one, a type of the model, and its own properties
  // are that type's (the loader wrote them against the model).
  return relationship as RelationshipObjectOf<T>;
}

function pageInfo(rows: unknown[], first: number, lastCursor: string | undefined): PageInfoObject {
  return { hasNextPage: rows.length > first, endCursor: lastCursor ?? null };
}

/** A page of entities, fetched with one extra row to know whether more follow. */
export function toEntityConnection(
  rows: PageRow[],
  total: number,
  first: number,
): EntityConnectionObject {
  const edges = rows
    .slice(0, first)
    .map((row) => ({ cursor: encodeCursor(row.key), node: toEntity(row.labels, row.node) }));
  return { edges, pageInfo: pageInfo(rows, first, edges.at(-1)?.cursor), totalCount: total };
}

/** A page of relationships, fetched with one extra row to know whether more follow. */
export function toRelationshipConnection(
  rows: PageRow[],
  total: number,
  first: number,
): RelationshipConnectionObject {
  const edges = rows
    .slice(0, first)
    .map((row) =>
      toRelationship(
        row.type ?? '',
        row.out ? 'OUT' : 'IN',
        toEntity(row.labels, row.node),
        row.rel ?? {},
        encodeCursor(row.key),
      ),
    );
  return { edges, pageInfo: pageInfo(rows, first, edges.at(-1)?.cursor), totalCount: total };
}

/** Cursors are opaque to clients: the keyset key, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:') || encodeCursor(text.slice(2)) !== cursor) {
    throw badInput('The cursor is not valid: pass an endCursor exactly as the API returned it');
  }
  return text.slice(2);
}

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** `first` defaults to 20 and is capped at 100; negative values are bad input. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput('first must be a whole number of 0 or more');
  return Math.min(first, MAX_PAGE);
}

/** Validates an ISO date argument and turns it into a Neo4j date parameter. */
export function dateParam(value: string | null | undefined, name: string) {
  if (value === null || value === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const d = new Date(0);
  if (m) d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!m || d.toISOString().slice(0, 10) !== value)
    throw badInput(`${name} must be a date written YYYY-MM-DD`);
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}
