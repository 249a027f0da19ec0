import { z } from 'zod';

/**
 * The shape of seed/model.yaml, checked with zod when it is read. Objects are
 * strict: an unknown key is refused, so a description written with an
 * unquoted comma inside a YAML flow mapping (which YAML reads as a second,
 * empty key) fails here instead of silently cutting the description short.
 */

export const PROPERTY_TYPES = [
  'string',
  'text',
  'integer',
  'boolean',
  'date',
  'strings',
  'enum',
] as const;

export const propertySpec = z.strictObject({
  type: z.enum(PROPERTY_TYPES),
  required: z.boolean().optional(),
  values: z.array(z.string()).optional(),
  description: z.string().optional(),
  /** Longest value (characters; for `strings`, of each item); default by type, see SIZE_LIMITS. */
  maxLength: z.number().int().min(1).max(100_000).optional(),
});

/** A relationship field of a label in the GraphQL API. */
export const fieldSpec = z.strictObject({
  relationship: z.string(),
  direction: z.enum(['out', 'in']),
  /** Far-end labels the field keeps (default: every label the type allows there). */
  labels: z.array(z.string()).optional(),
  cardinality: z.enum(['one', 'many']).optional(),
  description: z.string(),
});

export const labelSpec = z.strictObject({
  idPrefix: z.string(),
  /** Name of the label's top-level list in the API, e.g. states. */
  plural: z.string(),
  description: z.string(),
  /** The date property the label's entities are dated by in pages ordered by date (page-keys.ts). */
  date: z.string().optional(),
  properties: z.record(z.string(), propertySpec).default({}),
  fields: z.record(z.string(), fieldSpec).default({}),
});

export const relationshipSpec = z.strictObject({
  description: z.string(),
  /** Written by the loader (e.g. PURSUES), never by seed files. */
  derived: z.boolean().optional(),
  from: z.array(z.string()).min(1),
  to: z.array(z.string()).min(1),
  period: z.boolean(),
  properties: z.record(z.string(), propertySpec).default({}),
});

/**
 * One step of a walk from a timeline event towards a state: along one of
 * `out` or `in` (relationship types, either direction's name the walk's
 * direction), to a node of `labels` (default: any entity; the last step
 * reaches the state). `institution` is the timeline's institution step.
 */
export const walkStepSpec = z.union([
  z.literal('institution'),
  z.strictObject({ out: z.array(z.string()).min(1), labels: z.array(z.string()).optional() }),
  z.strictObject({ in: z.array(z.string()).min(1), labels: z.array(z.string()).optional() }),
]);

/** A kind of dated event of the timeline (Query.timeline, the TimelineKind enum). */
export const timelineKindSpec = z.strictObject({
  description: z.string(),
  /** The label of its events and their date property (its precision is stored beside it). */
  label: z.string(),
  date: z.string(),
  /** The event's title: the text with {name} as the event's name. */
  title: z.string().regex(/^[^{}]*\{name\}[^{}]*$/, 'holds {name} once and no other braces'),
  /** The walks by which an event of the kind involves a state (any one suffices). */
  involves: z.array(z.array(walkStepSpec).min(1)).min(1),
});

export const timelineSpec = z.strictObject({
  description: z.string(),
  /** The step from one of a state's institutions to the state. */
  institution: z.strictObject({ out: z.array(z.string()).min(1) }),
  kinds: z.record(z.string(), timelineKindSpec),
});

export const modelSpec = z.strictObject({
  /** The closed set of confidence marks a fact may carry. */
  confidence: z.strictObject({ description: z.string(), values: z.array(z.string()).min(1) }),
  labels: z.record(z.string(), labelSpec),
  relationships: z.record(z.string(), relationshipSpec),
  timeline: timelineSpec,
});

export type PropertyType = (typeof PROPERTY_TYPES)[number];
export type PropertySpec = z.infer<typeof propertySpec>;
export type FieldSpec = z.infer<typeof fieldSpec>;
export type LabelSpec = z.infer<typeof labelSpec>;
export type RelationshipSpec = z.infer<typeof relationshipSpec>;
export type WalkStep = z.infer<typeof walkStepSpec>;
export type TimelineKindSpec = z.infer<typeof timelineKindSpec>;
export type TimelineSpec = z.infer<typeof timelineSpec>;
export type Model = z.infer<typeof modelSpec>;
