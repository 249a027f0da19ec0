import { LRUCache } from 'lru-cache';

/** The limits of one cache: at most this many entries and about this many bytes. */
export interface CacheBounds {
  maxEntries: number;
  maxBytes: number;
}

/** What a cache holds now and how much it has dropped (for GET /metrics). */
export interface CacheFigures extends CacheBounds {
  entries: number;
  /** Approximate: each entry is weighed when stored (see the cache's sizeOf). */
  bytes: number;
  evictions: number;
}

/**
 * A least-recently-used cache bounded in entries and approximate bytes.
 * Every cache whose keys come from clients (documents, operation names,
 * variable values) is one of these: distinct documents cannot grow the
 * process, the least recently used entry makes room. An entry larger than
 * the whole byte bound is not kept at all.
 */
export class BoundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>> {
  private readonly lru: LRUCache<K, V>;
  private evicted = 0;

  constructor(
    readonly bounds: CacheBounds,
    sizeOf: (value: V, key: K) => number,
  ) {
    this.lru = new LRUCache<K, V>({
      max: bounds.maxEntries,
      maxSize: bounds.maxBytes,
      sizeCalculation: (value, key) => Math.max(1, Math.ceil(sizeOf(value, key))),
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') this.evicted += 1;
      },
    });
  }

  get(key: K): V | undefined {
    return this.lru.get(key);
  }

  has(key: K): boolean {
    return this.lru.has(key);
  }

  set(key: K, value: V): void {
    this.lru.set(key, value);
  }

  delete(key: K): boolean {
    return this.lru.delete(key);
  }

  figures(): CacheFigures {
    return {
      entries: this.lru.size,
      maxEntries: this.bounds.maxEntries,
      bytes: this.lru.calculatedSize,
      maxBytes: this.bounds.maxBytes,
      evictions: this.evicted,
    };
  }
}

/** Approximate bytes of a string held in memory (V8 keeps ASCII text at a byte a character). */
export const stringBytes = (s: string) => s.length;
