/**
 * Something a running function loads from a store and loads again once it is older than
 * `maxAgeMs` (the debunked claims, the watch topics): so what a team changes reaches every
 * running function within minutes, without a deploy.
 */
export class ReloadWhenStale {
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly load: () => Promise<void>,
    private readonly now: () => number,
    private readonly maxAgeMs: number,
  ) {}

  /**
   * Loads when the loaded copy is stale, or when `force`d. Concurrent callers share one load. A
   * failed load keeps what was loaded before and throws, so the caller's retry policy applies.
   */
  async refresh(force = false): Promise<void> {
    if (!force && this.now() - this.loadedAt < this.maxAgeMs) return;
    this.loading ??= this.load()
      .then(() => {
        this.loadedAt = this.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    await this.loading;
  }
}
