/**
 * The relationship fields of each GraphQL entity type: which relationship
 * type, in which direction, to which labels. schema.graphql is generated from
 * this table and seed/model.yaml (npm run schema:generate), and the generic
 * connection resolver reads it, so the two cannot drift apart. Relationship
 * types and directions here end up in Cypher only as parameters.
 */
export interface RelationField {
  field: string;
  description: string;
  type: string;
  direction: 'out' | 'in';
  /** GraphQL type of the neighbours: a label, or Node when several labels meet there. */
  target: string;
  /** Only neighbours with one of these labels (default: any). */
  labels?: string[];
}

const f = (
  field: string,
  type: string,
  direction: 'out' | 'in',
  target: string,
  description: string,
  labels?: string[],
): RelationField => ({ field, type, direction, target, description, labels });

const people = f(
  'people',
  'HELD_ROLE',
  'in',
  'Person',
  'People who held a role here, with role and period.',
);
const projects = f(
  'projects',
  'PARTNER_IN',
  'out',
  'Project',
  'Projects this took part in as a partner, with role and period.',
);
const memberOf = f(
  'memberOf',
  'MEMBER_OF',
  'out',
  'Node',
  'Organisations and bodies this is a member of, with period.',
);
const locatedIn = f(
  'locatedIn',
  'LOCATED_IN',
  'out',
  'Node',
  'The state or country this is based in.',
);
const names = f(
  'names',
  'KNOWN_AS',
  'out',
  'Name',
  'The names this carried over time, with their periods.',
);
const priorities = f(
  'priorities',
  'ADDRESSES',
  'out',
  'Priority',
  'Priorities this addresses (a curated fact with its reasoning).',
);
const succeeds = f('succeeds', 'SUCCEEDS', 'out', 'Node', 'What this follows on from.');
const succeededBy = f('succeededBy', 'SUCCEEDS', 'in', 'Node', 'What follows on from this.');
const places = f('places', 'HELD_IN', 'out', 'Node', 'The state or country where it took place.');
const presidency = f(
  'presidencies',
  'DURING',
  'out',
  'Presidency',
  'The presidency during which it took place.',
);
const participants = f(
  'participants',
  'PARTICIPATED_IN',
  'in',
  'Node',
  'People and organisations that took part, with their role.',
);

