import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../config';
import { PAGE_KEY_PROPERTIES } from './page-keys';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export type PropertyType = 'string' | 'text' | 'integer' | 'boolean' | 'date' | 'strings' | 'enum';

export interface PropertySpec {
  type: PropertyType;
  required?: boolean;
  values?: string[];
  description?: string;
  /** Longest value (characters; for `strings`, of each item); default by type, see SIZE_LIMITS. */
  maxLength?: number;
}

/**
 * Size bounds of seed values. Every value ends up in Neo4j, in API answers
 * and in exports, so none may be unbounded: a 10 MB description would be
 * stored and shipped with every answer that selects it. The defaults are
 * well above the longest value the seed holds (a name of 140 characters, a
 * description of 585, a quote of 261); a property may set its own
 * `maxLength` in model.yaml.
 */
export const SIZE_LIMITS = {
  /**
   * Largest seed file read at all (bytes), checked before it is parsed (the
   * parser holds several copies of a file); far above any value's bound, so
   * an oversized value is reported with its record and field.
   */
  fileBytes: 32 * 1024 * 1024,
  /** Default maxLength of a `string` property (and of each item of `strings`). */
  string: 500,
  /** Default maxLength of a `text` property. */
  text: 5_000,
  /** Most items of a `strings` property. */
  items: 100,
  /** Longest id or relationship key. */
  id: 120,
  /** Longest curator's note. */
  note: 2_000,
  /** Longest quote of a source. */
  quote: 2_000,
  /** Most sources one record may cite. */
  sources: 50,
} as const;

/** The longest value a property may hold (characters). */
export function maxLengthOf(spec: PropertySpec): number {
  return spec.maxLength ?? (spec.type === 'text' ? SIZE_LIMITS.text : SIZE_LIMITS.string);
}

/** A relationship field of a label in the GraphQL API. */
export interface FieldSpec {
  relationship: string;
  direction: 'out' | 'in';
  /** Far-end labels the field keeps (default: every label the type allows there). */
  labels?: string[];
  cardinality?: 'one' | 'many';
  description: string;
}

export interface LabelSpec {
  idPrefix: string;
  /** Name of the label's top-level list in the API, e.g. states. */
  plural: string;
  description: string;
  properties: Record<string, PropertySpec>;
  fields: Record<string, FieldSpec>;
}

export interface RelationshipSpec {
  description: string;
  /** Written by the loader (e.g. PURSUES), never by seed files. */
  derived?: boolean;
  from: string[];
  to: string[];
  period: boolean;
  properties: Record<string, PropertySpec>;
}

export interface Model {
  /** The closed set of confidence marks a fact may carry. */
  confidence: { description: string; values: string[] };
  labels: Record<string, LabelSpec>;
  relationships: Record<string, RelationshipSpec>;
}

/** Fields every node record may carry besides its label's properties. */
export const NODE_COMMON_FIELDS = ['id', 'sources', 'confidence', 'unverified', 'note'] as const;
/** Fields every relationship record may carry besides its type's properties. */
export const REL_COMMON_FIELDS = [
  'from',
  'to',
  'key',
  'period',
  'sources',
  'confidence',
  'unverified',
  'note',
] as const;
/**
 * Property names the loader writes itself; a model may not define them.
 * (`name` is a label property: it is indexed for search across labels.)
 */
export const RESERVED_PROPERTIES = [
  'sourceIds',
  'sourceQuotes',
  'origin',
  'seedKey',
  'validFrom',
  'validFromPrecision',
  'validTo',
  'validToPrecision',
  'sortKey',
  'acronymKey',
  'nameKey',
  // Stored page keys of relationships.
  ...PAGE_KEY_PROPERTIES,
];

const IDENTIFIER_LABEL = /^[A-Z][A-Za-z]*$/;
const IDENTIFIER_TYPE = /^[A-Z][A-Z_]*$/;
const IDENTIFIER_PROP = /^[a-z][A-Za-z]*$/;

/**
 * Reads seed/model.yaml. Labels, types and property names end up as Cypher
 * identifiers and property keys, so they are held to strict patterns here.
 */
