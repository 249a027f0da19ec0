import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedNeo4jError } from './errors';
import { isAlive, isZombie, procStat } from './process-tools';

/**
 * One process per data folder. The lock file names the owning process by pid
 * and start time (from /proc), so a pid that was reused by an unrelated
 * process after the owner died is not taken for the owner.
 */
export interface LockOwner {
  pid: number;
  startTime: string;
}

/** The kernel's start time of a process (Linux /proc): '' without /proc, undefined if it is gone. */
export function startTimeOf(pid: number): string | undefined {
  if (!fs.existsSync('/proc/self/stat')) return '';
  return procStat(pid)?.startTime;
}

/** True when the process named by the lock still runs (the same process, not a reused pid). */
export function isOwnerAlive(owner: LockOwner): boolean {
  if (!isAlive(owner.pid) || isZombie(owner.pid)) return false;
  const now = startTimeOf(owner.pid);
  return now !== undefined && (now === '' || owner.startTime === '' || now === owner.startTime);
}

export function readLockOwner(file: string): LockOwner | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const [pidText, startTime = ''] = text.split('\n');
  const pid = Number(pidText);
  return Number.isInteger(pid) && pid > 0 ? { pid, startTime } : undefined;
}

export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, 'run', 'server.lock');
}

export function inUseMessage(owner: LockOwner, dataDir: string): string {
  return `Another server (pid ${owner.pid}) is using the data folder ${dataDir}: stop it first, or set NEO4J_EMBEDDED_DATA_DIR (and the ports) for a second one`;
}

/**
 * Takes the data folder for this process, or throws naming the live owner.
 * A lock left by a process that is gone is taken over (its Neo4j, if any, is
 * then stopped as a leftover by the caller). Taking it again from the same
 * process (a supervised restart of Neo4j) is a no-op.
 */
export function acquireFolderLock(dataDir: string): void {
  const file = lockFileOf(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me = `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx': created only if absent, so two starts cannot both win.
      fs.writeFileSync(file, me, { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readLockOwner(file);
    if (owner?.pid === process.pid) return;
    if (owner && isOwnerAlive(owner)) throw new EmbeddedNeo4jError(inUseMessage(owner, dataDir));
    fs.rmSync(file, { force: true });
  }
  throw new EmbeddedNeo4jError(`Could not take the data folder ${dataDir} (${file})`);
}

/** Gives the folder up, if this process holds it. */
export function releaseFolderLock(dataDir: string): void {
  const file = lockFileOf(dataDir);
  if (readLockOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
