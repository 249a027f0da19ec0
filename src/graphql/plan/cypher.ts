import {
  getNullableType,
  isEnumType,
  isListType,
  isScalarType,
  type GraphQLOutputType,
} from 'graphql';
import { at, each, fn, map, plus, str, v, type Expr } from '../../cypher';

/**
 * The planner's Cypher vocabulary beyond the tree's own constructors
 * (src/cypher): the names of one statement's variables, and the values the
 * API writes (cursors, dates, enums) as expressions.
 */

/** Variable and parameter names of one statement. */
export class Names {
  private counter = 0;
  /** A fresh variable name, e.g. r3. */
  variable(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Where the counter stands (a built expression's names end there). */
  get position(): number {
    return this.counter;
  }

  /** Moves past names an earlier, identical build gave out (a memoised expression). */
  skipTo(position: number): void {
    this.counter = Math.max(this.counter, position);
  }

  /**
   * Builds one alternative per item (a CASE branch per type) from the same
   * counter, so alternatives that select alike read alike and share a
   * branch; their variables are local to each branch. Names given later
   * follow all of them.
   */
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

/**
 * A cursor as the API writes it (model.ts encodeCursor): 'k:' and the
 * keyset key, base64url without padding.
 */
export function cursorExpression(key: Expr): Expr {
  return fn('replace', fn('apoc.text.base64UrlEncode', plus(str('k:'), key)), str('='), str(''));
}

/**
 * A stored value as the field's GraphQL type writes it: a date as
 * YYYY-MM-DD, an enum's stored value as its GraphQL name (through a map
 * literal read by key), lists item by item; other scalars as stored.
 */
export function outputValue(expr: Expr, type: GraphQLOutputType): Expr {
  const t = getNullableType(type);
  if (isListType(t)) {
    const item = v('x');
    const inner = outputValue(item, t.ofType);
    return inner === item ? expr : each('x', expr, { map: inner });
  }
  if (isScalarType(t)) return t.name === 'Date' ? fn('toString', expr) : expr;
  if (isEnumType(t)) {
    const values = t.getValues();
    if (values.every((value) => value.value === value.name)) return expr;
    return at(map(values.map((value) => [String(value.value), str(value.name)])), expr);
  }
  throw new Error(`${String(type)} is not a leaf type`);
}

/** The GraphQL name of a stored enum value known when planning. */
export function enumName(type: GraphQLOutputType, stored: string): Expr {
  const t = getNullableType(type);
  if (!isEnumType(t)) throw new Error(`${String(type)} is not an enum`);
  const found = t.getValues().find((value) => value.value === stored);
  if (!found) throw new Error(`${stored} is not a value of ${t.name}`);
  return str(found.name);
}
