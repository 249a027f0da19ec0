import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many fields graphql-jit generates code for when it compiles this
 * operation, counted up to `limit` (the walk stops there and returns
 * `limit + 1`, so counting costs at most `limit` steps whatever the document).
 *
 * Why: graphql-jit compiles the whole selection of every possible type at
 * each abstract position (`Node` has some twenty), so code size multiplies
 * with each abstract level the document nests: a document of fifty
 * characters can ask for millions of generated fields and exhaust the heap
 * inside `new Function`. This walk expands abstract types the same way and
 * merges fields by response key as graphql-jit's collectFields does. @skip
 * and @include are ignored (every field is counted), so the figure is an
 * upper bound. Fragment spreads count one step each, so a document of
 * nested spreads that select nothing still ends the walk.
 */
export function jitFieldCount(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  limit: number,
): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    else if (
      d.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || d.name?.value === operationName)
    )
      operation ??= d;
  }
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;

  let count = 0;
  const over = () => count > limit;

  /** Fields of `type` selected by `sets`, by response key (graphql-js's collectFields, directives ignored). */
  const collect = (type: GraphQLObjectType, sets: readonly SelectionSetNode[]) => {
    const fields = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const visit = (set: SelectionSetNode) => {
      for (const s of set.selections) {
        if (over()) return;
        if (s.kind === Kind.FIELD) {
          const key = s.alias?.value ?? s.name.value;
          const found = fields.get(key);
          if (found) found.push(s);
          else fields.set(key, [s]);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          count += 1;
          if (applies(s.typeCondition?.name.value, type)) visit(s.selectionSet);
        } else {
          count += 1;
          const name = s.name.value;
          const fragment = fragments[name];
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (applies(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of sets) visit(set);
    return fields;
  };

  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (!condition || condition === type.name) return true;
    const named = schema.getType(condition);
    return !!named && isAbstractType(named) && schema.isSubType(named, type);
  };

  const walk = (type: GraphQLObjectType, sets: readonly SelectionSetNode[]) => {
    for (const [, nodes] of collect(type, sets)) {
      if (over()) return;
      count += 1;
      const name = nodes[0]!.name.value;
      const def = type.getFields()[name];
      if (!def) continue; // __typename and meta fields
      const named = getNamedType(def.type);
      const subsets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      if (subsets.length === 0) continue;
      if (isObjectType(named)) walk(named, subsets);
      else if (isAbstractType(named))
        for (const t of schema.getPossibleTypes(named)) {
          if (over()) return;
          walk(t, subsets);
        }
    }
  };
  walk(root, [operation.selectionSet]);
  return over() ? limit + 1 : count;
}
