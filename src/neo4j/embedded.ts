import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { EmbeddedNeo4jConfig } from '../config';
import { sleep } from '../util/sleep';
import { resolveArtifacts, type ProgressFn } from './artifacts';
import { renderNeo4jConf, type Neo4jLayout } from './conf';
import { EmbeddedNeo4jError } from './errors';
import { acquireFolderLock, lockFileOf, readLockOwner, releaseFolderLock } from './folder-lock';
import {
  canConnect,
  commandLineOf,
  isAlive,
  isPortFree,
  runCommand,
  terminate,
} from './process-tools';

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_ENTRY_POINT = 'org.neo4j.server.startup.Neo4jAdminCommand';
/** A clean shutdown checkpoints first (measured: about 13 s); past this we kill. */
const STOP_GRACE_MS = 60_000;

export function layoutOf(dataDir: string): Neo4jLayout {
  return {
    home: dataDir,
    conf: path.join(dataDir, 'conf'),
    data: path.join(dataDir, 'data'),
    logs: path.join(dataDir, 'logs'),
    plugins: path.join(dataDir, 'plugins'),
    importDir: path.join(dataDir, 'import'),
    run: path.join(dataDir, 'run'),
  };
}

/**
 * A real Neo4j Community server, run from Maven jars in a child JVM that this
 * process owns: it writes the configuration, starts the server, waits for
 * Bolt and stops it again. One instance per data folder.
 */
export class EmbeddedNeo4j {
  readonly layout: Neo4jLayout;
  private pid: number | undefined;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly logOffsets = new Map<string, number>();
  /** Called when the JVM exits without stop() having been asked (a crash, a kill). */
  onUnexpectedExit:
    ((info: { code: number | null; signal: NodeJS.Signals | null }) => void) | undefined;

  constructor(
    private readonly cfg: EmbeddedNeo4jConfig,
    private readonly progress: ProgressFn = () => undefined,
  ) {
    this.layout = layoutOf(cfg.dataDir);
  }

  get boltUri(): string {
    return `neo4j://127.0.0.1:${this.cfg.boltPort}`;
  }
  get browserUrl(): string {
    return `http://127.0.0.1:${this.cfg.httpPort}/browser/`;
  }
  get userLog(): string {
    return path.join(this.layout.logs, 'neo4j.log');
  }
  get consoleLog(): string {
    return path.join(this.layout.logs, 'console.log');
  }
  private get pidFile(): string {
    return path.join(this.layout.run, 'embedded-neo4j.pid');
  }

  /** Resolves the jars only (used by setup and CI to install ahead of time). */
  async install(): Promise<void> {
    await this.checkJava();
    await resolveArtifacts(path.join(this.layout.home, 'cache'), this.progress);
  }

  /**
   * What both the server and neo4j-admin read: the folders, the resolved jars,
   * the plugins and neo4j.conf; returns the classpath and environment to run
   * Java with.
   */
  private async prepareHome(): Promise<{ cp: string; env: NodeJS.ProcessEnv }> {
    for (const dir of Object.values(this.layout)) fs.mkdirSync(dir, { recursive: true });
    const { classpath, pluginJars } = await resolveArtifacts(
      path.join(this.layout.home, 'cache'),
      this.progress,
    );
    this.installPlugins(pluginJars);
    fs.writeFileSync(
      path.join(this.layout.conf, 'neo4j.conf'),
      renderNeo4jConf(this.cfg, this.layout),
    );
    const env = { ...process.env, NEO4J_HOME: this.layout.home, NEO4J_CONF: this.layout.conf };
    // Like the official launcher (lib/*:plugins/*), the plugin jars are on the
    // classpath too: APOC registers its global components (ApocConfig) as
    // kernel extensions, which are discovered on the classpath only.
    const cp = [...classpath, path.join(this.layout.plugins, '*')].join(path.delimiter);
    return { cp, env };
  }

  async start(): Promise<void> {
    const java = await this.checkJava();
    // Before anything touches the folder: a live server on it (another
    // `npm start`) is refused, never taken for a leftover and stopped.
    acquireFolderLock(this.cfg.dataDir);
    try {
      await this.stopLeftover();
      await this.checkPorts();
      await this.startJvm(java);
    } catch (err) {
      if (this.pid === undefined) releaseFolderLock(this.cfg.dataDir);
      throw err;
    }
  }

