/**
 * The claims a running classifier matches against: the seed list shipped with Pantau plus every
 * claim in the store (a team's imports, the fact-check collectors). Loaded once per cold start
 * and reloaded when older than `maxAgeMs`, so a claim imported now reaches every classifier
 * within minutes without a deploy.
 */
import type { ClaimStore } from '../pipeline/ports';
import { ClaimIndex } from './match';
import { SEED_CLAIMS } from './seed';
import type { ClaimMatcher, NormalisedText } from '../classify/types';
import type { ClaimMatch } from './types';

export const CLAIMS_MAX_AGE_MS = 10 * 60 * 1000;

export class LiveClaims implements ClaimMatcher {
  private index = new ClaimIndex(SEED_CLAIMS);
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly store: ClaimStore | undefined,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = CLAIMS_MAX_AGE_MS,
  ) {}

  /** Claims known now: the seed list until the store has been read. */
  get size(): number {
    return this.index.size;
  }

  /**
   * Reloads from the store when the loaded copy is stale. Concurrent callers share one load. A
   * failed load keeps the claims already loaded and throws, so the caller's retry policy applies.
   */
  async refresh(): Promise<void> {
    if (!this.store || this.now() - this.loadedAt < this.maxAgeMs) return;
    this.loading ??= this.load(this.store).finally(() => {
      this.loading = undefined;
    });
    await this.loading;
  }

  match(norm: NormalisedText): ClaimMatch | undefined {
    return this.index.match(norm);
  }

  private async load(store: ClaimStore): Promise<void> {
    const stored = await store.all();
    this.index = new ClaimIndex([...SEED_CLAIMS, ...stored]);
    this.loadedAt = this.now();
  }
}
