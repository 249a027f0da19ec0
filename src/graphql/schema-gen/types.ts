import type { DefinitionNode, FieldDefinitionNode, InputValueDefinitionNode } from 'graphql';
import { farLabels, type Model, type PropertySpec } from '../../model';
import {
  connectionTypeName,
  derivedFilterName,
  edgeTypeName,
  entityConnectionName,
  entityEdgeName,
  entityFilterName,
  linkTypeName,
  propertyEnumName,
  type Direction,
} from '../naming';
import {
  enumValue,
  inputType,
  intValue,
  objectExtension,
  objectType,
  retyped,
  type AnyField,
  type ArgSpec,
  type FieldSpec,
} from './ast';

const DIRECTIONS: Direction[] = ['out', 'in'];

const humanize = (name: string) =>
  name
    .replace(/([A-Z])/g, ' $1')
    .trim()
    .toLowerCase();

/** Arguments of every paginated field. */
const pageArgs = (what: string): ArgSpec[] => [
  {
    name: 'first',
    type: 'Int',
    description: `How many ${what} to return (default 20, at most 100).`,
    default: intValue(20),
  },
  {
    name: 'after',
    type: 'String',
    description: 'Opaque cursor of the last one seen; the page starts after it.',
  },
];

/**
 * A property's GraphQL type. A name has one type wherever it appears, so a
 * property is non-null only where every owner that has it requires it; an
 * enum property (kind) is typed by its owner's own closed set.
 */
function propertyType(owner: string, prop: string, p: PropertySpec, required: boolean): string {
  const base = {
    string: 'String',
    text: 'String',
    integer: 'Int',
    boolean: 'Boolean',
    date: 'Date',
    strings: '[String!]',
    enum: propertyEnumName(owner, prop),
  }[p.type];
  return required ? `${base}!` : base;
}

/** Property names that are required by every owner that has them. */
function requiredEverywhere(owners: Record<string, PropertySpec>[]): Set<string> {
  const seen = new Map<string, boolean>();
  for (const props of owners) {
    for (const [name, p] of Object.entries(props)) {
      seen.set(name, (seen.get(name) ?? true) && p.required === true);
    }
  }
  return new Set([...seen].filter(([, r]) => r).map(([n]) => n));
}

function propertyFields(
  owner: string,
  what: string,
  properties: Record<string, PropertySpec>,
  required: Set<string>,
): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const [prop, p] of Object.entries(properties)) {
    if (prop === 'name') continue;
    out.push({
      name: prop,
      type: propertyType(owner, prop, p, required.has(prop)),
      description: p.description
        ? `${p.description.charAt(0).toUpperCase()}${p.description.slice(1).replace(/\.$/, '')}.`
        : `The ${humanize(prop)} of this ${what}.`,
    });
    if (p.type === 'date')
      out.push({
        name: `${prop}Precision`,
        type: 'Precision',
        description: `How precise ${prop} is.`,
      });
  }
  return out;
}

/**
 * The fields of the hand-written interfaces, copied into every type that
 * implements them, so descriptions and arguments are written once.
 */
export interface InterfaceFields {
  Node: readonly FieldDefinitionNode[];
  Relationship: readonly FieldDefinitionNode[];
  /** The fields of RelationshipConnection: every connection's edges, pageInfo and totalCount. */
  Connection: readonly FieldDefinitionNode[];
  /** The fields of RelationFilter: the base every generated filter extends. */
  RelationFilter: readonly InputValueDefinitionNode[];
}

/** A connection's fields, with its own edge type. */
function connectionFields(shared: InterfaceFields, edgeType: string): FieldDefinitionNode[] {
  return shared.Connection.map((f) =>
    f.name.value === 'edges' ? retyped(f, `[${edgeType}!]!`) : f,
  );
}

/**
 * Filters that extend the base RelationFilter: the generic relationships
 * field's (by type and direction) and each derived type's (by its enum
 * properties, confidence and verification).
 */
