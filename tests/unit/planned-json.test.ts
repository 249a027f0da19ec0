import { parse } from 'graphql';
import { plannedJson, stringifyData } from '../../src/graphql/response/serialize';
import { plan } from '../../src/graphql/plan/plan';
import { buildSchema } from '../../src/graphql/schema';
import { loadModel } from '../../src/model';

/**
 * The writer of planned responses (serialize.ts): the document's key order,
 * and no answer where the data breaks a non-null promise of the schema
 * below the root, which the executor then leaves to graphql-js (it reports
 * the error and propagates the null). Values here stand for what a
 * statement could return from a fact missing a required property.
 */
const schema = buildSchema();
const model = loadModel();

function shapeOf(document: string) {
  const p = plan(schema, model, parse(document), undefined, {});
  if (p.kind !== 'planned') throw new Error(`not planned: ${document}`);
  return p.shape;
}

const STATE = `{ state(id: "state:LT") { id name projects { edges { node { id name endDate } } } } }`;

const state = (project: Record<string, unknown>) => ({
  state: {
    projects: { edges: [{ node: project }] },
    name: 'Lithuania',
    id: 'state:LT',
  },
});

describe('writing a planned response', () => {
  it("writes the document's key order, whatever order the maps came in", () => {
    const data = state({ endDate: null, name: 'PROMISE 2', id: 'project:promise-2' });
    const json = plannedJson(data, shapeOf(STATE));
    expect(json).toBe(
      '{"state":{"id":"state:LT","name":"Lithuania","projects":{"edges":[{"node":{"id":"project:promise-2","name":"PROMISE 2","endDate":null}}]}}}',
    );
    // The response writer uses the checked JSON as it is.
    expect(stringifyData(data)).toBe(json);
  });

  it('gives no answer when a non-null field below the root is null', () => {
    const data = state({ endDate: null, name: null, id: 'project:promise-2' });
    expect(plannedJson(data, shapeOf(STATE))).toBeNull();
    // Not kept: the response writer would write the data as it is.
    expect(stringifyData(data)).toBe(JSON.stringify(data));
  });

  it('gives no answer when a list of non-null items holds a null', () => {
    const data = { state: { projects: { edges: [null] }, name: 'Lithuania', id: 'state:LT' } };
    expect(plannedJson(data, shapeOf(STATE))).toBeNull();
  });

  it('lets a nullable field be null, and a nullable root field', () => {
    expect(
      plannedJson(state({ endDate: null, name: 'x', id: 'y' }), shapeOf(STATE)),
    ).not.toBeNull();
    expect(plannedJson({ state: null }, shapeOf(STATE))).toBe('{"state":null}');
  });

  it('asks of each object only the keys its own type selects (an abstract position)', () => {
    const shape = shapeOf(
      `{ node(id: "state:LT") { id ... on State { isoCode } ... on Project { acronym } } }`,
    );
    expect(plannedJson({ node: { isoCode: 'LT', id: 'state:LT' } }, shape)).toBe(
      '{"node":{"id":"state:LT","isoCode":"LT"}}',
    );
    expect(plannedJson({ node: { isoCode: 'LT', id: null } }, shape)).toBeNull();
  });

  it('leaves to graphql-js a position whose types select one key differently, or their fields in different orders', () => {
    // One shape cannot write both: graphql-js writes each object in its own type's selection.
    const planOf = (document: string) => plan(schema, model, parse(document), undefined, {}).kind;
    expect(
      planOf(
        `{ nodes(ids: ["state:LT", "project:promise-2"]) { ... on State { sources { source { id } } } ... on Project { sources { quote } } } }`,
      ),
    ).toBe('reference');
    expect(
      planOf(
        `{ nodes(ids: ["state:LT", "project:promise-2"]) { ... on State { id name } ... on Project { name id } } }`,
      ),
    ).toBe('reference');
    // A fragment's field between shared ones: each type keeps its own order.
    const path = shapeOf(
      `{ path(from: "state:LT", to: "state:DK") { steps { relationship { type confidence ... on HeldRoleLink { role } sources { quote } } } } }`,
    );
    expect(path.fields.path!.fields.steps!.fields.relationship!.keys).toEqual([
      'type',
      'confidence',
      'role',
      'sources',
    ]);
    // Alike selections, and orders that agree, are planned.
    expect(
      planOf(
        `{ nodes(ids: ["state:LT"]) { id sources { quote } ... on State { isoCode } ... on Project { acronym } } }`,
      ),
    ).toBe('planned');
  });
});