  private async startJvm(java: string): Promise<void> {
    const { cp, env } = await this.prepareHome();

    if (!fs.existsSync(path.join(this.layout.data, 'databases', 'system'))) {
      // The initial password can only be set before the very first start.
      const r = await runCommand(
        java,
        ['-cp', cp, ADMIN_ENTRY_POINT, 'dbms', 'set-initial-password', this.cfg.password],
        {
          env,
          cwd: this.layout.home,
        },
      );
      if (r.code !== 0) {
        throw new EmbeddedNeo4jError(
          `Setting the initial Neo4j password failed: ${firstMeaningfulLine(r.stderr || r.stdout)}`,
        );
      }
    }

    for (const file of [this.userLog, this.consoleLog]) {
      this.logOffsets.set(file, fs.existsSync(file) ? fs.statSync(file).size : 0);
    }
    const out = fs.openSync(this.consoleLog, 'a');
    const child = spawn(
      java,
      [
        `-Xms${this.cfg.heap}`,
        `-Xmx${this.cfg.heap}`,
        '-XX:+UseG1GC',
        '-XX:+ExitOnOutOfMemoryError',
        '-Dfile.encoding=UTF-8',
        '-cp',
        cp,
        ENTRY_POINT,
        `--home-dir=${this.layout.home}`,
        `--config-dir=${this.layout.conf}`,
      ],
      // Detached (a session and process group of its own): a signal to the
      // terminal's or the service's process group (Ctrl-C, `kill -- -pgid`)
      // does not reach it; the API stops it after draining requests.
      { env, cwd: this.layout.home, detached: true, stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    this.exitInfo = undefined;
    child.on('exit', (code, signal) => {
      this.exitInfo = { code, signal };
      // Not stopped by us (stop() forgets the pid first): the JVM died.
      if (this.pid === child.pid) this.onUnexpectedExit?.({ code, signal });
    });
    child.unref();
    if (child.pid === undefined)
      throw new EmbeddedNeo4jError(`Java could not be started (${java})`);
    this.pid = child.pid;
    // The owner's pid lets `npm start`'s supervisor stop this JVM when the
    // API process that started it dies (see src/process/api-supervisor.ts).
    fs.writeFileSync(this.pidFile, `${child.pid}\n${this.layout.home}\n${process.pid}\n`);

    try {
      await this.waitForBolt();
      await this.checkPassword();
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  /**
   * `neo4j-admin database import full` into this server's (stopped) data
   * folder, from CSV files in the importer's header format (e.g. an export,
   * see src/export/csv.ts). The import tool ships in the same jars as the
   * server. It replaces the database `database` (default neo4j); on a
   * fresh folder the next start() sets the password as usual.
   */
  async importCsv(
    files: { nodes: string[]; relationships: string[] },
    options: string[],
    database = 'neo4j',
  ): Promise<{ stdout: string; stderr: string }> {
    if (this.running) throw new EmbeddedNeo4jError('Stop Neo4j before importing into it');
    const java = await this.checkJava();
    const { cp, env } = await this.prepareHome();
    const r = await runCommand(
      java,
      [
        `-Xmx${this.cfg.heap}`,
        '-cp',
        cp,
        ADMIN_ENTRY_POINT,
        'database',
        'import',
        'full',
        ...files.nodes.map((f) => `--nodes=${f}`),
        ...files.relationships.map((f) => `--relationships=${f}`),
        ...options,
        '--overwrite-destination=true',
        database,
      ],
      { env, cwd: this.layout.home },
    );
    if (r.code !== 0)
      throw new EmbeddedNeo4jError(
        `neo4j-admin database import failed (exit ${r.code}): ${lastLines(r.stderr || r.stdout)}`,
      );
    return { stdout: r.stdout, stderr: r.stderr };
  }

  /** Stops the server if this instance started it; safe to call at any stage and more than once. */
  async stop(): Promise<void> {
    const pid = this.pid;
    this.pid = undefined;
    // Once the JVM has exited its pid may belong to another process.
    if (pid !== undefined && !this.exitInfo) await terminate(pid, STOP_GRACE_MS);
    fs.rmSync(this.pidFile, { force: true });
    releaseFolderLock(this.cfg.dataDir);
  }

  /** Last resort on a forced exit: SIGKILL, no checkpoint (the next start recovers). */
  kill(): void {
    if (this.pid === undefined) return;
    try {
      process.kill(this.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    this.pid = undefined;
    fs.rmSync(this.pidFile, { force: true });
    releaseFolderLock(this.cfg.dataDir);
  }

  get running(): boolean {
    return this.pid !== undefined && isAlive(this.pid);
  }

  get processId(): number | undefined {
    return this.pid;
  }

  private async checkJava(): Promise<string> {
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    let r;
    try {
      r = await runCommand(java, ['-version']);
    } catch {
      throw new EmbeddedNeo4jError(
        `Java was not found (${java}): install a Java 17 or 21 runtime, or set NEO4J_URI to use your own Neo4j`,
      );
    }
    const m = /version "(\d+)/.exec(r.stderr + r.stdout);
    const major = m ? Number(m[1]) : 0;
    if (major < 17) {
      throw new EmbeddedNeo4jError(
        `Neo4j 5.26 needs Java 17 or 21, but ${java} is version ${major || 'unknown'}`,
      );
    }
    return java;
  }

  private async checkPorts(): Promise<void> {
    for (const [name, port, variable] of [
      ['Bolt', this.cfg.boltPort, 'NEO4J_EMBEDDED_BOLT_PORT'],
      ['HTTP', this.cfg.httpPort, 'NEO4J_EMBEDDED_HTTP_PORT'],
    ] as const) {
      if (!(await isPortFree(port))) {
        throw new EmbeddedNeo4jError(
          `Port ${port} (Neo4j ${name}) is already in use on 127.0.0.1: stop whatever holds it (another Neo4j?) or set ${variable}`,
        );
      }
    }
  }

  /**
   * A Neo4j left behind by a process that was killed hard (the pid file
   * survived it). Only called holding the folder lock, so its owner is gone.
   */
  private async stopLeftover(): Promise<void> {
    const leftover = leftoverJvm(this.layout);
    if (leftover) {
      this.progress(
        `Stopping a Neo4j left running on this data folder by an earlier run (pid ${leftover.pid})...`,
      );
      await terminate(leftover.pid, STOP_GRACE_MS);
    }
    fs.rmSync(this.pidFile, { force: true });
  }

  private installPlugins(jars: string[]): void {
    const wanted = new Set(jars.map((j) => path.basename(j)));
    for (const f of fs.readdirSync(this.layout.plugins)) {
      if (f.endsWith('.jar') && !wanted.has(f)) fs.rmSync(path.join(this.layout.plugins, f));
    }
    for (const jar of jars) {
      const target = path.join(this.layout.plugins, path.basename(jar));
      if (!fs.existsSync(target)) fs.copyFileSync(jar, target);
    }
  }

  private async waitForBolt(): Promise<void> {
    const deadline = Date.now() + this.cfg.startTimeoutMs;
    while (Date.now() < deadline) {
      if (this.exitInfo) {
        const { code, signal } = this.exitInfo;
        throw new EmbeddedNeo4jError(
          `Neo4j exited during start-up (${signal ?? `code ${code}`}): ${this.lastLogError() ?? 'no error was logged'}`,
          this.logToRead(),
        );
      }
      if (await canConnect(this.cfg.boltPort)) return;
      await sleep(250);
    }
    throw new EmbeddedNeo4jError(
      `Neo4j did not open Bolt port ${this.cfg.boltPort} within ${Math.round(this.cfg.startTimeoutMs / 1000)} s`,
      this.logToRead(),
    );
  }

  /** The password only takes effect on a fresh data folder; an old folder keeps its own. */
  private async checkPassword(): Promise<void> {
    const driver = neo4j.driver(
      `bolt://127.0.0.1:${this.cfg.boltPort}`,
      neo4j.auth.basic('neo4j', this.cfg.password),
    );
    const rejected = () =>
      new EmbeddedNeo4jError(
        `Neo4j rejected the password: the data in ${this.layout.data} was set up with another one; set NEO4J_PASSWORD to it, or delete ${this.layout.home} to start afresh`,
        path.join(this.layout.logs, 'security.log'),
      );
    let accepted: boolean;
    try {
      // Resolves false when the server refuses the credentials.
      accepted = await driver.verifyAuthentication();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Security')) throw rejected();
      throw new EmbeddedNeo4jError(
        `Neo4j opened Bolt but did not answer: ${(err as Error).message}`,
        this.logToRead(),
      );
    } finally {
      await driver.close();
    }
    if (!accepted) throw rejected();
  }

  private logToRead(): string {
    return fs.existsSync(this.userLog) && fs.statSync(this.userLog).size > 0
      ? this.userLog
      : this.consoleLog;
  }

  private lastLogError(): string | undefined {
    for (const file of [this.userLog, this.consoleLog]) {
      // Only what this start wrote: the logs are appended to across runs.
      const lines = readFrom(file, this.logOffsets.get(file) ?? 0).split('\n');
      // The root cause is the last "Caused by:"; otherwise the first ERROR line.
      const hit =
        [...lines].reverse().find((l) => l.startsWith('Caused by:')) ??
        lines.find((l) => /\bERROR\b/.test(l) || /^\S*(Exception|Error):/.test(l));
      if (hit)
        return hit
          .replace(/^Caused by: /, '')
          .trim()
          .slice(0, 300);
      // The JVM itself failed (bad heap size, ...): its last words.
      const last = [...lines].reverse().find((l) => l.trim().length > 0);
      if (last && file === this.consoleLog) return last.trim().slice(0, 300);
    }
    return undefined;
  }
}

/** What a data folder's pid file records: the JVM and the process that started it. */
function pidFileOf(layout: Neo4jLayout): { pid: number; owner: number | undefined } | undefined {
  const file = path.join(layout.run, 'embedded-neo4j.pid');
  if (!fs.existsSync(file)) return undefined;
  const [pidText, , ownerText] = fs.readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidText);
  const owner = Number(ownerText);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, owner: Number.isInteger(owner) && owner > 0 ? owner : undefined };
}

/** The JVM named by a data folder's pid file, if it still runs as that folder's Neo4j. */
function leftoverJvm(layout: Neo4jLayout): { pid: number; owner: number | undefined } | undefined {
  const recorded = pidFileOf(layout);
  const cmd = recorded && commandLineOf(recorded.pid);
  if (!cmd?.includes(ENTRY_POINT) || !cmd.includes(`--home-dir=${layout.home}`)) return undefined;
  return recorded;
}

/**
 * For `npm start`'s supervisor, after the API process `ownerPid` died or was
 * killed: stops the Neo4j that process started (SIGTERM with the usual grace,
 * or SIGKILL when `hard`) and frees the folder. A Neo4j started by any other
 * process is left alone. Returns the JVM's pid when there was one to stop.
 */
export async function stopNeo4jOf(
  dataDir: string,
  ownerPid: number,
  hard = false,
): Promise<number | undefined> {
  const layout = layoutOf(dataDir);
  if (pidFileOf(layout)?.owner !== ownerPid) {
    const lock = lockFileOf(dataDir);
    if (readLockOwner(lock)?.pid === ownerPid) fs.rmSync(lock, { force: true });
    return undefined;
  }
  const jvm = leftoverJvm(layout);
  if (jvm) {
    if (hard) {
      try {
        process.kill(jvm.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await terminate(jvm.pid, STOP_GRACE_MS);
  }
  fs.rmSync(path.join(layout.run, 'embedded-neo4j.pid'), { force: true });
  const lock = lockFileOf(dataDir);
  if (readLockOwner(lock)?.pid === ownerPid) fs.rmSync(lock, { force: true });
  return jvm?.pid;
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}

function firstMeaningfulLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? 'no output'
  );
}

function readFrom(file: string, offset: number): string {
  if (!fs.existsSync(file)) return '';
  const size = fs.statSync(file).size;
  if (size <= offset) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size - offset, 1_000_000));
    fs.readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * For command-line tools: the embedded Neo4j to start for the duration of
 * the tool's work, announcing start and stop through `say`; undefined when
 * NEO4J_URI is set or the embedded Neo4j already runs (e.g. under `npm start`).
 */
export async function embeddedNeo4jForCli(
  cfg: EmbeddedNeo4jConfig | undefined,
  say: (m: string) => void,
): Promise<{ start(): Promise<void>; stop(): Promise<void> } | undefined> {
  if (!cfg || (await canConnect(cfg.boltPort))) return undefined;
  const embedded = new EmbeddedNeo4j(cfg, say);
  return {
    async start() {
      say('Starting the embedded Neo4j...');
      await embedded.start();
    },
    async stop() {
      say('Stopping the embedded Neo4j...');
      await embedded.stop();
    },
  };
}