function filterTypes(model: Model, shared: InterfaceFields): DefinitionNode[] {
  const defs: DefinitionNode[] = [
    inputType(
      'RelationshipFilter',
      'Filters for the generic relationships field: the base filters, plus types and direction.',
      [
        ...shared.RelationFilter,
        {
          name: 'types',
          type: '[RelationshipType!]',
          description: 'Only relationships of these types.',
        },
        {
          name: 'direction',
          type: 'Direction',
          description: 'Only relationships in this direction.',
        },
      ],
    ),
  ];
  for (const [type, spec] of Object.entries(model.relationships)) {
    if (!spec.derived) continue;
    const enums = Object.entries(spec.properties).filter(([, p]) => p.type === 'enum');
    defs.push(
      inputType(
        derivedFilterName(type),
        `Filters for ${type} links: the base filters, plus ${[...enums.map(([prop]) => prop), 'confidence', 'verification'].join(', ')}.`,
        [
          ...shared.RelationFilter,
          ...enums.map(([prop]) => ({
            name: `${prop}s`,
            type: `[${propertyEnumName(type, prop)}!]`,
            description: `Only links with one of these ${prop}s.`,
          })),
          {
            name: 'confidence',
            type: '[Confidence!]',
            description: 'Only links with one of these confidence marks.',
          },
          {
            name: 'unverified',
            type: 'Boolean',
            description: 'Only unverified (true) or only verified (false) links.',
          },
        ],
      ),
    );
  }
  return defs;
}

function relationshipFields(shared: InterfaceFields, nodeType: string): FieldDefinitionNode[] {
  return shared.Relationship.map((f) => (f.name.value === 'node' ? retyped(f, `${nodeType}!`) : f));
}

/** The type of the far end of a relationship type seen from one end: a label, or Node. */
function farType(model: Model, type: string, direction: Direction): string {
  const spec = model.relationships[type]!;
  const far = direction === 'out' ? spec.to : spec.from;
  return far.length === 1 ? far[0]! : 'Node';
}

function relationshipTypes(model: Model, shared: InterfaceFields): DefinitionNode[] {
  const defs: DefinitionNode[] = [];
  const required = requiredEverywhere(Object.values(model.relationships).map((r) => r.properties));
  // Edges exist for every type and direction (the generic relationships
  // field returns any); connections only where a field pages through them;
  // outgoing links for every type, as the steps of paths and subgraphs, and
  // incoming ones where a field is a single link.
  const links = new Set<string>(
    Object.keys(model.relationships).map((t) => linkTypeName(t, 'out')),
  );
  const connections = new Set<string>();
  for (const spec of Object.values(model.labels))
    for (const f of Object.values(spec.fields))
      if (f.cardinality === 'one') links.add(linkTypeName(f.relationship, f.direction));
      else connections.add(connectionTypeName(f.relationship, f.direction));

  for (const [type, spec] of Object.entries(model.relationships)) {
    const props = propertyFields(type, `${humanize(type)} relationship`, spec.properties, required);
    if (spec.derived)
      props.push({
        name: 'evidence',
        type: '[EvidencePath!]!',
        description: 'The chains of sourced facts the link was derived from, best first.',
      });
    for (const direction of DIRECTIONS) {
      const node = farType(model, type, direction);
      const seen =
        direction === 'out'
          ? `${type}, seen from its start node`
          : `${type}, seen from its end node`;
      const about = `${spec.description.replace(/\s+/g, ' ').trim()} (${seen}.)`;
      defs.push(
        objectType(
          edgeTypeName(type, direction),
          `One ${about}`,
          [
            {
              name: 'cursor',
              type: 'String!',
              description: 'Opaque keyset cursor of this edge: stable when data is added.',
            },
            ...relationshipFields(shared, node),
            ...props,
          ],
          ['Relationship', 'RelationshipEdge'],
        ),
      );
      if (connections.has(connectionTypeName(type, direction)))
        defs.push(
          objectType(
            connectionTypeName(type, direction),
            `A page of ${type} relationships.`,
            connectionFields(shared, edgeTypeName(type, direction)),
          ),
        );
      if (links.has(linkTypeName(type, direction)))
        defs.push(
          objectType(
            linkTypeName(type, direction),
            `A single ${about}`,
            [...relationshipFields(shared, node), ...props],
            ['Relationship'],
          ),
        );
    }
  }
  return defs;
}

