/** The account that posted, the known claim a post repeats, and coordinated posting. */
import type { ClaimMatch } from '../../claims/types';
import type { HoaxIndicator } from '../types';
import * as scoreModule from './score';
import type { HoaxAuthor } from './types';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { round3 } = scoreModule;

const DAY_MS = 86_400_000;
/** The account signs, each with its weight, combined by noisy-OR up to `max`. */
const ACCOUNT = {
  /** Younger than `newDays` days at posting time; younger than `veryNewDays`, more so. */
  newDays: 30,
  newWeight: 0.15,
  veryNewDays: 7,
  veryNewWeight: 0.25,
  /** Following at least `ratioMinFollowing` accounts and `ratio` times as many as follow it. */
  ratio: 20,
  ratioMinFollowing: 200,
  ratioWeight: 0.15,
  noFollowersWeight: 0.1,
  max: 0.35,
} as const;

/** The number the digits of `iso` from `from` to `to` spell; NaN if any is not a digit. */
function digitsOf(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = iso.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** The calendar day of an ISO 8601 time (`2024-05-01T…`) as a day number; NaN for any other form. */
function dayOf(iso: string): number {
  if (iso.length < 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return NaN;
  return Date.UTC(digitsOf(iso, 0, 4), digitsOf(iso, 5, 7) - 1, digitsOf(iso, 8, 10)) / DAY_MS;
}

/** A count the source gave: a finite, non-negative number. */
function known(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

export function accountIndicator(author: HoaxAuthor | undefined, postedAt: string | undefined): HoaxIndicator | undefined {
  if (!author || author.verified === true) return undefined;
  const parts: { weight: number; evidence: string }[] = [];
  // Most accounts are years old: their calendar days alone say so, without parsing the times.
  const old = author.createdAt && postedAt ? dayOf(postedAt) - dayOf(author.createdAt) > ACCOUNT.newDays + 1 : false;
  const created = author.createdAt && !old ? Date.parse(author.createdAt) : NaN;
  const posted = postedAt && !old ? Date.parse(postedAt) : NaN;
  if (Number.isFinite(created) && Number.isFinite(posted) && posted >= created) {
    const days = Math.floor((posted - created) / DAY_MS);
    if (days < ACCOUNT.newDays)
      parts.push({ weight: days < ACCOUNT.veryNewDays ? ACCOUNT.veryNewWeight : ACCOUNT.newWeight, evidence: `akun berumur ${days} hari` });
  }
  const { followers, following } = author;
  if (known(following) && known(followers) && following >= ACCOUNT.ratioMinFollowing && following >= ACCOUNT.ratio * followers)
    parts.push({ weight: ACCOUNT.ratioWeight, evidence: `mengikuti ${following} akun, diikuti ${followers}` });
  if (known(followers) && followers === 0) parts.push({ weight: ACCOUNT.noFollowersWeight, evidence: 'tanpa pengikut' });
  if (parts.length === 0) return undefined;
  const weight = Math.min(ACCOUNT.max, 1 - parts.reduce((keep, p) => keep * (1 - p.weight), 1));
  return { name: 'account', weight: round3(weight), evidence: parts.map((p) => p.evidence) };
}

/** A verbatim repeat of a debunked claim is high on its own; the matcher's weakest match is just below medium. */
const KNOWN_CLAIM_SCALE = 0.8;
const KNOWN_CLAIM_MAX = 0.75;

export function knownClaimIndicator(match: ClaimMatch): HoaxIndicator {
  const { claim, similarity } = match;
  const rating = claim.rating.replace(/_/g, ' ');
  const evidence = [`"${claim.text}" (${rating}) ${claim.source}`, `kemiripan ${Math.round(similarity * 100)}%`];
  if (match.matched.length > 0) evidence[1] += `: ${match.matched.slice(0, 8).join(', ')}`;
  return { name: 'known_claim', weight: round3(Math.min(KNOWN_CLAIM_MAX, KNOWN_CLAIM_SCALE * similarity)), evidence };
}

const COORDINATED_BASE = 0.2;
const COORDINATED_STEP = 0.04;
const COORDINATED_MAX = 0.4;

/**
 * The same text posted by `authors` distinct accounts within `windowMinutes`. Alone it stays below
 * medium (a news headline or an official notice is shared by many too); with a call to share or
 * alarm it reaches medium from three accounts on.
 */
export function coordinatedIndicator(authors: number, windowMinutes: number): HoaxIndicator {
  const n = Math.max(0, Math.floor(authors));
  const weight = n < 2 ? 0 : Math.min(COORDINATED_MAX, COORDINATED_BASE + COORDINATED_STEP * (n - 2));
  return { name: 'coordinated', weight: round3(weight), evidence: [`teks sama dari ${n} akun dalam ${Math.round(windowMinutes)} menit`] };
}
