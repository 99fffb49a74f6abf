/** The console's claim routes: the debunked claims matched (shipped and stored), and an import. */
import { Hono } from 'hono';
import { SEED_CLAIMS } from '../claims/seed';
import { parseClaimLine } from '../claims/parse';
import type { ClaimRecord } from '../claims/types';
import type { ConsoleDeps } from './app';
import type { ClaimImportResult, ClaimView, Page } from './contract';
import { BadRequest, canWrite, cursorParam, intParam, PAGE_MAX, refused, type ConsoleEnv } from './request';
import { encodeCursor } from './views';

export function claimRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get('/claims', async (c) => {
    const limit = intParam(c, 'limit', { min: 1, max: PAGE_MAX, fallback: 50 });
    const offset = cursorParam(c, (v): v is number => Number.isInteger(v) && (v as number) >= 0) ?? 0;
    const stored = await deps.claims.all();
    const storedIds = new Set(stored.map((s) => s.id));
    const all: ClaimView[] = [
      ...stored.map((claim) => claimView(claim, 'store')),
      ...SEED_CLAIMS.filter((s) => !storedIds.has(s.id)).map((claim) => claimView(claim, 'seed')),
    ];
    const items = all.slice(offset, offset + limit);
    return c.json<Page<ClaimView>>({ items, ...(offset + limit < all.length ? { next: encodeCursor(offset + limit) } : {}) });
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
