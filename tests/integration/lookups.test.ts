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
    ['PROMISE', 'project:promise-1'],
    ['Council of the Baltic Sea States', 'org:cbss'],
    ['european network of ombudspersons for children', 'org:enoc'],
  ])('"%s" returns %s first', async (text, id) => {
    expect((await hits(text))[0]).toBe(id);
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
