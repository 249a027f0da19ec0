import { bodyFailure, firstDifference, tiesUnordered, unordered } from '../../bench/answers';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('benchmark answer comparison', () => {
  it('finds answers equal only with the same rows in the same order', () => {
    expect(firstDifference({ ids: ['a', 'b'] }, { ids: ['a', 'b'] })).toBeNull();
    expect(firstDifference({ ids: ['a', 'b'] }, { ids: ['b', 'a'] })).toMatch(/^\$\.ids\[0\]/);
  });

  it('fails on an extra or a missing row', () => {
    expect(firstDifference(['a', 'b', 'c'], ['a', 'b'])).toMatch(/3 rows vs 2.*"c"/);
    expect(firstDifference([{ partners: [1] }], [{ partners: [1, 2] }])).toMatch(
      /\$\[0\]\.partners: 1 rows vs 2/,
    );
  });

  it('fails on a field present on one side only', () => {
    expect(firstDifference({ a: 1 }, { a: 1, b: null })).toMatch(/\$\.b: present on one side/);
  });

  it('compares a list asked in no order as a multiset', () => {
    expect(unordered([{ id: 'b' }, { id: 'a' }])).toEqual(unordered([{ id: 'a' }, { id: 'b' }]));
    expect(firstDifference(unordered(['a', 'b', 'b']), unordered(['b', 'a']))).not.toBeNull();
  });

  it('keeps the order of the keys and orders only rows whose key ties', () => {
    const byId = (e: string[]) => e[0];
    expect(
      tiesUnordered(
        [
          ['p1', 'b'],
          ['p1', 'a'],
          ['p2', 'c'],
        ],
        byId,
      ),
    ).toEqual([
      ['p1', 'a'],
      ['p1', 'b'],
      ['p2', 'c'],
    ]);
    // Out of order across keys stays out of order, so the comparison sees it.
    expect(
      tiesUnordered(
        [
          ['p2', 'c'],
          ['p1', 'a'],
        ],
        byId,
      ),
    ).toEqual([
      ['p2', 'c'],
      ['p1', 'a'],
    ]);
  });
});

describe('response body check under load', () => {
  const normalise = (d: Json) => d.items.map((x: Json) => x.id);
  const expected = JSON.stringify(['a', 'b']);

  it('accepts the expected answer', () => {
    const body = JSON.stringify({ data: { items: [{ id: 'a' }, { id: 'b' }] } });
    expect(bodyFailure(body, normalise, expected, 'graphql')).toBeNull();
  });

  it('counts a 200 carrying errors as a failure, even with data', () => {
    const body = JSON.stringify({
      data: { items: [{ id: 'a' }, { id: 'b' }] },
      errors: [{ message: 'partial' }],
    });
    expect(bodyFailure(body, normalise, expected, 'graphql')).toBe('errors');
  });

  it('counts null data, another shape, other rows and non-JSON as failures', () => {
    expect(bodyFailure('{"data":null}', normalise, expected, 'graphql')).toBe('no data');
    expect(bodyFailure('{"data":{"other":1}}', normalise, expected, 'graphql')).toBe(
      'unexpected shape',
    );
    expect(
      bodyFailure(
        JSON.stringify({ data: { items: [{ id: 'b' }, { id: 'a' }] } }),
        normalise,
        expected,
        'graphql',
      ),
    ).toBe('different answer');
    expect(bodyFailure('<html>busy</html>', normalise, expected, 'graphql')).toBe('not JSON');
  });

  it('checks the floor rows the same way', () => {
    const rows = (r: Json[]) => r.map((x) => x.id);
    expect(bodyFailure('{"rows":[{"id":"a"},{"id":"b"}]}', rows, expected, 'rows')).toBeNull();
    expect(bodyFailure('{"error":"boom"}', rows, expected, 'rows')).toBe('no rows');
  });
});
