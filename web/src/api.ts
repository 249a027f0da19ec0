/**
 * The page reads only through the API's persisted GET route: each document
 * is a file in web/queries, allowlisted by the server, so answers are
 * cacheable (ETag keyed by the dataset version) and no ad-hoc query is sent.
 */
export class ApiError extends Error {}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function read<T>(name: string, variables: Record<string, unknown> = {}): Promise<T> {
  const defined = Object.fromEntries(
    Object.entries(variables).filter(([, value]) => value !== undefined && value !== ''),
  );
  const query = Object.keys(defined).length
    ? `?variables=${encodeURIComponent(JSON.stringify(defined))}`
    : '';
  let response: Response;
  try {
    response = await fetch(`/graphql/persisted/${name}${query}`, {
      headers: { accept: 'application/json' },
    });
  } catch {
    throw new ApiError('the API did not answer (network error)');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`the API answered ${response.status} without JSON`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first?.extensions?.code ? ` (${first.extensions.code})` : '';
    throw new ApiError(`${first?.message ?? 'unknown error'}${code}`);
  }
  if (!response.ok || !body.data) throw new ApiError(`the API answered ${response.status}`);
  return body.data;
}
