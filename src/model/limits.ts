import { PAGE_KEY_PROPERTIES } from './page-key-names';
import type { PropertySpec } from './spec';

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
