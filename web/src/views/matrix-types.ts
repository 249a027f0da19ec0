/** The matrix document's answer (web/queries/matrix.graphql), as the views read it. */

export interface Period {
  from: string | null;
  to: string | null;
}
export interface SourceRef {
  quote: string | null;
  source: { id: string; title: string; url: string | null; kind: string };
}
export interface Step {
  relationshipType: string;
  direction: string;
  node: { id: string; name: string; label: string };
  period: Period | null;
  confidence: string | null;
  unverified: boolean;
  sources: SourceRef[];
}
/** What set a path's grade: the step that capped it (or the whole path) and why. */
export interface GradeReason {
  code: string;
  cap: string;
  step: number | null;
  text: string;
}
export interface EvidencePath {
  rule: string;
  confidence: string | null;
  unverified: boolean;
  period: Period | null;
  /** Empty when nothing lowered the path's grade. */
  gradeReasons: GradeReason[];
  steps: Step[];
}
/** A derived link of a cell: PURSUES (state action), MAY_PURSUE or CIVIL_SOCIETY_ENGAGES. */
export interface Link {
  rule: string | null;
  confidence: string | null;
  unverified: boolean;
  period: Period | null;
  evidence: EvidencePath[];
}
export interface Cell {
  state: { id: string };
  priority: { id: string };
  count: number;
  /** The best confidence among the cell's PURSUES links; null when it has none. */
  grade: string | null;
  /** True when the cell has PURSUES links and every one is unverified. */
  unverified: boolean;
  links: Link[];
  mayPursueCount: number;
  /** State action resting on a curator's reading or an assumption (never counted in count or grade), paths only (their evidence: LayerMatrix). */
  mayPursue: { confidence: string | null; unverified: boolean; evidence: { rule: string }[] }[];
  civilSocietyCount: number;
  /** The cell's CIVIL_SOCIETY_ENGAGES links, paths only (their evidence: CivilSocietyMatrix). */
  civilSociety: { confidence: string | null; unverified: boolean; evidence: { rule: string }[] }[];
}
export interface Matrix {
  mandate: { id: string; name: string; startDate: string | null; endDate: string | null };
  states: { id: string; name: string; isoCode: string }[];
  priorities: { id: string; name: string }[];
  cells: Cell[];
}

/** The links of a layer kept apart from PURSUES: MAY_PURSUE or CIVIL_SOCIETY_ENGAGES. */
export type Layer = 'mayPursue' | 'civilSociety';
/**
 * One layer's links of a mandate's cells with their evidence
 * (matrix-may-pursue.graphql, matrix-civil-society.graphql).
 */
export type LayerMatrix<L extends Layer> = {
  cells: ({ state: { id: string }; priority: { id: string } } & Record<L, Link[]>)[];
};
