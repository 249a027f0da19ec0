import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { editDistance } from '../util/edit-distance';

export interface ProjectName {
  id: string;
  acronym: string | null;
  name: string;
}

/** How many projects a failed lookup names. */
const SUGGESTIONS = 3;

/**
 * The projects whose acronym or name key (see lookup-key.ts) is closest to
 * `key` by edit distance, closest first, then by name.
 */
export async function closestProjects(db: Database, key: string): Promise<ProjectName[]> {
  const rows = await db.read<ProjectName & { acronymKey: string | null; nameKey: string | null }>(
    cypher('api/project-names.cypher'),
    {},
    { operation: 'Query.project.closest' },
  );
  return rows
    .map((r) => ({
      project: { id: r.id, acronym: r.acronym, name: r.name },
      distance: Math.min(
        ...[r.acronymKey, r.nameKey]
          .filter((k): k is string => !!k)
          .map((k) => editDistance(key, k)),
      ),
    }))
    .sort((a, b) => a.distance - b.distance || a.project.name.localeCompare(b.project.name))
    .slice(0, SUGGESTIONS)
    .map((c) => c.project);
}

/** NOT_FOUND for an acronym no project has, naming the closest projects. */
export function projectNotFound(acronym: string, closest: ProjectName[]): AppError {
  const named = closest.map((p) => (p.acronym ? `${p.acronym} (${p.name})` : p.name));
  const hint = named.length > 0 ? `; the closest: ${named.join(', ')}` : '';
  return new AppError(
    ErrorCode.NOT_FOUND,
    `No project has the acronym or name ${JSON.stringify(acronym.slice(0, 100))}${hint}`,
    { details: { closest } },
  );
}
