import type { FieldSpec, Model } from './spec';

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