export const RELATIONS: Record<string, RelationField[]> = {
  State: [
    f(
      'memberships',
      'MEMBER_OF',
      'out',
      'Node',
      'Memberships of the state (in the CBSS and its bodies), with their periods.',
    ),
    f(
      'suspensions',
      'SUSPENDED_FROM',
      'out',
      'Organisation',
      'Suspensions of membership, with their periods.',
    ),
    f(
      'presidencies',
      'HELD_PRESIDENCY',
      'out',
      'Presidency',
      'CBSS presidencies the state held, with their terms.',
    ),
    f(
      'chairs',
      'CHAIRED',
      'out',
      'Body',
      'Bodies the state chaired (the Expert Group chair follows the presidency), with periods.',
    ),
    f(
      'ministries',
      'RESPONSIBLE_FOR_CHILDREN_IN',
      'in',
      'Node',
      "Ministries and agencies responsible for children's issues in the state.",
    ),
    f(
      'ombudspersons',
      'OMBUDSPERSON_FOR',
      'in',
      'OmbudspersonInstitution',
      "Children's ombudsperson institutions, or the bodies that fill the role.",
    ),
    f(
      'services',
      'LOCATED_IN',
      'in',
      'Service',
      "National services in the state, such as Barnahus-type children's houses.",
      ['Service'],
    ),
    f(
      'institutions',
      'LOCATED_IN',
      'in',
      'Node',
      'Organisations, agencies, institutions and services based in the state.',
    ),
    f(
      'laws',
      'APPLIES_IN',
      'in',
      'Law',
      'Laws of the state, such as its ban on corporal punishment.',
    ),
    f(
      'pilotProjects',
      'PILOT_COUNTRY_OF',
      'out',
      'Project',
      'Projects the state was a pilot or participating country of.',
    ),
    f(
      'projects',
      'PARTNER_IN',
      'out',
      'Project',
      'Projects the state itself took part in as a partner.',
    ),
    f(
      'priorities',
      'PURSUES',
      'out',
      'Priority',
      'Priorities the state pursues, each edge with its evidence path (through which project, service, law or presidency) and sources.',
    ),
    f('meetings', 'HELD_IN', 'in', 'Node', 'Meetings and events held in the state.'),
  ],
  Country: [
    f(
      'observerships',
      'OBSERVER_OF',
      'out',
      'Node',
      'Observer status in organisations, with its period and status.',
    ),
    f('suspensions', 'SUSPENDED_FROM', 'out', 'Organisation', 'Suspensions, with their periods.'),
    f(
      'pilotProjects',
      'PILOT_COUNTRY_OF',
      'out',
      'Project',
      'Projects the country was a pilot or participating country of.',
    ),
    f(
      'institutions',
      'LOCATED_IN',
      'in',
      'Node',
      'Organisations and services based in the country.',
    ),
    f('meetings', 'HELD_IN', 'in', 'Node', 'Meetings and events held in the country.'),
  ],
  Organisation: [
    f(
      'members',
      'MEMBER_OF',
      'in',
      'Node',
      'Members (states, institutions, organisations), with their membership periods. Use asOf to ask who was a member on a date.',
    ),
    f('observers', 'OBSERVER_OF', 'in', 'Node', 'Observers, with their status and period.'),
    f(
      'suspended',
      'SUSPENDED_FROM',
      'in',
      'Node',
      'Members or observers suspended, with the period.',
    ),
    f('presidencies', 'PRESIDENCY_OF', 'in', 'Presidency', 'Presidencies of this organisation.'),
    f('parts', 'PART_OF', 'in', 'Node', 'Bodies and units that are part of this organisation.'),
    f('partOf', 'PART_OF', 'out', 'Node', 'What this organisation is part of.'),
    memberOf,
    projects,
    f(
      'coordinates',
      'COORDINATED_BY',
      'in',
      'Node',
      'Projects and outputs this organisation leads or coordinates.',
    ),
    f('funds', 'FUNDED_BY', 'in', 'Node', 'Projects and services this organisation funds.'),
    f('outputs', 'AUTHORED', 'out', 'Output', 'Outputs this organisation authored or published.'),
    people,
    locatedIn,
    succeeds,
    succeededBy,
  ],
  Body: [
    f('parts', 'PART_OF', 'in', 'Node', 'Bodies and units that are part of this body.'),
    f('partOf', 'PART_OF', 'out', 'Node', 'What this body is part of.'),
    f('members', 'MEMBER_OF', 'in', 'Node', 'Members of this body, with their periods.'),
    f('chairs', 'CHAIRED', 'in', 'State', 'States that chaired this body, with periods.'),
    f(
      'mandates',
      'MANDATE_OF',
      'in',
      'Mandate',
      'Mandates and strategies of this body, with their validity.',
    ),
    f('meetings', 'MEETING_OF', 'in', 'Meeting', 'Meetings of this body.'),
    f(
      'coordinates',
      'COORDINATED_BY',
      'in',
      'Node',
      'Projects and outputs this body leads or coordinates.',
    ),
    f(
      'observerOf',
      'OBSERVER_OF',
      'out',
      'Node',
      'Bodies this body observes (e.g. the Lanzarote Committee).',
    ),
    f('basedOn', 'BASED_ON', 'out', 'Instrument', 'International instruments this body rests on.'),
    f(
      'programmes',
      'PART_OF_PROGRAMME',
      'out',
      'Programme',
      'Programmes and frameworks this body is part of (e.g. an EUSBSR flagship).',
    ),
    memberOf,
    projects,
    people,
  ],
  Ministry: [
    f(
      'states',
      'RESPONSIBLE_FOR_CHILDREN_IN',
      'out',
      'State',
      "States in which this ministry is responsible for children's issues, with the period.",
    ),
    names,
    projects,
    people,
    memberOf,
    succeeds,
    succeededBy,
  ],
  Agency: [
    f(
      'states',
      'RESPONSIBLE_FOR_CHILDREN_IN',
      'out',
      'State',
      'States in which this agency works on child protection, with the period.',
    ),
    f('partOf', 'PART_OF', 'out', 'Node', 'The ministry or body this agency belongs to.'),
    f('operates', 'OPERATED_BY', 'in', 'Service', 'Services this agency runs.'),
    names,
    projects,
    people,
    memberOf,
    locatedIn,
    succeeds,
    succeededBy,
  ],
  OmbudspersonInstitution: [
    f(
      'states',
      'OMBUDSPERSON_FOR',
      'out',
      'State',
      "States whose children's rights this institution covers.",
    ),
    memberOf,
    projects,
    people,
    names,
    locatedIn,
    succeeds,
    succeededBy,
  ],
  Name: [f('holders', 'KNOWN_AS', 'in', 'Node', 'Who carried this name, with the period.')],
  Presidency: [
    f('states', 'HELD_PRESIDENCY', 'in', 'State', 'The state that held the presidency.'),
    f('organisation', 'PRESIDENCY_OF', 'out', 'Organisation', 'The organisation presided over.'),
    f(
      'declaredPriorities',
      'DECLARED_PRIORITY',
      'out',
      'Priority',
      'Priorities the presidency declared for the Expert Group.',
    ),
    f(
      'happenings',
      'DURING',
      'in',
      'Node',
      'Meetings, events and project launches during the presidency.',
    ),
    people,
  ],
  Mandate: [
    f(
      'priorities',
      'HAS_PRIORITY',
      'out',
      'Priority',
      'Priorities, strategic areas and integrated strategies of the mandate, in order.',
    ),
    f(
      'bodies',
      'MANDATE_OF',
      'out',
      'Body',
      'The body whose mandate this is, with the validity period.',
    ),
    f('adoptedAt', 'ADOPTED_AT', 'out', 'Node', 'The meeting or event where it was adopted.'),
    f('basedOn', 'BASED_ON', 'out', 'Instrument', 'International instruments it rests on.'),
    f('supports', 'SUPPORTS', 'out', 'Instrument', 'International targets it supports.'),
    f('succeeds', 'SUCCEEDS', 'out', 'Mandate', 'The mandate it follows.'),
    f('succeededBy', 'SUCCEEDS', 'in', 'Mandate', 'The mandate that follows it.'),
  ],
  Priority: [
    f(
      'states',
      'PURSUES',
      'in',
      'State',
      'States that pursue this priority, each edge with its evidence path and sources.',
    ),
    f('mandates', 'HAS_PRIORITY', 'in', 'Mandate', 'Mandates that set this priority.'),
    f(
      'continues',
      'CONTINUES',
      'out',
      'Priority',
      'Priorities of earlier mandates this one continues (a curated fact with its reasoning).',
    ),
    f(
      'continuedBy',
      'CONTINUES',
      'in',
      'Priority',
      'Priorities of later mandates that continue this one.',
    ),
    f(
      'addressedBy',
      'ADDRESSES',
      'in',
      'Node',
      'Projects, services, laws, outputs and events that address this priority.',
    ),
    f('projects', 'ADDRESSES', 'in', 'Project', 'Projects that address this priority.', [
      'Project',
    ]),
    f(
      'declaredBy',
      'DECLARED_PRIORITY',
      'in',
      'Presidency',
      'Presidencies that declared this priority.',
    ),
  ],
  Project: [
    f('phases', 'PHASE_OF', 'in', 'Project', 'Phases or parts of this project series, in order.'),
    f('series', 'PHASE_OF', 'out', 'Project', 'The series this project is a phase of.'),
    f('partners', 'PARTNER_IN', 'in', 'Node', 'Partners, with role and period.'),
    f('coordinators', 'COORDINATED_BY', 'out', 'Node', 'Who led or coordinated the project.'),
    f('funders', 'FUNDED_BY', 'out', 'Node', 'Funding programmes and funders.'),
    f('pilotCountries', 'PILOT_COUNTRY_OF', 'in', 'Node', 'Pilot or participating countries.'),
    f('outputs', 'PRODUCED', 'out', 'Node', 'Publications, guidelines, events and other outputs.'),
    priorities,
    f('events', 'RELATED_TO', 'in', 'Node', 'Events and meetings related to the project.'),
    f(
      'presidencies',
      'DURING',
      'out',
      'Presidency',
      'Presidencies during which the project was launched.',
    ),
    f('programmes', 'PART_OF_PROGRAMME', 'out', 'Programme', 'Programmes the project belongs to.'),
    f('supports', 'SUPPORTS', 'out', 'Instrument', 'International targets the project supports.'),
    people,
    succeeds,
    succeededBy,
  ],
  Programme: [
    f('funds', 'FUNDED_BY', 'in', 'Node', 'Projects and services funded by this programme.'),
    f(
      'members',
      'PART_OF_PROGRAMME',
      'in',
      'Node',
      'Bodies and projects that are part of this programme.',
    ),
  ],
  Output: [
    f('producedBy', 'PRODUCED', 'in', 'Node', 'The project or body that produced it.'),
    f('authors', 'AUTHORED', 'in', 'Node', 'Authors and publishers, with their role.'),
    f('coordinators', 'COORDINATED_BY', 'out', 'Node', 'Who coordinated it.'),
    f('adoptedAt', 'ADOPTED_AT', 'out', 'Node', 'Where it was adopted.'),
    f('related', 'RELATED_TO', 'out', 'Node', 'Projects and bodies it relates to.'),
    priorities,
  ],
  Service: [
    locatedIn,
    f('operators', 'OPERATED_BY', 'out', 'Node', 'Who runs the service, with the period.'),
    f('funders', 'FUNDED_BY', 'out', 'Node', 'Who funded the service.'),
    projects,
    priorities,
  ],
  Law: [
    f('appliesIn', 'APPLIES_IN', 'out', 'Node', 'The state or country the law applies in.'),
    priorities,
  ],
  Instrument: [
    f('basedOnIt', 'BASED_ON', 'in', 'Node', 'Bodies and mandates that rest on this instrument.'),
    f('supportedBy', 'SUPPORTS', 'in', 'Node', 'Mandates and projects that support this target.'),
  ],
  Meeting: [
    f('bodies', 'MEETING_OF', 'out', 'Body', 'The body that met.'),
    places,
    presidency,
    f('messages', 'ADOPTED_AT', 'in', 'Message', 'Take-home messages adopted at the meeting.', [
      'Message',
    ]),
    f(
      'adopted',
      'ADOPTED_AT',
      'in',
      'Node',
      'Everything adopted at the meeting (mandates, messages, outputs).',
    ),
    participants,
    f('related', 'RELATED_TO', 'out', 'Node', 'Projects and bodies the meeting relates to.'),
  ],
  Event: [
    places,
    presidency,
    participants,
    f('related', 'RELATED_TO', 'out', 'Node', 'Projects and bodies the event belongs to.'),
    f('producedBy', 'PRODUCED', 'in', 'Node', 'The project that organised it.'),
    f('adopted', 'ADOPTED_AT', 'in', 'Node', 'What was adopted at the event.'),
    priorities,
  ],
  Message: [
    f('adoptedAt', 'ADOPTED_AT', 'out', 'Meeting', 'The meeting at which the message was adopted.'),
  ],
  Person: [
    f('roles', 'HELD_ROLE', 'out', 'Node', 'Roles the person held, with role name and period.'),
    f('authored', 'AUTHORED', 'out', 'Output', 'Outputs the person authored.'),
    f(
      'participated',
      'PARTICIPATED_IN',
      'out',
      'Node',
      'Events and meetings the person took part in.',
    ),
  ],
  Source: [],
};
