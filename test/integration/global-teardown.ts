/** Stops the emulators started by global-setup.ts; no Java process is left behind. */
export default async function globalTeardown(): Promise<void> {
  const emulators = globalThis.__pantauEmulators;
  globalThis.__pantauEmulators = undefined;
  if (!emulators) return;
  await Promise.allSettled([emulators.fauxqs.stop(), emulators.dynamoDb.stop()]);
}
