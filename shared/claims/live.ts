/**
 * The claims a running classifier matches against: the seed list shipped with Pantau plus every
 * claim in the store (a team's imports, the fact-check collectors). Loaded once per cold start
 * and reloaded when older than `maxAgeMs`, so a claim imported now reaches every classifier
 * within minutes without a deploy.
 */
import type { ClaimStore } from '../pipeline/ports';
import { ReloadWhenStale } from '../stale';
import { ClaimIndex } from './match';
import { SEED_CLAIMS } from './seed';
import type { ClaimMatcher, NormalisedText } from '../classify/types';
import type { ClaimMatch } from './types';

export const CLAIMS_MAX_AGE_MS = 10 * 60 * 1000;

export class LiveClaims implements ClaimMatcher {
  private index = new ClaimIndex(SEED_CLAIMS);
  private readonly reload: ReloadWhenStale | undefined;

  constructor(store: ClaimStore | undefined, now: () => number = Date.now, maxAgeMs = CLAIMS_MAX_AGE_MS) {
    this.reload = store ? new ReloadWhenStale(() => this.load(store), now, maxAgeMs) : undefined;
  }

  /** Claims known now: the seed list until the store has been read. */
  get size(): number {
    return this.index.size;
  }

  /** Reloads from the store when the loaded copy is stale (shared/stale.ts). */
  async refresh(): Promise<void> {
    await this.reload?.refresh();
  }

  match(norm: NormalisedText): ClaimMatch | undefined {
    return this.index.match(norm);
  }

  private async load(store: ClaimStore): Promise<void> {
    this.index = new ClaimIndex([...SEED_CLAIMS, ...(await store.all())]);
  }
}
