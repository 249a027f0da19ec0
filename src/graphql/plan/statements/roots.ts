import {
  call,
  eq,
  fn,
  hasLabel,
  match,
  node,
  num,
  param,
  path,
  print,
  prop,
  query,
  Return,
  str,
  union,
  v,
  when,
  With,
  type Clause,
} from '../../../cypher';

/** How a root field finds its one entity. */
export type RootLookup =
  | { by: 'id'; label: string | null }
  | { by: 'isoCode'; label: 'State' | 'Country' }
  | { by: 'acronym' };

/**
 * The clauses that bind a root field's entity to n0, index-backed: the
 * unique id, the unique ISO code of its label, or a project's stored
 * acronym or name key (lookup-key.ts: case, spaces, hyphens, underscores
 * and dots ignored; a series wins over its phases when both match).
 *
 * Params: $id, $isoCode or $key.
 */
export function rootClauses(lookup: RootLookup): Clause[] {
  switch (lookup.by) {
    case 'id':
      return [
        match(
          path(node('n0', ['Entity'], [['id', param('id')]])),
          lookup.label !== null && hasLabel(v('n0'), [lookup.label]),
        ),
      ];
    case 'isoCode':
      return [match(path(node('n0', [lookup.label], [['isoCode', param('isoCode')]])))];
    case 'acronym': {
      const byKey = (key: string) =>
        query(
          match(path(node('n', ['Project'])), eq(prop(v('n'), key), param('key'))),
          Return(['n']),
        );
      const n0 = v('n0');
      return [
        call([], union([byKey('acronymKey'), byKey('nameKey')])),
        With([[v('n'), 'n0']], {
          orderBy: [when([[eq(prop(n0, 'kind'), str('series')), num(0)]], num(1)), prop(n0, 'id')],
          limit: num(1),
        }),
      ];
    }
  }
}

/** The resolvers' statement for a root field that finds one entity: its labels and properties. */
export function rootStatement(lookup: RootLookup): string {
  const n0 = v('n0');
  return print(
    query(
      ...rootClauses(lookup),
      Return([
        [fn('labels', n0), 'labels'],
        [fn('properties', n0), 'props'],
      ]),
    ),
  );
}
