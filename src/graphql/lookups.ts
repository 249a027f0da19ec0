import { badInput } from '../errors';
import type { RootLookup } from './plan/statements/roots';
import type { InputMaybe } from './generated/resolvers-types';
import { lookupKey } from './lookup-key';

export type IdOrKey = {
  id?: InputMaybe<string>;
  isoCode?: InputMaybe<string>;
  acronym?: InputMaybe<string>;
};

/** How each root field that finds one entity finds it, from its arguments. */
export const lookups: Record<
  'node' | 'state' | 'country' | 'project',
  (args: IdOrKey) => [RootLookup, Record<string, unknown>]
> = {
  node: (args) => [{ by: 'id', label: null }, { id: args.id }],
  state: (args) => countryLookup('State', args),
  country: (args) => countryLookup('Country', args),
  project: (args) => {
    if (args.id) return [{ by: 'id', label: 'Project' }, { id: args.id }];
    if (!args.acronym) throw badInput('project needs an acronym or an id');
    return [{ by: 'acronym' }, { key: lookupKey(args.acronym) }];
  },
};

function countryLookup(
  label: 'State' | 'Country',
  args: IdOrKey,
): [RootLookup, Record<string, unknown>] {
  if (args.id) return [{ by: 'id', label }, { id: args.id }];
  if (!args.isoCode)
    throw badInput(`${label === 'State' ? 'state' : 'country'} needs an isoCode or an id`);
  return [{ by: 'isoCode', label }, { isoCode: args.isoCode.trim().toUpperCase() }];
}
