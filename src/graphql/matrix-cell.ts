import { ENUM_VALUES } from './generated/boundary';
import type { Confidence } from './generated/resolvers-types';
import type { RelationshipObject } from './model';

/** Confidence marks best first (high, medium, low), as the model lists them. */
const ORDER = Object.values(ENUM_VALUES.Confidence);

/**
 * How sure a matrix cell is, from its PURSUES links: the best grade among
 * them (null when it has none), and whether every link is unverified. The
 * dashboard colours a cell by this rather than by its number of paths, so a
 * cell of many weak paths does not read as the strongest pursuit.
 */
export function cellGrade(links: RelationshipObject[]): {
  grade: Confidence | null;
  unverified: boolean;
} {
  const ranks = links.map((l) => ORDER.findIndex((c) => c === l.confidence)).filter((i) => i >= 0);
  return {
    grade: ranks.length ? ORDER[Math.min(...ranks)]! : null,
    unverified: links.length > 0 && links.every((l) => l.unverified),
  };
}
