/** The console's claim routes: the debunked claims matched (shipped and stored), and an import. */
import { Hono } from 'hono';
import { SEED_CLAIMS } from '../claims/seed';
import { parseClaimLine } from '../claims/parse';
import type { ClaimRecord } from '../claims/types';
import type { ConsoleDeps } from './app';
import type { ClaimImportResult, ClaimView, Page } from './contract';
import type { PageKey } from './ports';
import { BadRequest, canWrite, cursorParam, intParam, isRecord, PAGE_MAX, refused, type ConsoleEnv } from './request';
import { encodeCursor } from './views';

/** Where a page of the claims list ends: in the store (where its last page ended; null at the start), or in the seed list. */
type ClaimsPosition = { readonly store: PageKey | null } | { readonly seed: number };

const isClaimsPosition = (v: unknown): v is ClaimsPosition =>
  isRecord(v) && (('store' in v && (v.store === null || isRecord(v.store))) || (Number.isInteger(v.seed) && (v.seed as number) >= 0));

export function claimRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get('/claims', async (c) => {
    const limit = intParam(c, 'limit', { min: 1, max: PAGE_MAX, fallback: 50 });
    let at: ClaimsPosition = cursorParam(c, isClaimsPosition) ?? { store: null };
    // The stored claims first, a page at a time from the store; then the seed list, less the ones a stored claim replaces.
    const items: ClaimView[] = [];
    if ('store' in at) {
      const page = await deps.claims.page(limit, at.store ?? undefined);
      items.push(...page.claims.map((claim) => claimView(claim, 'store')));
      at = page.last ? { store: page.last } : { seed: 0 };
    }
    if ('seed' in at && items.length < limit) {
      const candidates = SEED_CLAIMS.slice(at.seed, at.seed + limit - items.length);
      const replaced = candidates.length > 0 ? await deps.claims.storedOf(candidates.map((claim) => claim.id)) : new Set<string>();
      items.push(...candidates.filter((claim) => !replaced.has(claim.id)).map((claim) => claimView(claim, 'seed')));
      at = { seed: at.seed + candidates.length };
    }
    const more = 'store' in at || at.seed < SEED_CLAIMS.length;
    return c.json<Page<ClaimView>>({ items, ...(more ? { next: encodeCursor(at) } : {}) });
  });

  app.post('/claims', async (c) => {
    if (!canWrite(c, deps.officersGroup)) return refused(c, deps.officersGroup);
    const body = await c.req.text();
    if (body.trim() === '')
      throw new BadRequest('body', 'send the claims as JSON lines, one claim per line (as pantau claims import reads them)');
    const valid: ClaimRecord[] = [];
    const rejected: string[] = [];
    body.split(/\r?\n/).forEach((line, i) => {
      const parsed = parseClaimLine(line, i + 1);
      if (!parsed) return;
      if (parsed.ok) valid.push(parsed.claim);
      else rejected.push(parsed.error);
    });
    const imported = valid.length > 0 ? await deps.claims.put(valid) : 0;
    return c.json<ClaimImportResult>({ imported, rejected }, imported === 0 && rejected.length > 0 ? 400 : 200);
  });

  return app;
}

function claimView(claim: ClaimRecord, origin: ClaimView['origin']): ClaimView {
  return {
    id: claim.id,
    text: claim.text,
    rating: claim.rating,
    source: claim.source,
    ...(claim.topic !== undefined ? { topic: claim.topic } : {}),
    ...(claim.publisher !== undefined ? { publisher: claim.publisher } : {}),
    ...(claim.reviewedAt !== undefined ? { reviewedAt: claim.reviewedAt } : {}),
    origin,
  };
}
