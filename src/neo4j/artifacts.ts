import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { EmbeddedNeo4jError } from './errors';
import { runCommand } from './process-tools';

export const POM_FILE = path.join(PROJECT_ROOT, 'neo4j', 'pom.xml');
/** APOC jars go to plugins/ (Neo4j loads procedures only from there); everything else to the classpath. */
const PLUGIN_JAR = /[\\/]apoc-(core|common)-[^\\/]*\.jar$/;

export interface ResolvedArtifacts {
  classpath: string[];
  pluginJars: string[];
}

export type ProgressFn = (message: string) => void;

interface CacheFile {
  pomHash: string;
  classpath: string[];
  pluginJars: string[];
}

/**
 * Resolves the pinned Neo4j, APOC and Browser jars through Maven. The first
 * run downloads about 160 MB into ~/.m2 (progress is reported); afterwards
 * the resolved list is cached next to the data, so later starts need neither
 * the network nor Maven, unless the pom changes or a jar disappears.
 */
export async function resolveArtifacts(
  cacheDir: string,
  progress: ProgressFn,
): Promise<ResolvedArtifacts> {
  const pom = fs.readFileSync(POM_FILE, 'utf8');
  const pomHash = crypto.createHash('sha256').update(pom).digest('hex');
  const cacheFile = path.join(cacheDir, 'artifacts.json');
  const cached = readCache(cacheFile);
  if (
    cached &&
    cached.pomHash === pomHash &&
    [...cached.classpath, ...cached.pluginJars].every((f) => fs.existsSync(f))
  ) {
    return { classpath: cached.classpath, pluginJars: cached.pluginJars };
  }

  await ensureMaven();
  fs.mkdirSync(cacheDir, { recursive: true });
  const outFile = path.join(cacheDir, 'classpath.txt');
  let files = 0;
  let bytes = 0;
  let lastReport = 0;
  progress(
    'Resolving Neo4j 5.26 artifacts through Maven (the first time this downloads about 160 MB into ~/.m2, 117 MB of it jars)...',
  );
  const result = await runCommand(
    'mvn',
    ['-B', '-f', POM_FILE, 'dependency:build-classpath', `-Dmdep.outputFile=${outFile}`],
    {
      onLine: (line) => {
        const m = /Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|KB|MB|GB)/.exec(line);
        if (!m) return;
        files += 1;
        bytes += toBytes(m[2] ?? '0', m[3] ?? 'B');
        const now = Date.now();
        if (now - lastReport > 2000) {
          lastReport = now;
          progress(`  downloaded ${files} files, ${(bytes / 1e6).toFixed(1)} MB of about 160 MB`);
        }
      },
    },
  );
  if (result.code !== 0) {
    const reason = lastErrorLine(result.stdout) ?? 'see the Maven output above';
    throw new EmbeddedNeo4jError(`Maven could not resolve the Neo4j artifacts: ${reason}`);
  }
  if (files > 0)
    progress(`  downloaded ${files} files, ${(bytes / 1e6).toFixed(1)} MB; cached in ~/.m2`);
  const entries = fs.readFileSync(outFile, 'utf8').trim().split(path.delimiter).filter(Boolean);
  const pluginJars = entries.filter((e) => PLUGIN_JAR.test(e));
  const classpath = entries.filter((e) => !PLUGIN_JAR.test(e));
  if (pluginJars.length !== 2 || !classpath.some((e) => /neo4j-browser/.test(e))) {
    throw new EmbeddedNeo4jError(
      'Maven resolved an unexpected set of jars: APOC core/common or the Browser is missing',
    );
  }
  const cache: CacheFile = { pomHash, classpath, pluginJars };
  fs.writeFileSync(cacheFile, JSON.stringify(cache, null, 2));
  return { classpath, pluginJars };
}

async function ensureMaven(): Promise<void> {
  try {
    const r = await runCommand('mvn', ['-v']);
    if (r.code !== 0) throw new Error(r.stderr);
  } catch {
    throw new EmbeddedNeo4jError(
      'Maven (mvn) was not found on PATH: install Apache Maven 3.8+ to fetch the embedded Neo4j, or set NEO4J_URI to use your own Neo4j',
    );
  }
}

function readCache(file: string): CacheFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
}

function toBytes(value: string, unit: string): number {
  const n = Number(value.replace(',', '.'));
  const factor: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };
  return n * (factor[unit] ?? 1);
}

function lastErrorLine(output: string): string | undefined {
  return output
    .split('\n')
    .filter((l) => l.startsWith('[ERROR]') && l.length > 8)
    .map((l) => l.slice(8).trim())[0];
}
