/**
 * How names of the model become GraphQL names. Shared by the schema generator
 * and the runtime (which resolves interface types by these names), so the two
 * cannot disagree.
 */
export type Direction = 'out' | 'in';

/** MEMBER_OF → MemberOf */
export function pascalOfType(type: string): string {
  return type
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

const suffix = (direction: Direction) => (direction === 'in' ? 'Incoming' : '');

/** The connection edge of a relationship type seen from one end: MemberOfEdge, MemberOfIncomingEdge. */
export function edgeTypeName(type: string, direction: Direction): string {
  return `${pascalOfType(type)}${suffix(direction)}Edge`;
}

/** A single link (no cursor): MemberOfLink, PhaseOfLink, HeldPresidencyIncomingLink. */
export function linkTypeName(type: string, direction: Direction): string {
  return `${pascalOfType(type)}${suffix(direction)}Link`;
}

export function connectionTypeName(type: string, direction: Direction): string {
  return `${pascalOfType(type)}${suffix(direction)}Connection`;
}

/** Filter input of a derived relationship type's connections: PursuesFilter. */
export function derivedFilterName(type: string): string {
  return `${pascalOfType(type)}Filter`;
}

/** A stored enum value as a GraphQL enum value: programme-of-work → PROGRAMME_OF_WORK, OmbudspersonInstitution → OMBUDSPERSON_INSTITUTION. */
export function enumValueName(stored: string): string {
  return stored
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** The enum of a property: Project.kind → ProjectKind, PURSUES.rule → PursuesRule. */
export function propertyEnumName(owner: string, property: string): string {
  // Owners are labels (PascalCase) or relationship types (UPPER_SNAKE).
  const ownerName = /^[A-Z][A-Z_]*$/.test(owner) ? pascalOfType(owner) : owner;
  return `${ownerName}${property.charAt(0).toUpperCase()}${property.slice(1)}`;
}

/** Entity list types: StateConnection, StateEdge, and the filter of a label with kinds: ProjectFilter. */
export const entityConnectionName = (label: string) => `${label}Connection`;
export const entityEdgeName = (label: string) => `${label}Edge`;
export const entityFilterName = (label: string) => `${label}Filter`;
