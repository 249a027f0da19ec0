import {
  getNullableType,
  isEnumType,
  isListType,
  isScalarType,
  type GraphQLOutputType,
} from 'graphql';
import { stringLiteral } from './statements/identifiers';

/**
 * The planner's Cypher vocabulary: small functions that each build one kind
 * of expression or clause from values the planner already checked. Names of
 * variables come from one counter per statement, so nested subqueries never
 * shadow each other; user values never reach the text (they are parameters);
 * a condition list that is empty writes no WHERE at all.
 */

/** Variable and parameter names of one statement. */
export class Names {
  private counter = 0;
  /** A fresh variable name, e.g. r3. */
  variable(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /**
   * Builds one alternative per item (a CASE branch per type) from the same
   * counter, so alternatives that select alike read alike and share a
   * branch; their variables are local to each branch. Names given later
   * follow all of them.
   */
  /** Where the counter stands (a built expression's names end there). */
  get position(): number {
    return this.counter;
  }

  /** Moves past names an earlier, identical build gave out (a memoised expression). */
  skipTo(position: number): void {
    this.counter = Math.max(this.counter, position);
  }

  alike<T, R>(items: readonly T[], build: (item: T) => R): R[] {
    const start = this.counter;
    let end = start;
    const out = items.map((item) => {
      this.counter = start;
      const built = build(item);
      end = Math.max(end, this.counter);
      return built;
    });
    this.counter = end;
    return out;
  }
}

/** A string literal (only for names from the schema and the model, never user values). */
export const literal = stringLiteral;

/** A map literal with the response keys as they are (GraphQL names are valid quoted keys). */
export function mapOf(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `\`${k}\`: ${v}`).join(', ')}}`;
}

/** ` WHERE a AND b`, or nothing when there is no condition. */
export function whereOf(conditions: readonly (string | false | null | undefined)[]): string {
  const present = conditions.filter((c): c is string => Boolean(c));
  return present.length ? ` WHERE ${present.join(' AND ')}` : '';
}

/**
 * A cursor as the API writes it (model.ts encodeCursor): 'k:' and the
 * keyset key, base64url without padding.
 */
export function cursorExpression(key: string): string {
  return `replace(apoc.text.base64UrlEncode('k:' + ${key}), '=', '')`;
}

/**
 * A stored value as the field's GraphQL type writes it: a date as
 * YYYY-MM-DD, an enum's stored value as its GraphQL name (through a map
 * literal read by key), lists item by item; other scalars as stored.
 */
export function outputValue(expr: string, type: GraphQLOutputType): string {
  const t = getNullableType(type);
  if (isListType(t)) {
    const inner = outputValue('x', t.ofType);
    return inner === 'x' ? expr : `[x IN ${expr} | ${inner}]`;
  }
  if (isScalarType(t)) return t.name === 'Date' ? `toString(${expr})` : expr;
  if (isEnumType(t)) {
    const values = t.getValues();
    if (values.every((v) => v.value === v.name)) return expr;
    return `${mapOf(values.map((v) => [String(v.value), literal(v.name)]))}[${expr}]`;
  }
  throw new Error(`${String(type)} is not a leaf type`);
}

/** The GraphQL name of a stored enum value known when planning. */
export function enumName(type: GraphQLOutputType, stored: string): string {
  const t = getNullableType(type);
  if (!isEnumType(t)) throw new Error(`${String(type)} is not an enum`);
  const found = t.getValues().find((v) => v.value === stored);
  if (!found) throw new Error(`${stored} is not a value of ${t.name}`);
  return literal(found.name);
}
