/** Cypher as a tree (ast.ts), its constructors (build.ts) and its printer (print.ts). */
export type * from './ast';
export * from './build';
export { expression, labelName, pattern, print, stringLiteral, typeName } from './print';
export { sameTree } from './identity';
