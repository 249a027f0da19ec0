/**
 * Labels and relationship types are written into compiled Cypher as
 * literals, so that the planner can use label scans, indexes and typed
 * expands (a dynamic label scans the whole store on Neo4j 5.26). They come
 * from the model and the schema's enums, never from a user's text, and are
 * held to strict patterns here once more before they are written.
 */
const LABEL = /^[A-Z][A-Za-z]*$/;
const TYPE = /^[A-Z][A-Z_]*$/;

export function label(name: string): string {
  if (!LABEL.test(name)) throw new Error(`"${name}" is not a label`);
  return name;
}

export function relationshipType(name: string): string {
  if (!TYPE.test(name)) throw new Error(`"${name}" is not a relationship type`);
  return name;
}

/** A string literal (only for names from the schema and the model, never user values). */
export function stringLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A label expression for a WHERE clause: m:Organisation|Body. */
export function labelExpression(variable: string, labels: string[]): string {
  return `${variable}:${labels.map(label).join('|')}`;
}

/** A whole number written as a literal (a var-length bound cannot be a parameter). */
export function wholeNumber(value: number, min: number, max: number): string {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${value} is not a whole number from ${min} to ${max}`);
  return String(value);
}

/** Joins the conditions that apply; TRUE when none does. */
export function where(conditions: (string | false | null | undefined)[]): string {
  const present = conditions.filter((c): c is string => Boolean(c));
  // A caller with nothing to test writes no WHERE at all (whereClause), never WHERE true.
  if (present.length === 0) throw new Error('where() needs at least one condition');
  return present.join('\n    AND ');
}

/** `WHERE a AND b` after `before` (a line break by default), or nothing when there is no condition. */
export function whereClause(
  conditions: (string | false | null | undefined)[],
  before = '\n  ',
): string {
  return conditions.some(Boolean) ? `${before}WHERE ${where(conditions)}` : '';
}

const PROPERTY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A property key written into a map projection: a schema field name, held to a strict pattern. */
export function propertyKey(name: string): string {
  if (!PROPERTY.test(name)) throw new Error(`"${name}" is not a property key`);
  return name;
}
