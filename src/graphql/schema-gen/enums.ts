import type { EnumTypeDefinitionNode } from 'graphql';
import type { Model } from '../../model';
import { enumValueName, propertyEnumName } from '../naming';
import { enumType } from './ast';

/** For each generated enum: GraphQL value → the value stored in Neo4j. */
export type EnumTables = Record<string, Record<string, string>>;

interface EnumSpec {
  name: string;
  description: string;
  values: { stored: string; description: string }[];
}

/**
 * The closed sets of the model as enums: labels, relationship types,
 * confidence and every enum property (Project.kind → ProjectKind). Stored
 * values that are not GraphQL names (programme-of-work) keep their stored
 * form in Neo4j; the table maps them at the API's boundary.
 */
/** The `rule` values of every derived relationship type, in model order, each once. */
function derivationRules(model: Model): string[] {
  const rules = Object.values(model.relationships)
    .filter((spec) => spec.derived)
    .flatMap((spec) => spec.properties.rule?.values ?? []);
  return [...new Set(rules)];
}

function enumSpecs(model: Model): EnumSpec[] {
  const specs: EnumSpec[] = [
    {
      name: 'Label',
      description: 'The labels of entities in the graph.',
      values: Object.entries(model.labels).map(([label, spec]) => ({
        stored: label,
        description: spec.description,
      })),
    },
    {
      name: 'RelationshipType',
      description:
        'The relationship types of the graph (PURSUES, MAY_PURSUE and CIVIL_SOCIETY_ENGAGES are derived by the loader).',
      values: Object.entries(model.relationships).map(([type, spec]) => ({
        stored: type,
        description: spec.description.replace(/\s+/g, ' ').trim(),
      })),
    },
    {
      name: 'Confidence',
      description: `${model.confidence.description.replace(/\.$/, '')}.`,
      values: model.confidence.values.map((v) => ({
        stored: v,
        description: `Stored as "${v}".`,
      })),
    },
    {
      name: 'DerivationRule',
      description:
        'Every rule the loader derives relationships by (the rule enums of all derived types together).',
      values: derivationRules(model).map((v) => ({ stored: v, description: `Stored as "${v}".` })),
    },
    {
      name: 'TimelineKind',
      description: model.timeline.description,
      values: Object.entries(model.timeline.kinds).map(([kind, spec]) => ({
        stored: kind,
        description: spec.description,
      })),
    },
  ];
  const owners = [
    ...Object.entries(model.labels).map(([o, s]) => [o, s.properties] as const),
    ...Object.entries(model.relationships).map(([o, s]) => [o, s.properties] as const),
  ];
  for (const [owner, properties] of owners) {
    for (const [prop, p] of Object.entries(properties)) {
      if (p.type !== 'enum') continue;
      specs.push({
        name: propertyEnumName(owner, prop),
        description: `The ${prop} of a ${owner}${p.description ? `: ${p.description}` : ''}.`,
        values: (p.values ?? []).map((v) => ({ stored: v, description: `Stored as "${v}".` })),
      });
    }
  }
  return specs;
}

export function enumDefinitions(model: Model): EnumTypeDefinitionNode[] {
  return enumSpecs(model).map((e) =>
    enumType(
      e.name,
      e.description,
      e.values.map((v) => ({ name: enumValueName(v.stored), description: v.description })),
    ),
  );
}

/**
 * Hand-written enums (schema/) whose values are stored or used in another
 * form: date precisions as the seed writes them, saved-query parameter types
 * as the analysts' library parses them.
 */
const HAND_WRITTEN: EnumTables = {
  Precision: { YEAR: 'year', MONTH: 'month', DAY: 'day' },
  CypherParamType: {
    STRING: 'string',
    INTEGER: 'integer',
    FLOAT: 'float',
    BOOLEAN: 'boolean',
    DATE: 'date',
  },
};

export function enumTables(model: Model): EnumTables {
  const tables: EnumTables = { ...HAND_WRITTEN };
  for (const e of enumSpecs(model)) {
    const table: Record<string, string> = {};
    for (const v of e.values) {
      const key = enumValueName(v.stored);
      if (table[key] !== undefined)
        throw new Error(`${e.name}: "${table[key]}" and "${v.stored}" both become ${key}`);
      table[key] = v.stored;
    }
    tables[e.name] = table;
  }
  return tables;
}
