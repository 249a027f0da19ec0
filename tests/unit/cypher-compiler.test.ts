import fs from 'node:fs';
import path from 'node:path';
import { entityListStatement } from '../../src/graphql/plan/statements/entity-list';
import { labelName, typeName } from '../../src/cypher';
import { pathStatement } from '../../src/graphql/plan/statements/path';
import {
  PLAIN_SHAPE,
  relationPageStatement,
} from '../../src/graphql/plan/statements/relation-page';
import { rootStatement } from '../../src/graphql/plan/statements/roots';
import { SCENARIOS } from '../../bench/scenarios';
import { compiledStatements } from '../helpers/compiled-statements';
import { buildSchema } from '../../src/graphql/schema';
import { timelineKinds, timelineStatement } from '../../src/graphql/plan/statements/timeline';
import { loadModel } from '../../src/model';

const { timeline } = loadModel();

const noFilters = PLAIN_SHAPE;

/**
 * The compiled Cypher, as the TCK of @neo4j/graphql checks it: one snapshot
 * per shape, reviewed like code. Jest refuses to write a missing snapshot
 * when CI is set, so CI cannot record its own expectations.
 */
describe('the Cypher the API compiles', () => {
  it('lists a label by its stored sort key with only the filters given', () => {
    expect(
      entityListStatement('Project', {
        text: false,
        kinds: false,
        unverified: false,
        orderBy: 'NAME',
      }),
    ).toMatchSnapshot();
    expect(
      entityListStatement('Organisation', {
        text: true,
        kinds: true,
        unverified: true,
        orderBy: 'NAME',
      }),
    ).toMatchSnapshot();
    expect(
      entityListStatement('State', {
        text: false,
        kinds: false,
        unverified: false,
        orderBy: 'CONNECTIONS',
      }),
    ).toMatchSnapshot();
  });

  it('walks a field as a typed, directed pattern with its far-end labels', () => {
    expect(
      relationPageStatement(
        { types: ['LOCATED_IN'], direction: 'in', labels: ['Service'] },
        noFilters,
      ),
    ).toMatchSnapshot();
    expect(
      relationPageStatement(
        { types: ['PURSUES'], direction: 'out', labels: null },
        { ...noFilters, asOf: true, rules: true, confidence: true, orderBy: 'NAME' },
      ),
    ).toMatchSnapshot();
    expect(
      relationPageStatement(
        { types: null, direction: null, labels: null },
        { ...noFilters, text: true, orderBy: 'ID' },
      ),
    ).toMatchSnapshot();
  });

  it('leaves out relationships with no known start when a date filter excludes undated ones', () => {
    const dated = relationPageStatement(
      { types: ['RESPONSIBLE_FOR_CHILDREN_IN'], direction: 'in', labels: null },
      { ...noFilters, asOf: true, dated: true },
    );
    expect(dated).toContain('r.validFrom IS NOT NULL');
    expect(
      relationPageStatement(
        { types: ['RESPONSIBLE_FOR_CHILDREN_IN'], direction: 'in', labels: null },
        { ...noFilters, asOf: true },
      ),
    ).not.toContain('r.validFrom IS NOT NULL');
    expect(dated).toMatchSnapshot();
  });

  it('runs one indexed branch per timeline kind asked for, the range inside it', () => {
    expect(timelineStatement(timeline, ['MEETING', 'LAW'])).toMatchSnapshot();
    // Every kind of the model (model.test.ts names them: nine).
    const all = timelineStatement(timeline, timelineKinds(timeline));
    expect(all.match(/UNION ALL/g)).toHaveLength(8);
    expect(all).not.toMatch(/IS NULL OR/);
  });

  it('walks the timeline from the state for each kind, the range kept, and tells an unknown state in the same statement', () => {
    const byState = timelineStatement(timeline, ['MEETING', 'LAW'], true);
    expect(byState).toMatchSnapshot();
    const oneLine = byState.replace(/\s+/g, ' ');
    expect(oneLine).toContain('MATCH (n:Law)-[:APPLIES_IN]->(st) RETURN n');
    expect(oneLine).toContain('WITH n WHERE n.startDate >= $from AND n.startDate <= $to');
    expect(byState).toContain('OPTIONAL CALL (st)');
    expect(byState).toContain('stateFound');
    expect(timelineStatement(timeline, ['MEETING', 'LAW'])).not.toContain('$state');
  });

  it('finds a root entity through an index: id, ISO code of its label, project keys', () => {
    expect(rootStatement({ by: 'isoCode', label: 'State' })).toMatchSnapshot();
    expect(rootStatement({ by: 'id', label: 'Project' })).toContain('WHERE n0:Project');
    expect(rootStatement({ by: 'acronym' })).toMatchSnapshot();
  });

  it('bounds a path search by maxHops as a literal', () => {
    expect(pathStatement(3)).toMatchSnapshot();
    expect(pathStatement(1)).toContain('[rs*..1]');
    expect(() => pathStatement(9)).toThrow(/1 to 8/);
  });

  it('writes no dynamic label or type, and refuses identifiers that are not names', () => {
    const texts = [
      entityListStatement('Project', {
        text: true,
        kinds: true,
        unverified: true,
        orderBy: 'NAME',
      }),
      relationPageStatement(
        { types: ['MEMBER_OF', 'PART_OF'], direction: 'out', labels: ['Body'] },
        noFilters,
      ),
    ];
    for (const t of texts) expect(t).not.toMatch(/\$\(/);
    expect(() => labelName('State) DETACH DELETE (n')).toThrow(/not a label/);
    expect(() => typeName('MEMBER_OF]->() DELETE r//')).toThrow(/not a relationship type/);
    expect(() => pathStatement(2.5)).toThrow();
  });

  const FIXTURES = path.join(__dirname, '..', 'fixtures', 'graphql');
  it.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.graphql')))(
    'plans each root field of the fixture %s into one statement with its parameters',
    (file) => {
      const sent = compiledStatements(
        buildSchema(),
        fs.readFileSync(path.join(FIXTURES, file), 'utf8'),
      );
      expect(sent.length).toBeGreaterThan(0);
      expect(sent).toMatchSnapshot();
    },
  );

  it.each(SCENARIOS.map((s) => s.name))(
    'plans the benchmark scenario %s into one statement',
    (name) => {
      const request = SCENARIOS.find((s) => s.name === name)!.ours({});
      const sent = compiledStatements(buildSchema(), request.query!, request.variables);
      expect(sent).toHaveLength(1);
      expect(sent).toMatchSnapshot();
    },
  );
});
