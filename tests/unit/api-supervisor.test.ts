import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiSupervisor, DEFAULT_API_SUPERVISION } from '../../src/process/api-supervisor';
import { EXIT_CRASH, EXIT_FATAL } from '../../src/process/protocol';

/** A stand-in for the API process: a script that records each start, then runs `bodyOf(markReady)`. */
function fakeApi(bodyOf: (markReady: string) => string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-supervisor-'));
  const starts = path.join(dir, 'starts');
  const script = path.join(dir, 'api.js');
  const markReady = `require('fs').appendFileSync(${JSON.stringify(starts)}, 'r');`;
  fs.writeFileSync(
    script,
    `require('fs').appendFileSync(${JSON.stringify(starts)}, 'x');\n${bodyOf(markReady)}`,
  );
  return {
    script,
    starts: () =>
      fs.existsSync(starts) ? fs.readFileSync(starts, 'utf8').split('x').length - 1 : 0,
    /** Resolves once the script has run `markReady` (its signal handler is in place). */
    ready: async () => {
      while (!(fs.existsSync(starts) && fs.readFileSync(starts, 'utf8').includes('r')))
        await new Promise((r) => setTimeout(r, 20));
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function supervise(script: string, overrides: Partial<typeof DEFAULT_API_SUPERVISION> = {}) {
  const said: string[] = [];
  const supervisor = new ApiSupervisor({
    ...DEFAULT_API_SUPERVISION,
    baseDelayMs: 10,
    maxDelayMs: 20,
    ...overrides,
    script,
    dataDir: undefined,
    say: (m) => said.push(m),
  });
  return { supervisor, said };
}

describe('the API supervisor (npm start)', () => {
  it('restarts a crashing API a bounded number of times, then exits non-zero with the reason', async () => {
    const api = fakeApi(() => `process.exit(${EXIT_CRASH});`);
    try {
      const { supervisor, said } = supervise(api.script, { maxRestarts: 2 });
      expect(await supervisor.run()).toBe(EXIT_FATAL);
      expect(api.starts()).toBe(3);
      expect(said.filter((m) => m.includes('restarting it in'))).toHaveLength(2);
      expect(said.at(-1)).toMatch(/died \(exit code 70\) 3 times .*not restarting it again/);
    } finally {
      api.cleanup();
    }
  });

  it('names an abort (heap exhaustion) as the reason of a death', async () => {
    const api = fakeApi(() => `process.kill(process.pid, 'SIGABRT');`);
    try {
      const { supervisor, said } = supervise(api.script, { maxRestarts: 0 });
      expect(await supervisor.run()).toBe(EXIT_FATAL);
      expect(said.at(-1)).toMatch(/signal SIGABRT \(Node aborted, e\.g\. out of heap memory\)/);
    } finally {
      api.cleanup();
    }
  });

  it('does not restart a failure that a restart cannot fix', async () => {
    const api = fakeApi(() => `process.exit(${EXIT_FATAL});`);
    try {
      const { supervisor } = supervise(api.script);
      expect(await supervisor.run()).toBe(EXIT_FATAL);
      expect(api.starts()).toBe(1);
    } finally {
      api.cleanup();
    }
  });

  it('forwards a stop once, and kills an API that does not acknowledge it (frozen)', async () => {
    // Ignores SIGTERM and never says "stopping", like a process whose event loop is stuck.
    const api = fakeApi(
      (ready) => `process.on('SIGTERM', () => {}); ${ready} setInterval(() => {}, 1000);`,
    );
    try {
      const { supervisor, said } = supervise(api.script, { ackTimeoutMs: 300 });
      const running = supervisor.run();
      await api.ready();
      supervisor.signal('SIGTERM');
      supervisor.signal('SIGTERM'); // npm's forwarded copy of the same Ctrl-C: ignored
      expect(await running).toBe(1);
      expect(said.join('\n')).toMatch(/did not answer the stop within 0 s .*killing it/);
      expect(said.filter((m) => m.includes('Second signal'))).toHaveLength(0);
    } finally {
      api.cleanup();
    }
  });

  it('exits 0 when the API drains and stops on the forwarded signal', async () => {
    const api = fakeApi(
      (ready) =>
        `process.on('SIGTERM', () => { process.send({ type: 'stopping' }); setTimeout(() => process.exit(0), 200); }); ${ready} setInterval(() => {}, 1000);`,
    );
    try {
      const { supervisor } = supervise(api.script, { ackTimeoutMs: 100 });
      const running = supervisor.run();
      await api.ready();
      supervisor.signal('SIGINT');
      expect(await running).toBe(0);
    } finally {
      api.cleanup();
    }
  });
});
