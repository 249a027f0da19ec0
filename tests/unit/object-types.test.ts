import type {
  PursuesObject,
  PursuesConnectionObject,
  StateConnectionObject,
  StateObject,
} from '../../src/graphql/generated/objects';
import { entityOf, ofLabel, toEntity, toRelationship } from '../../src/graphql/model';

/**
 * Each label and relationship type has its own object type, generated from
 * the model (generated/objects.ts): tsc checks what resolvers build and
 * return against it (the @ts-expect-error lines below are checked by
 * `npm run typecheck`, part of npm test), and where code knows a label or
 * type the row is checked when it is narrowed.
 */
describe('objects typed by label and relationship type', () => {
  it('gives a state the properties the model requires of a state', () => {
    const state: StateObject = {
      __label: 'State',
      id: 'state:LT',
      name: 'Lithuania',
      isoCode: 'LT',
    };
    // @ts-expect-error: the model requires isoCode of a State
    const withoutIso: StateObject = { __label: 'State', id: 'state:XX', name: 'Nowhere' };
    // @ts-expect-error: a State has no acronym in the model
    const withAcronym: StateObject = { ...state, acronym: 'LT' };
    expect([state.isoCode, withoutIso.id, withAcronym.id]).toEqual(['LT', 'state:XX', 'state:LT']);
  });

  it('narrows an entity to the label a statement matched, and refuses another label', () => {
    const lt = toEntity(['Entity', 'State'], { id: 'state:LT', name: 'Lithuania', isoCode: 'LT' });
    expect(ofLabel('State', lt).isoCode).toBe('LT');
    const project = toEntity(['Project', 'Entity'], { id: 'project:promise', name: 'PROMISE' });
    expect(() => ofLabel('State', project)).toThrow(/project:promise is a Project, not a State/);
  });

  it('types a relationship by its type where the type is known', () => {
    const node = entityOf('Priority', { id: 'priority:x', name: 'x' });
    const link = toRelationship('PURSUES', 'OUT', node, { rule: 'law', origin: 'derived' });
    const rule: PursuesObject['rule'] = link.rule;
    expect([rule, link.type, link.derived, link.node.id]).toEqual([
      'law',
      'PURSUES',
      true,
      'priority:x',
    ]);
  });

  it("types a page by what it lists: a label's list its label, a relationship field its type", () => {
    const lt = entityOf('State', { id: 'state:LT', name: 'Lithuania', isoCode: 'LT' });
    const page: StateConnectionObject = {
      edges: [{ cursor: 'c', node: lt }],
      pageInfo: { hasNextPage: false, endCursor: 'c' },
      totalCount: 1,
    };
    const project = entityOf('Project', { id: 'project:promise', name: 'PROMISE' });
    // @ts-expect-error: a page of states lists no project
    const wrong: StateConnectionObject = { ...page, edges: [{ cursor: 'c', node: project }] };
    const link = toRelationship('PURSUES', 'OUT', entityOf('Priority', { id: 'p', name: 'p' }), {});
    const links: PursuesConnectionObject = { ...page, edges: [link] };
    expect([page.edges[0]!.node.isoCode, wrong.totalCount, links.edges[0]!.type]).toEqual([
      'LT',
      1,
      'PURSUES',
    ]);
  });
});
