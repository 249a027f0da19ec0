import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../../errors';
import type { GraphQLContext } from '../request/context';
import { stringifyData } from './serialize';

/** A result as JSON.stringify writes it, its data through stringifyData (planned responses in document order). */
function resultJson(value: FormattedExecutionResult): string {
  const parts: string[] = [];
  if (value.errors !== undefined) parts.push(`"errors":${JSON.stringify(value.errors)}`);
  if (value.data !== undefined) parts.push(`"data":${stringifyData(value.data)}`);
  if (value.extensions !== undefined)
    parts.push(`"extensions":${JSON.stringify(value.extensions)}`);
  return `{${parts.join(',')}}`;
}

/** A result's JSON, kept between the size check and Apollo's serialisation of the same result. */
interface Serialised {
  text: string;
  errors: FormattedExecutionResult['errors'];
  extensions: FormattedExecutionResult['extensions'];
}

/**
 * Bounds the size of a GraphQL response. Apollo serialises a response after
 * its last hook, where nothing can refuse it any more, so the bound is
 * checked in willSendResponse, by serialising the result there: above
 * `maxBytes` the client gets TOO_COMPLEX (HTTP 400) naming the limit and no
 * part of the data. The text is then handed to Apollo through
 * `stringifyResult` (found by the result's data object), so a response is
 * serialised once. The plugin must be the last one to change responses:
 * anything changed after it would be checked but not sent.
 */
export function responseSizeLimit(maxBytes: number): {
  plugin: ApolloServerPlugin<GraphQLContext>;
  stringifyResult: (value: FormattedExecutionResult) => string;
} {
  const serialised = new WeakMap<object, Serialised>();
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            const { errors, data, extensions } = response.body.singleResult;
            // The field order Apollo writes (errors, data, extensions).
            const text = resultJson({ errors, data, extensions });
            const bytes = Buffer.byteLength(text, 'utf8');
            if (bytes > maxBytes) {
              response.body.singleResult = {
                errors: [
                  {
                    message: `The response would be ${bytes} bytes, above the limit of ${maxBytes} (GRAPHQL_MAX_RESPONSE_BYTES): ask for smaller pages or fewer fields`,
                    extensions: { code: ErrorCode.TOO_COMPLEX, bytes, limit: maxBytes },
                  },
                ],
                ...(extensions ? { extensions } : {}),
              };
              response.http.status = 400;
              return;
            }
            if (data && typeof data === 'object')
              serialised.set(data, { text, errors, extensions });
          },
        };
      },
    },
    stringifyResult(value) {
      const known = value.data ? serialised.get(value.data) : undefined;
      if (known && known.errors === value.errors && known.extensions === value.extensions)
        return `${known.text}\n`;
      return `${resultJson(value)}\n`;
    },
  };
}
