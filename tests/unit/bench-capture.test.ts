import { profiled, totalDbHits } from '../../bench/capture';

describe('benchmark statement profiling', () => {
  it('puts PROFILE after a leading CYPHER options line, or in front', () => {
    expect(profiled('CYPHER 5\nMATCH (n) RETURN n')).toBe('CYPHER 5\nPROFILE MATCH (n) RETURN n');
    expect(profiled('MATCH (n) RETURN n')).toBe('PROFILE MATCH (n) RETURN n');
  });

  it('sums the db hits of every operator of a profiled plan', () => {
    const plan = {
      dbHits: 1,
      children: [
        { dbHits: 10, children: [] },
        { dbHits: 100, children: [{ dbHits: 1000, children: [] }] },
      ],
    };
    expect(totalDbHits(plan)).toBe(1111);
  });
});
