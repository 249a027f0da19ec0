/**
 * The Cypher the project builds, as a tree: expressions, patterns, clauses
 * and queries as plain, immutable data, printed to text in one place
 * (print.ts). Plain data on purpose: two parts built alike are equal field
 * by field (identity.ts sameTree), which is how the planner tells that two
 * types select alike and can share one branch. Names of variables are chosen by the builder that
 * creates them (one counter per statement), labels, relationship types and
 * property keys are checked when printed, user values are only ever
 * parameters, and there is no node for free text except a whole .cypher
 * file included as a subquery.
 */

/** Binary operators, by how tightly they bind (print.ts PRECEDENCE). */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '='
  | '<>'
  | '<'
  | '>'
  | '<='
  | '>='
  | 'IN'
  | 'CONTAINS'
  | 'STARTS WITH'
  | 'ENDS WITH'
  | '=~';

export type Expr =
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'string'; readonly value: string }
  | { readonly k: 'number'; readonly value: number }
  | { readonly k: 'boolean'; readonly value: boolean }
  | { readonly k: 'null' }
  /** `*`: every row, the argument of count(*). */
  | { readonly k: 'rows' }
  | { readonly k: 'property'; readonly of: Expr; readonly key: string }
  | { readonly k: 'index'; readonly of: Expr; readonly index: Expr }
  | { readonly k: 'slice'; readonly of: Expr; readonly from: Expr | null; readonly to: Expr | null }
  | { readonly k: 'map'; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly k: 'list'; readonly items: readonly Expr[] }
  | { readonly k: 'function'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly k: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'and' | 'or'; readonly items: readonly Expr[] }
  | { readonly k: 'not'; readonly of: Expr }
  | { readonly k: 'isNull'; readonly of: Expr; readonly negated: boolean }
  /** `v:A|B`: the variable carries one of the labels. */
  | { readonly k: 'hasLabel'; readonly of: Expr; readonly labels: readonly string[] }
  | {
      readonly k: 'case';
      readonly branches: readonly (readonly [Expr, Expr])[];
      readonly otherwise: Expr | null;
    }
  /** `[v IN list WHERE c | e]`. */
  | {
      readonly k: 'comprehension';
      readonly v: string;
      readonly list: Expr;
      readonly where: Expr | null;
      readonly map: Expr | null;
    }
  /** `all(v IN list WHERE c)`. */
  | { readonly k: 'all'; readonly v: string; readonly list: Expr; readonly where: Expr }
  /** `reduce(acc = init, v IN list | e)`. */
  | {
      readonly k: 'reduce';
      readonly acc: string;
      readonly init: Expr;
      readonly v: string;
      readonly list: Expr;
      readonly map: Expr;
    }
  /** `COLLECT { ... }`, `COUNT { ... }`, `EXISTS { ... }` over a query or a bare pattern. */
  | {
      readonly k: 'subquery';
      readonly kind: 'COLLECT' | 'COUNT' | 'EXISTS';
      readonly body: Query | Pattern;
    };

/** A node in a pattern: `(v:A|B {key: e})`. */
export interface NodePattern {
  readonly v: string | null;
  readonly labels: readonly string[];
  readonly props: readonly (readonly [string, Expr])[];
}

/** A relationship in a pattern: `-[v:T|U*..n]->`. */
export interface RelationshipPattern {
  readonly v: string | null;
  readonly types: readonly string[];
  readonly direction: 'out' | 'in' | 'both';
  /** A var-length upper bound, a literal (a bound cannot be a parameter). */
  readonly maxHops: number | null;
}

/** A path: a node, then relationships and nodes in turn. */
export interface Pattern {
  readonly k: 'pattern';
  readonly start: NodePattern;
  readonly steps: readonly (readonly [RelationshipPattern, NodePattern])[];
  /** `p = ...`. */
  readonly path: string | null;
  readonly shortest: 'allShortestPaths' | null;
}

/** A projected item: an expression and its name (null: the expression is a variable kept as is). */
export type Item = readonly [Expr, string | null];

export interface Order {
  readonly by: Expr;
  readonly descending: boolean;
}

/** Rows' order and count after a WITH or RETURN. */
export interface Paging {
  readonly orderBy: readonly Order[];
  readonly limit: Expr | null;
}

export type Clause =
  | {
      readonly k: 'match';
      readonly optional: boolean;
      readonly pattern: Pattern;
      /** A relationship index hint: `USING INDEX SEEK r:T(key)`. */
      readonly seek: { readonly v: string; readonly type: string; readonly key: string } | null;
      readonly where: Expr | null;
    }
  | {
      readonly k: 'with' | 'return';
      readonly distinct: boolean;
      readonly items: readonly Item[];
      readonly paging: Paging;
      readonly where: Expr | null;
    }
  | { readonly k: 'unwind'; readonly list: Expr; readonly as: string }
  | {
      readonly k: 'call';
      readonly optional: boolean;
      /** The variables the subquery imports: `CALL (a, b) { ... }`. */
      readonly imports: readonly string[];
      readonly body: Query;
      /** `IN TRANSACTIONS OF n ROWS`. */
      readonly batch: number | null;
    }
  /** `SET v += map`. */
  | { readonly k: 'setMerge'; readonly v: string; readonly map: Expr };

export type Query =
  | { readonly k: 'query'; readonly clauses: readonly Clause[] }
  | { readonly k: 'union'; readonly all: boolean; readonly members: readonly Query[] }
  /** A whole statement kept in a .cypher file, named for the reader of the printed text. */
  | { readonly k: 'file'; readonly name: string; readonly text: string };
