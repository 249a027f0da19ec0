import { AppError } from '../../src/errors';
import {
  dateParam,
  decodeCursor,
  encodeCursor,
  pageSize,
  toEntityConnection,
  toRelationship,
} from '../../src/graphql/model';
import { luceneQuery } from '../../src/graphql/resolvers/query';

describe('cursors and pages', () => {
  it('round-trips an opaque cursor and refuses forged ones', () => {
    const key = 'lithuania|state:LT';
    expect(decodeCursor(encodeCursor(key))).toBe(key);
    expect(encodeCursor(key)).not.toContain('state');
    expect(() => decodeCursor('not-a-cursor')).toThrow(AppError);
    expect(decodeCursor(null)).toBeNull();
  });

  it('defaults first to 20, caps it at 100 and refuses negatives', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(500)).toBe(100);
    expect(pageSize(0)).toBe(0);
    expect(() => pageSize(-1)).toThrow(/first/);
  });

  it('builds a connection from one extra row', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({
      key: id,
      labels: ['Entity', 'State'],
      node: { id },
    }));
    const c = toEntityConnection(rows, 10, 2);
    expect(c.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
    expect(c.totalCount).toBe(10);
    expect(c.edges[0]?.node.__label).toBe('State');
  });

  it('shows a stored relationship with its own properties and its provenance, not the bookkeeping', () => {
    const node = { __label: 'Organisation', id: 'org:cbss' };
    const r = toRelationship('MEMBER_OF', 'OUT', node, {
      role: 'founding member',
      validFrom: '1992-03-05',
      validFromPrecision: 'day',
      sourceIds: ['source:S1', 'source:S2'],
      sourceQuotes: ['the words', ''],
      seedKey: 'MEMBER_OF|state:DK|org:cbss|',
      origin: 'seed',
      confidence: 'high',
    });
    expect(r).toMatchObject({
      type: 'MEMBER_OF',
      direction: 'OUT',
      node,
      role: 'founding member',
      period: { from: '1992-03-05', fromPrecision: 'day', to: null, toPrecision: null },
      sources: [
        { sourceId: 'source:S1', quote: 'the words' },
        { sourceId: 'source:S2', quote: null },
      ],
      confidence: 'high',
      unverified: false,
      derived: false,
    });
    expect(r).not.toHaveProperty('seedKey');
    expect(r).not.toHaveProperty('cursor');
  });

  it('accepts only real calendar dates', () => {
    expect(dateParam('2023-01-01', 'asOf')?.toString()).toBe('2023-01-01');
    expect(() => dateParam('2023-02-30', 'asOf')).toThrow(/asOf/);
    // Years 0-99 are years 0-99, not 1900-1999 (Date.UTC's reading).
    expect(dateParam('0001-01-01', 'from')?.toString()).toBe('0001-01-01');
    expect(dateParam('0099-12-31', 'from')?.toString()).toBe('0099-12-31');
    expect(() => dateParam('0100-02-29', 'from')).toThrow(/from/);
    expect(dateParam(undefined, 'asOf')).toBeNull();
  });
});

describe('luceneQuery', () => {
  it('takes Lucene syntax literally and keeps AND / OR / NOT as words', () => {
    expect(luceneQuery('Barnahus')).toBe('(barnahus OR barnahus*)');
    expect(luceneQuery('a:b (c) OR "d"')).toBe(
      '(a\\:b OR a\\:b*) (\\(c\\) OR \\(c\\)*) (or OR or*) (\\"d\\" OR \\"d\\"*)' +
        ' name:"a\\:b \\(c\\) or \\"d\\""^12 title:"a\\:b \\(c\\) or \\"d\\""^6 "a\\:b \\(c\\) or \\"d\\""^3',
    );
    expect(luceneQuery('child protection')).toBe(
      '(child OR child*) (protection OR protection*) name:"child protection"^12 title:"child protection"^6 "child protection"^3',
    );
    expect(() => luceneQuery('  ')).toThrow(/at least one word/);
  });
});
