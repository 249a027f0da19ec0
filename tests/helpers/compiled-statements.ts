import { getVariableValues, parse, type GraphQLSchema } from 'graphql';
import { getOperationAST } from 'graphql';
import { plan } from '../../src/graphql/plan/plan';
import { loadModel } from '../../src/model';

export interface SentStatement {
  operation: string;
  cypher: string;
  params: Record<string, unknown>;
}

const model = loadModel();

/**
 * The statements the API sends for a GraphQL request, as the planner
 * writes them (plan() called directly, no database): one per root field,
 * with the parameters the request's variables give. For snapshots of the
 * planner's output and for EXPLAIN on a real Neo4j; never for answers.
 */
export function compiledStatements(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> = {},
): SentStatement[] {
  const document = parse(query);
  const operation = getOperationAST(document);
  const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
  if (coerced.errors?.length) throw coerced.errors[0];
  const planned = plan(schema, model, document, undefined, coerced.coerced!);
  if (planned.kind !== 'planned') throw new Error(`not planned: ${planned.reason}`);
  return planned.roots.flatMap((root) => {
    if (root.statement === null) return [];
    const params: Record<string, unknown> = {};
    for (const write of root.writers) write(coerced.coerced!, params);
    return [{ operation: `Query.${root.nodes[0]!.name.value}`, cypher: root.statement, params }];
  });
}
