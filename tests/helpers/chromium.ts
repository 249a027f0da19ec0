import { execFileSync } from 'node:child_process';

/** Debian's Chromium for the browser tests (CHROMIUM_PATH wins). */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('No chromium on PATH: `apt-get install -y chromium` (.ci/run does this)');
  }
}
