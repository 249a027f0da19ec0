/** What every export format reads: entities and relationships as stored, and the dataset version. */

/** A stored property value as the driver returns it (temporal values are driver objects). */
export type StoredValue = unknown;

export interface ExportNode {
  id: string;
  /** The entity's own labels, without the `Entity` label every entity has. */
  labels: string[];
  props: Record<string, StoredValue>;
}

export interface ExportRelationship {
  /** Stable key: the seed key (TYPE|from|to|key), or TYPE|from|to|via for derived links. */
  key: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, StoredValue>;
}

/**
 * Stored property types, from Neo4j's schema procedures: String, Long,
 * Double, Boolean, Date, DateTime, StringArray, LongArray, BooleanArray, ...
 * A key with more than one stored type has all of them listed.
 */
export interface PropertyTypes {
  node: Map<string, string[]>;
  relationship: Map<string, string[]>;
}

/** The dataset version the graph records at every seed load (see src/seed/version.ts). */
export interface DatasetVersion {
  /** `<seedVersion>+<first 12 hex digits of the content checksum>`: the short form in headers and CSV rows. */
  version: string;
  seedVersion: string | null;
  checksum: string | null;
  filesChecksum: string | null;
  loadedAt: string | null;
}

/** What an export says about itself. */
export interface ExportMeta {
  dataset: DatasetVersion;
  /** YYYY-MM-DD, or null for the graph as it is. */
  asOf: string | null;
  /** When the export was made (ISO date-time). */
  exportedAt: string;
}
