/**
 * `npm start`: a supervisor that runs the API (api-main.ts) in a child
 * process and stops or restarts it (see src/process/api-supervisor.ts).
 */
import path from 'node:path';
import { readProcessConfig } from './config';
import { inUseMessage, isOwnerAlive, lockFileOf, readLockOwner } from './neo4j/folder-lock';
import { ApiSupervisor, DEFAULT_API_SUPERVISION } from './process/api-supervisor';
import { EXIT_FATAL } from './process/protocol';

async function main(): Promise<number> {
  const config = readProcessConfig();
  if (!config) return EXIT_FATAL;
  const say = (m: string) => process.stderr.write(`${m}\n`);
  const dataDir = config.embedded?.dataDir;
  if (dataDir) {
    // Refused here already, before a child is started; the API process
    // checks again when it takes the folder (two starts at the same moment).
    const owner = readLockOwner(lockFileOf(dataDir));
    if (owner && owner.pid !== process.pid && isOwnerAlive(owner)) {
      say(`Could not start: ${inUseMessage(owner, dataDir)}`);
      return EXIT_FATAL;
    }
  }
  const supervisor = new ApiSupervisor({
    ...DEFAULT_API_SUPERVISION,
    script: path.join(__dirname, 'api-main.js'),
    dataDir,
    say,
  });
  process.on('SIGINT', () => supervisor.signal('SIGINT'));
  process.on('SIGTERM', () => supervisor.signal('SIGTERM'));
  return supervisor.run();
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(EXIT_FATAL);
  },
);
