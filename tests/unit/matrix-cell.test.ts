import { cellGrade } from '../../src/graphql/matrix-cell';
import type { RelationshipObject } from '../../src/graphql/model';

const link = (confidence: string | null, unverified = false) =>
  ({ confidence, unverified }) as RelationshipObject;

describe('the grade of a matrix cell', () => {
  it('is the best confidence of its PURSUES links, however many weaker ones there are', () => {
    expect(cellGrade([link('low'), link('low'), link('low'), link('medium')])).toEqual({
      grade: 'medium',
      unverified: false,
    });
    expect(cellGrade([link('low'), link('high')]).grade).toBe('high');
  });

  it('is null for an empty cell, which is not unverified', () => {
    expect(cellGrade([])).toEqual({ grade: null, unverified: false });
  });

  it('is unverified only when every link is', () => {
    expect(cellGrade([link('medium', true), link('low', true)]).unverified).toBe(true);
    expect(cellGrade([link('medium', true), link('low', false)]).unverified).toBe(false);
  });
});
