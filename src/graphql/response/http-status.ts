import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../errors';
import type { GraphQLContext } from '../request/context';

/** Seconds a client should wait before trying again when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP status of a GraphQL response that failed as a whole (no data, or
 * every root field null) for one reason: the database unavailable is 503
 * with Retry-After, so load balancers and clients back off; a request
 * refused for its input (every error the client's) is 400.
 * A response with some data stays 200, its errors beside the data.
 */
export function httpStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || response.http.status) return;
          const codes = new Set(errors.map((e) => e.extensions?.code));
          const noData = data === undefined || data === null;
          const wholeFailed = noData || Object.values(data).every((v) => v === null);
          if (wholeFailed && codes.size === 1 && codes.has(ErrorCode.DATABASE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          } else if (wholeFailed && codes.size === 1 && codes.has(ErrorCode.BAD_INPUT)) {
            response.http.status = 400;
          }
        },
      };
    },
  };
}
