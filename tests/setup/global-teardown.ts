export default async function globalTeardown(): Promise<void> {
  await globalThis.__TEST_NEO4J__?.stop();
}
