import fs from 'node:fs';
import path from 'node:path';
import { loadModel } from '../../src/model';
import { formatProblem, validateSeed } from '../../src/seed/validate';
import { copySeed, editSeedFile } from '../helpers/seed-copy';

function problemsOf(dir: string): string[] {
  const result = validateSeed(loadModel(path.join(dir, 'model.yaml')), dir);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('seed validation', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = copySeed();
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('accepts the real seed', () => {
    const result = validateSeed(loadModel());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.data.nodes.length).toBeGreaterThan(300);
    expect(result.data.rels.length).toBeGreaterThan(300);
  });

  it('names file, record and field for a broken reference', () => {
    const dir = fresh();
    editSeedFile(dir, 'relationships/HELD_PRESIDENCY.governance.yaml', (t) =>
      t.replace('from: state:DK', 'from: state:XX'),
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /\/relationships\/HELD_PRESIDENCY\.governance\.yaml, record \d+ \(state:XX -> presidency:2019-2020, line \d+\), field "from": no node has id "state:XX"$/,
    );
  });

  it('names a missing source', () => {
    const dir = fresh();
    editSeedFile(dir, 'nodes/State.governance.yaml', (t) =>
      t.replace('source: source:S83', 'source: source:S999'),
    );
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(
      /\/nodes\/State\.governance\.yaml, record 1 \(state:DK, line \d+\), field "sources\[0\]\.source": "source:S999" is not the id of a Source$/,
    );
  });

  it('refuses a record without any source', () => {
    const dir = fresh();
    const file = path.join(dir, 'nodes', 'State.extra.yaml');
    fs.writeFileSync(file, '- id: state:ZZ\n  name: Nowhere\n  isoCode: ZZ\n');
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /\/nodes\/State\.extra\.yaml, record 1 \(state:ZZ, line 1\), field "sources": required/,
      ),
    ]);
  });

  it('names a bad date', () => {
    const dir = fresh();
    editSeedFile(dir, 'nodes/Presidency.governance.yaml', (t) =>
      t.replace('"2019-07-01"', '"2019-07-32"'),
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /Presidency\.governance\.yaml, record \d+ \(presidency:2019-2020, line \d+\), field "startDate": "2019-07-32" is not a date/,
    );
  });

  it('names an unknown field', () => {
    const dir = fresh();
    editSeedFile(dir, 'nodes/State.governance.yaml', (t) =>
      t.replace('  isoCode: DK\n', '  isoCode: DK\n  capital: Copenhagen\n'),
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /State\.governance\.yaml, record 1 \(state:DK, line \d+\), field "capital": unknown field/,
    );
  });

  it('refuses a quote that is not verbatim in its seed document', () => {
    const dir = fresh();
    editSeedFile(dir, 'nodes/State.governance.yaml', (t) =>
      t.replace('appointed by the ministries responsible', 'appointed by ministries responsible'),
    );
    const problems = problemsOf(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(
      /field "sources\[\d\]\.quote": does not appear verbatim in source:seed-003/,
    );
  });

  it('refuses a period on a type that holds none, a reversed period and a label the type does not allow', () => {
    const dir = fresh();
    fs.writeFileSync(
      path.join(dir, 'relationships', 'PRESIDENCY_OF.extra.yaml'),
      '- from: presidency:2019-2020\n  to: org:cbss\n  key: x\n  period: { from: "2020" }\n  sources: [{ source: source:S88 }]\n',
    );
    fs.writeFileSync(
      path.join(dir, 'relationships', 'MEMBER_OF.extra.yaml'),
      '- from: state:DK\n  to: org:enoc\n  key: y\n  period: { from: "2020", to: "2019" }\n  sources: [{ source: source:S88 }]\n' +
        '- from: person:turid-heiberg\n  to: org:cbss\n  sources: [{ source: source:S88 }]\n',
    );
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(
      /PRESIDENCY_OF\.extra\.yaml, record 1 .*field "period": this relationship type holds no period/,
    );
    expect(problems).toMatch(
      /MEMBER_OF\.extra\.yaml, record 1 .*field "period": starts \(2020\) after it ends \(2019\)/,
    );
    expect(problems).toMatch(
      /MEMBER_OF\.extra\.yaml, record 2 .*field "from": "person:turid-heiberg" is a Person; MEMBER_OF starts at State or /,
    );
  });

  it('refuses duplicate ids and YAML syntax errors, reporting all problems at once', () => {
    const dir = fresh();
    fs.writeFileSync(
      path.join(dir, 'nodes', 'State.dup.yaml'),
      '- id: state:DK\n  name: Denmark again\n  isoCode: DK\n  sources: [{ source: source:S83 }]\n',
    );
    fs.writeFileSync(
      path.join(dir, 'nodes', 'Person.bad.yaml'),
      '- id: person:x\n  name: [unclosed\n',
    );
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(
      /State\.(dup|governance)\.yaml, record 1 \(state:DK, line \d+\), field "id": duplicate id "state:DK"/,
    );
    expect(problems).toMatch(/Person\.bad\.yaml: YAML error at line \d+/);
  });

  it('refuses a file whose name is not a label or type of the model', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'nodes', 'Planet.yaml'), '[]\n');
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/\/nodes\/Planet\.yaml: file name must be <Label>/),
    ]);
  });

  it('refuses a seed file for a derived relationship type (PURSUES is written by the loader)', () => {
    const dir = fresh();
    fs.writeFileSync(
      path.join(dir, 'relationships', 'PURSUES.yaml'),
      '- from: state:DK\n  to: priority:2017-child-participation\n  sources: [{ source: source:S83 }]\n',
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /\/relationships\/PURSUES\.yaml: PURSUES is derived by the loader from other facts; it cannot be written in a seed file$/,
      ),
    ]);
  });

  it('refuses a second link where the model declares a single one (Project.series)', () => {
    const dir = fresh();
    editSeedFile(dir, 'relationships/PHASE_OF.projects.yaml', (t) =>
      t.replace(
        '- from: project:promise-2\n  to: project:promise\n',
        '- from: project:promise-2\n  to: project:promise-1\n  sources:\n    - source: source:S18\n\n- from: project:promise-2\n  to: project:promise\n',
      ),
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /Project\.series is a single link, but project:promise-2 has 2: project:promise-1, project:promise$/,
      ),
    ]);
  });
  it('refuses a value longer than its bound, naming file, record and field', () => {
    const dir = fresh();
    const long = 'x'.repeat(10 * 1024 * 1024);
    editSeedFile(dir, 'nodes/Project.projects.yaml', (t) =>
      t.replace(/description: "Series of EU[^\n]*/, `description: ${long}`),
    );
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      expect.stringMatching(
        /Project\.projects\.yaml, record 1 \(project:[\w-]+, line \d+\), field "description": is 10,485,760 characters long; at most 5,000$/,
      ),
    ]);
  });

  it('bounds names, notes, list items and the number of sources', () => {
    const dir = fresh();
    fs.writeFileSync(
      path.join(dir, 'nodes', 'State.extra.yaml'),
      `- id: state:ZZ\n  name: ${'n'.repeat(501)}\n  isoCode: ZZ\n  note: ${'m'.repeat(2001)}\n` +
        `  sources: [${Array.from({ length: 51 }, () => '{ source: source:S83 }').join(', ')}]\n`,
    );
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(
      /State\.extra\.yaml, record 1 .*field "name": is 501 characters long; at most 500/,
    );
    expect(problems).toMatch(/field "note": is 2,001 characters long; at most 2,000/);
    expect(problems).toMatch(/field "sources": cites 51 sources; at most 50/);
  });

  it('refuses a seed file above the size bound before parsing it', () => {
    const dir = fresh();
    fs.writeFileSync(
      path.join(dir, 'nodes', 'State.huge.yaml'),
      `# ${'x'.repeat(33 * 1024 * 1024)}\n[]\n`,
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /State\.huge\.yaml: is 34,603,0\d\d bytes; a seed file holds at most 33,554,432/,
      ),
    ]);
  });

  it('reports a YAML syntax error once, without the errors that follow from it', () => {
    const dir = fresh();
    // Breaking the sources file would otherwise make every citation in the
    // seed a "not the id of a Source" problem.
    editSeedFile(dir, 'nodes/Source.yaml', (t) =>
      t.replace('- id: source:S83', '- id: [source:S83'),
    );
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      expect.stringMatching(/Source\.yaml: YAML error at line \d+: /),
      expect.stringMatching(
        /Source\.yaml: \d+ reference\(s\) to ids were not checked: fix this file first$/,
      ),
    ]);
  });
});
