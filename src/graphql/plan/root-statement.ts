import type { Query } from '../../cypher';

/** One root field's statement: it returns one row whose `value` is the field's response. */
export interface RootStatement {
  statement: Query;
  /**
   * A null answer is not the whole answer: the reference execution says
   * why (a project acronym no project has is NOT_FOUND, with the closest names).
   */
  nullMeansReference: boolean;
}
