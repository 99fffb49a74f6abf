import { LiveClaims } from '../../shared/claims/live';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import type { ClaimRecord } from '../../shared/claims/types';
import { normalise } from '../../shared/classify/normalise';
import type { ClaimStore } from '../../shared/pipeline/ports';

/** A store kept in memory: the port's contract, no AWS. */
class MemoryClaims implements ClaimStore {
  readonly claims = new Map<string, ClaimRecord>();
  reads = 0;
  failNext = false;
  async put(claims: readonly ClaimRecord[]): Promise<number> {
    for (const c of claims) this.claims.set(c.id, c);
    return claims.length;
  }
  async all(): Promise<ClaimRecord[]> {
    this.reads++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('store unavailable');
    }
    return [...this.claims.values()];
  }
}

const teamClaim: ClaimRecord = {
  id: 'team-001',
  text: 'Pintu air Manggarai dibuka penuh malam ini sehingga seluruh Jakarta Pusat akan terendam dua meter',
  rating: 'salah',
  source: 'https://example.org/klarifikasi/pintu-air-manggarai',
};
const post = normalise('Katanya pintu air Manggarai dibuka penuh malam ini, seluruh Jakarta Pusat bakal terendam dua meter!!');

describe('LiveClaims', () => {
  it('matches the seed list before the store is read, and the stored claims after', async () => {
    const store = new MemoryClaims();
    await store.put([teamClaim]);
    const live = new LiveClaims(store, () => 0);
    expect(live.size).toBe(SEED_CLAIMS.length);
    expect(live.match(post)?.claim.id).not.toBe('team-001');
    await live.refresh();
    expect(live.size).toBe(SEED_CLAIMS.length + 1);
    expect(live.match(post)?.claim.id).toBe('team-001');
  });

  it('reads the store again only when its copy is stale, once for concurrent callers', async () => {
    const store = new MemoryClaims();
    let now = 0;
    const live = new LiveClaims(store, () => now, 60_000);
    await Promise.all([live.refresh(), live.refresh(), live.refresh()]);
    expect(store.reads).toBe(1);
    now = 30_000;
    await live.refresh();
    expect(store.reads).toBe(1);
    await store.put([teamClaim]);
    now = 61_000;
    await live.refresh();
    expect(store.reads).toBe(2);
    expect(live.match(post)?.claim.id).toBe('team-001');
  });

  it('keeps the claims it has when a reload fails, and tries again next time', async () => {
    const store = new MemoryClaims();
    await store.put([teamClaim]);
    let now = 0;
    const live = new LiveClaims(store, () => now, 1_000);
    await live.refresh();
    now = 5_000;
    store.failNext = true;
    await expect(live.refresh()).rejects.toThrow('store unavailable');
    expect(live.match(post)?.claim.id).toBe('team-001');
    await live.refresh();
    expect(store.reads).toBe(3);
  });

  it('works without a store: the seed list only', async () => {
    const live = new LiveClaims(undefined);
    await live.refresh();
    expect(live.size).toBe(SEED_CLAIMS.length);
  });
});
