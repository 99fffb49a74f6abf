/** Stops the fauxqs started by global-setup.ts. */
export default async function globalTeardown(): Promise<void> {
  const fauxqs = globalThis.__pantauFaultsFauxqs;
  globalThis.__pantauFaultsFauxqs = undefined;
  await fauxqs?.stop();
}