function relationField(model: Model, name: string, f: Model['labels'][string]['fields'][string]) {
  const spec = model.relationships[f.relationship]!;
  const far = farLabels(model, f);
  const reach =
    far.length < (f.direction === 'out' ? spec.to : spec.from).length
      ? ` Only ${far.join(', ')} at the far end.`
      : '';
  const description = `${f.description.replace(/\.$/, '')}. (${f.relationship}, ${f.direction === 'out' ? 'outgoing' : 'incoming'}.)${reach}`;
  if (f.cardinality === 'one')
    return { name, type: linkTypeName(f.relationship, f.direction), description };
  return {
    name,
    type: `${connectionTypeName(f.relationship, f.direction)}!`,
    description,
    args: [
      {
        name: 'filter',
        type: spec.derived ? derivedFilterName(f.relationship) : 'RelationFilter',
        description: 'Filters on the relationships and their far ends.',
      },
      {
        name: 'orderBy',
        type: 'RelationOrder',
        description: 'Order of the edges.',
        default: enumValue('DEFAULT'),
      },
      ...pageArgs('edges'),
    ],
  };
}

function labelTypes(model: Model, shared: InterfaceFields): DefinitionNode[] {
  const defs: DefinitionNode[] = [];
  const required = requiredEverywhere(Object.values(model.labels).map((l) => l.properties));
  for (const [label, spec] of Object.entries(model.labels)) {
    const what = humanize(label);
    const own = (f: FieldDefinitionNode) => ['id', 'name'].includes(f.name.value);
    const fields: AnyField[] = [
      ...shared.Node.filter(own),
      ...propertyFields(label, what, spec.properties, required),
      ...shared.Node.filter((f) => !own(f)),
      ...Object.entries(spec.fields).map(([name, f]) => relationField(model, name, f)),
    ];
    if (label === 'Source')
      fields.push({
        name: 'citedBy',
        type: 'NodeConnection!',
        description: 'Entities that cite this source, in id order.',
        args: pageArgs('entities'),
      });
    defs.push(objectType(label, spec.description, fields, ['Node']));
  }
  return defs;
}

/** Top-level lists: a connection and edge per label, a filter where the label has kinds. */
function listTypes(model: Model, shared: InterfaceFields): DefinitionNode[] {
  const defs: DefinitionNode[] = [];
  for (const [label, spec] of [...Object.entries(model.labels), ['Node', null] as const]) {
    const what = label === 'Node' ? 'entities' : spec!.plural;
    defs.push(
      objectType(
        entityConnectionName(label),
        `A page of ${what}.`,
        connectionFields(shared, entityEdgeName(label)),
      ),
      objectType(entityEdgeName(label), `One of a page of ${what}.`, [
        {
          name: 'cursor',
          type: 'String!',
          description: 'Opaque keyset cursor of this edge: stable when data is added.',
        },
        { name: 'node', type: `${label}!`, description: 'The entity.' },
      ]),
    );
    if (spec?.properties.kind?.type === 'enum')
      defs.push(
        inputType(entityFilterName(label), `Filters for the list of ${spec.plural}.`, [
          {
            name: 'text',
            type: 'String',
            description: 'Name, native name or acronym contains this text (case-insensitive).',
          },
          {
            name: 'unverified',
            type: 'Boolean',
            description: 'Only unverified (true) or only verified (false) entities.',
          },
          {
            name: 'kinds',
            type: `[${propertyEnumName(label, 'kind')}!]`,
            description: 'Only entities of these kinds.',
          },
        ]),
      );
  }
  defs.push(
    objectExtension(
      'Query',
      Object.entries(model.labels).map(([label, spec]) => ({
        name: spec.plural,
        type: `${entityConnectionName(label)}!`,
        description: `${spec.description.replace(/\.$/, '')}: a filtered, ordered, paginated list.`,
        args: [
          {
            name: 'filter',
            type: spec.properties.kind?.type === 'enum' ? entityFilterName(label) : 'EntityFilter',
            description: `Filters on the ${spec.plural}.`,
          },
          {
            name: 'orderBy',
            type: 'EntityOrder',
            description: 'Order of the list.',
            default: enumValue('NAME'),
          },
          ...pageArgs(spec.plural),
        ],
      })),
    ),
  );
  return defs;
}

/** Every definition generated from the model. */
export function modelDefinitions(model: Model, shared: InterfaceFields): DefinitionNode[] {
  return [
    ...labelTypes(model, shared),
    ...relationshipTypes(model, shared),
    ...listTypes(model, shared),
    ...filterTypes(model, shared),
  ];
}
