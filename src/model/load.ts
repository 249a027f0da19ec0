import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../config';
import { RESERVED_PROPERTIES } from './limits';
import { modelSpec, type Model, type PropertySpec } from './spec';

/** The seed folder: model.yaml and the seed files it describes. */
export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
export const MODEL_FILE = path.join(SEED_DIR, 'model.yaml');

const IDENTIFIER_LABEL = /^[A-Z][A-Za-z]*$/;
const IDENTIFIER_TYPE = /^[A-Z][A-Z_]*$/;
const IDENTIFIER_PROP = /^[a-z][A-Za-z]*$/;

/**
 * Reads seed/model.yaml: its shape checked with zod (spec.ts), then what a
 * shape cannot say. Labels, types and property names end up as Cypher
 * identifiers and property keys, so they are held to strict patterns here;
 * relationship ends and fields must name what exists.
 */
export function loadModel(file = MODEL_FILE): Model {
  const parsed = modelSpec.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  ${i.path.map(String).join('.') || '(top)'}: ${i.message}`,
    );
    throw new Error(`model.yaml does not have the model's shape:\n${problems.join('\n')}`);
  }
  const model = parsed.data;
  for (const [label, spec] of Object.entries(model.labels)) {
    if (!IDENTIFIER_LABEL.test(label))
      throw new Error(`model.yaml: label "${label}" is not PascalCase`);
    checkProperties(`label ${label}`, spec.properties);
  }
  for (const [type, spec] of Object.entries(model.relationships)) {
    if (!IDENTIFIER_TYPE.test(type))
      throw new Error(`model.yaml: relationship type "${type}" is not UPPER_SNAKE`);
    checkProperties(`relationship ${type}`, spec.properties);
    for (const l of [...spec.from, ...spec.to]) {
      if (!model.labels[l])
        throw new Error(`model.yaml: relationship ${type} names unknown label ${l}`);
    }
  }
  checkFields(model);
  checkTimeline(model);
  checkEntityDates(model);
  return model;
}

/**
 * A label's `date` is one of its date properties. Pages read an entity's
 * date as the first of every label's date that it has (entityDates), so a
 * label must not hold an earlier one of them than its own.
 */
function checkEntityDates(model: Model): void {
  for (const [label, spec] of Object.entries(model.labels))
    if (spec.date !== undefined && spec.properties[spec.date]?.type !== 'date')
      throw new Error(
        `model.yaml: ${label}.date names ${spec.date}, not a date property of ${label}`,
      );
  const dates = entityDates(model);
  for (const [label, spec] of Object.entries(model.labels)) {
    const read = dates.find((d) => spec.properties[d]);
    if (read !== spec.date)
      throw new Error(
        `model.yaml: pages would date ${label} by ${read ?? 'nothing'} (the first of the labels' dates it has), not by its date ${spec.date ?? '(none)'}`,
      );
  }
}

/** Every label's date property, each once, in the model's label order: what a page reads of an entity. */
export function entityDates(model: Model): string[] {
  return [
    ...new Set(Object.values(model.labels).flatMap((spec) => (spec.date ? [spec.date] : []))),
  ];
}

/**
 * Timeline kinds read a date property of a label, and each walk must be one
 * the model allows: every step's type leaves a label the walk can stand on,
 * its labels are ones the type reaches, and the last step reaches State.
 */
function checkTimeline(model: Model): void {
  const { institution, kinds } = model.timeline;
  for (const [kind, spec] of Object.entries(kinds)) {
    const where = `model.yaml: timeline ${kind}`;
    if (!/^[A-Z][A-Z_]*$/.test(kind)) throw new Error(`${where} is not UPPER_SNAKE`);
    const label = model.labels[spec.label];
    if (!label) throw new Error(`${where} names unknown label ${spec.label}`);
    if (label.properties[spec.date]?.type !== 'date')
      throw new Error(`${where}: ${spec.label}.${spec.date} is not a date property`);
    spec.involves.forEach((walk, w) => {
      let at = [spec.label];
      walk.forEach((step, i) => {
        const s = step === 'institution' ? institution : step;
        const [direction, types] = 'out' in s ? (['out', s.out] as const) : (['in', s.in] as const);
        // Every type of a step must be one the walk can take here, except in
        // the shared institution step, which serves walks that stand on
        // different labels and needs one of its types to apply.
        const shared = step === 'institution';
        const reached = new Set<string>();
        for (const type of types) {
          const rel = model.relationships[type];
          if (!rel) throw new Error(`${where}, walk ${w + 1}: unknown relationship type ${type}`);
          const [near, far] = direction === 'out' ? [rel.from, rel.to] : [rel.to, rel.from];
          if (near.some((l) => at.includes(l))) far.forEach((l) => reached.add(l));
          else if (!shared)
            throw new Error(
              `${where}, walk ${w + 1}: step ${i + 1} (${type}) cannot be walked ${direction} from ${at.join('|')}`,
            );
        }
        if (reached.size === 0)
          throw new Error(
            `${where}, walk ${w + 1}: step ${i + 1} (${types.join('|')}) cannot be walked ${direction} from ${at.join('|')}`,
          );
        // The last step reaches the state itself (timeline.ts writes it as st).
        if (i === walk.length - 1 && 'labels' in s && s.labels)
          throw new Error(
            `${where}, walk ${w + 1}: the last step reaches the state; it takes no labels`,
          );
        const labels = 'labels' in s && s.labels ? s.labels : [...reached];
        for (const l of labels)
          if (!reached.has(l))
            throw new Error(`${where}, walk ${w + 1}: step ${i + 1} cannot reach ${l}`);
        at = labels;
      });
      if (!at.includes('State')) throw new Error(`${where}, walk ${w + 1} does not reach a State`);
    });
  }
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
  for (const name of Object.keys(props)) {
    if (!IDENTIFIER_PROP.test(name) || RESERVED_PROPERTIES.includes(name)) {
      throw new Error(`model.yaml: ${where} has an invalid or reserved property name "${name}"`);
    }
  }
}