export function loadModel(file = path.join(SEED_DIR, 'model.yaml')): Model {
  const raw = parse(fs.readFileSync(file, 'utf8')) as Model;
  for (const [label, spec] of Object.entries(raw.labels)) {
    if (!IDENTIFIER_LABEL.test(label))
      throw new Error(`model.yaml: label "${label}" is not PascalCase`);
    spec.properties ??= {};
    spec.fields ??= {};
    checkProperties(`label ${label}`, spec.properties);
  }
  for (const [type, spec] of Object.entries(raw.relationships)) {
    if (!IDENTIFIER_TYPE.test(type))
      throw new Error(`model.yaml: relationship type "${type}" is not UPPER_SNAKE`);
    spec.properties ??= {};
    checkProperties(`relationship ${type}`, spec.properties);
    for (const l of [...spec.from, ...spec.to]) {
      if (!raw.labels[l])
        throw new Error(`model.yaml: relationship ${type} names unknown label ${l}`);
    }
  }
  checkFields(raw);
  return raw;
}

/**
 * The far-end labels a field must check: its own filter where it keeps only
 * some of the labels the type allows there, else none (every far end the
 * type allows is one the field wants; checking it would only cost a label
 * test per row, or an Expand(Into) plan).
 */
export function farLabelFilter(model: Model, field: FieldSpec): string[] | null {
  const spec = model.relationships[field.relationship]!;
  const allowed = field.direction === 'out' ? spec.to : spec.from;
  const own = field.labels;
  return own && own.length < allowed.length ? own : null;
}

/** The labels a field of `label` may reach: its own filter, else the type's far end. */
export function farLabels(model: Model, field: FieldSpec): string[] {
  const spec = model.relationships[field.relationship]!;
  return field.labels ?? (field.direction === 'out' ? spec.to : spec.from);
}

/**
 * Relationship fields must walk a known type from an end the type allows, to
 * far ends it allows; a field name means one relationship and direction
 * wherever it appears, so one GraphQL selection works across types.
 */
function checkFields(model: Model): void {
  const meaning = new Map<string, string>();
  const properties = new Set(Object.values(model.labels).flatMap((l) => Object.keys(l.properties)));
  for (const [label, spec] of Object.entries(model.labels)) {
    for (const [name, f] of Object.entries(spec.fields)) {
      const where = `model.yaml: ${label}.${name}`;
      const rel = model.relationships[f.relationship];
      if (!rel) throw new Error(`${where} walks unknown relationship type ${f.relationship}`);
      if (f.direction !== 'out' && f.direction !== 'in')
        throw new Error(`${where}: direction must be out or in`);
      if (f.cardinality !== undefined && f.cardinality !== 'one' && f.cardinality !== 'many')
        throw new Error(`${where}: cardinality must be one or many`);
      const near = f.direction === 'out' ? rel.from : rel.to;
      const far = f.direction === 'out' ? rel.to : rel.from;
      if (!near.includes(label))
        throw new Error(
          `${where}: ${f.relationship} does not ${f.direction === 'out' ? 'start' : 'end'} at ${label}`,
        );
      for (const l of f.labels ?? []) {
        if (!far.includes(l)) throw new Error(`${where}: ${f.relationship} cannot reach ${l}`);
      }
      if (properties.has(name))
        throw new Error(`${where}: ${name} is a property name elsewhere; a name has one meaning`);
      const key = `${f.relationship} ${f.direction} ${f.cardinality ?? 'many'}`;
      const seen = meaning.get(name);
      if (seen !== undefined && seen !== key)
        throw new Error(`${where} is ${key}, but the same name elsewhere is ${seen}`);
      meaning.set(name, key);
    }
  }
}

function checkProperties(where: string, props: Record<string, PropertySpec>): void {
  for (const [name, spec] of Object.entries(props)) {
    if (!IDENTIFIER_PROP.test(name) || RESERVED_PROPERTIES.includes(name)) {
      throw new Error(`model.yaml: ${where} has an invalid or reserved property name "${name}"`);
    }
    const max = spec.maxLength;
    if (max !== undefined && (!Number.isSafeInteger(max) || max < 1 || max > 100_000)) {
      throw new Error(
        `model.yaml: ${where}.${name} has maxLength ${String(max)}; give 1 to 100000`,
      );
    }
  }
}
