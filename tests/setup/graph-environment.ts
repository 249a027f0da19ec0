import fs from 'node:fs';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { acquireExclusive, acquireShared, releaseExclusive, releaseShared } from './graph-lock';

/**
 * The integration tests' environment: Node's, holding the shared-graph lock
 * (graph-lock.ts) from before a test file's first hook to after its last
 * one. A file whose header says `@writes-shared-graph` holds it alone.
 */
export default class SharedGraphEnvironment extends TestEnvironment {
  private readonly exclusive: boolean;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.exclusive = /@writes-shared-graph/.test(
      fs.readFileSync(context.testPath, 'utf8').slice(0, 2000),
    );
  }

  override async setup(): Promise<void> {
    await super.setup();
    await (this.exclusive ? acquireExclusive() : acquireShared());
  }

  override async teardown(): Promise<void> {
    if (this.exclusive) releaseExclusive();
    else releaseShared();
    await super.teardown();
  }
}
