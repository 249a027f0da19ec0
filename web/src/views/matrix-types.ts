/**
 * The matrix documents' answers as the views read them: the types
 * graphql-codegen generates from web/queries/matrix*.graphql against the
 * contract (web/src/generated/queries.ts, `npm run schema:generate`), so a
 * change of the contract that breaks a document fails tsc.
 */
import type {
  EvidencePathPartsFragment,
  MatrixCivilSocietyQuery,
  MatrixMayPursueQuery,
  MatrixQuery,
} from '../generated/queries';

export type Matrix = MatrixQuery['priorityMatrix'];
export type Cell = Matrix['cells'][number];
/** One evidence path with what set its grade and its steps. */
export type EvidencePath = EvidencePathPartsFragment;
export type GradeReason = EvidencePath['gradeReasons'][number];

/** The links of a layer kept apart from PURSUES: MAY_PURSUE or CIVIL_SOCIETY_ENGAGES. */
export type Layer = 'mayPursue' | 'civilSociety';
/** One layer's links of a mandate's cells with their evidence (matrix-may-pursue, matrix-civil-society). */
export interface LayerMatrix {
  mayPursue: MatrixMayPursueQuery['priorityMatrix'];
  civilSociety: MatrixCivilSocietyQuery['priorityMatrix'];
}
type LayerLink<L extends Layer> = LayerMatrix[L]['cells'][number] extends infer C
  ? C extends Record<L, (infer K)[]>
    ? K
    : never
  : never;

/** A derived link of a cell with its evidence: PURSUES, MAY_PURSUE or CIVIL_SOCIETY_ENGAGES. */
export type Link = Cell['links'][number] | LayerLink<'mayPursue'> | LayerLink<'civilSociety'>;
