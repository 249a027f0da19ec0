import { useTestApp } from '../helpers/http';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('search ranks an exact acronym or name first (seed)', () => {
  const env = useTestApp();

  const hits = async (text: string, first = 20) => {
    const { body } = await env.t.graphql(
      'query($text: String!, $first: Int) { search(text: $text, first: $first) { score node { id } } }',
      { text, first },
    );
    expect(body.errors).toBeUndefined();
    return ((body.data as Any).search as { node: { id: string } }[]).map((h) => h.node.id);
  };

  it.each([
    ['ENOC', 'org:enoc'],
    ['enoc', 'org:enoc'],
    ['CBSS', 'org:cbss'],
    ['PROTECT', 'project:protect-children-on-the-move'],
    ['ROBERT', 'project:robert'],
    ['Council of the Baltic Sea States', 'org:cbss'],
    ['european network of ombudspersons for children', 'org:enoc'],
  ])('"%s" returns %s first', async (text, id) => {
    expect((await hits(text))[0]).toBe(id);
  });

  it('puts every exact match of PROMISE first: the series (its name) and PROMISE 1 (its acronym)', async () => {
    const found = await hits('PROMISE');
    expect(found.slice(0, 2).sort()).toEqual(['project:promise', 'project:promise-1']);
  });

  it('finds the exact match even when the page is one hit', async () => {
    expect(await hits('ENOC', 1)).toEqual(['org:enoc']);
  });

  it('still ranks by score after the exact match, each entity once', async () => {
    const found = await hits('ENOC');
    expect(found.length).toBeGreaterThan(3);
    expect(new Set(found).size).toBe(found.length);
    expect(found).toContain('event:2005-enoc-annual-meeting-warsaw');
  });
});

describe('project(acronym:) ignores case, spaces, hyphens, underscores and dots (seed)', () => {
  const env = useTestApp();

  const project = (acronym: string) =>
    env.t.graphql('query($a: String) { project(acronym: $a) { id name acronym } }', { a: acronym });

  it.each(['PROMISE1', 'promise 1', 'Promise-1', 'promise_1', 'Promise.1', 'PROMISE 1'])(
    'finds PROMISE 1 by "%s"',
    async (acronym) => {
      const { body } = await project(acronym);
      expect(body.errors).toBeUndefined();
      expect((body.data as Any).project).toMatchObject({
        id: 'project:promise-1',
        name: 'PROMISE 1',
      });
    },
  );

  it('finds a project by its acronym whatever the case, and a series before its phases', async () => {
    const protect = await project('protect');
    expect((protect.body.data as Any).project.id).toBe('project:protect-children-on-the-move');
    // PROMISE is the series' name and PROMISE 1's acronym: the series wins.
    const promise = await project('Promise');
    expect((promise.body.data as Any).project.id).toBe('project:promise');
  });

  it('answers an acronym no project has with NOT_FOUND naming up to 3 closest projects', async () => {
    const { body } = await project('PROMISE9');
    expect((body.data as Any).project).toBeNull();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions?.code).toBe('NOT_FOUND');
    expect(error!.message).toMatch(/^No project has the acronym or name "PROMISE9"; the closest: /);
    const closest = (error!.extensions?.details as { closest: { id: string; name: string }[] })
      .closest;
    expect(closest).toHaveLength(3);
    for (const p of closest) expect(error!.message).toContain(p.name);
    expect(closest.map((p) => p.id)).toContain('project:promise-1');
    expect(closest.every((p) => p.id.startsWith('project:promise'))).toBe(true);
  });

  it('finds nothing and still answers NOT_FOUND for text that is only punctuation', async () => {
    const { body } = await project('-. _');
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
