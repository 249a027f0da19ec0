import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../config';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export type PropertyType = 'string' | 'text' | 'integer' | 'boolean' | 'date' | 'strings' | 'enum';

export interface PropertySpec {
  type: PropertyType;
  required?: boolean;
  values?: string[];
  description?: string;
}

export interface LabelSpec {
  idPrefix: string;
  description: string;
  properties: Record<string, PropertySpec>;
}

export interface RelationshipSpec {
  description: string;
  from: string[];
  to: string[];
  period: boolean;
  properties: Record<string, PropertySpec>;
}

export interface Model {
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
  return raw;
}

function checkProperties(where: string, props: Record<string, PropertySpec>): void {
  for (const name of Object.keys(props)) {
    if (!IDENTIFIER_PROP.test(name) || RESERVED_PROPERTIES.includes(name)) {
      throw new Error(`model.yaml: ${where} has an invalid or reserved property name "${name}"`);
    }
  }
}
