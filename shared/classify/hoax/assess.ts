/** A post's hoax indicators and counter-signals, put together into its result. */
import * as normaliseModule from '../normalise';
import type { HoaxIndicator, HoaxResult } from '../types';
import * as accountModule from './account';
import * as linksModule from './links';
import * as matcherModule from './matcher';
import * as officialModule from './official';
import * as phraseRulesModule from './phrase-rules';
import * as phrasesModule from './phrases';
import * as scoreModule from './score';
import * as scamsModule from './scams';
import * as shoutingModule from './shouting';
import type { HoaxInput } from './types';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { normalise } = normaliseModule;
const { accountIndicator, knownClaimIndicator } = accountModule;
const { hostsIn, linkSignals, OFFICIAL_LINK_WEIGHT, SUSPICIOUS_LINK_WEIGHT } = linksModule;
const { dedupe, matches, SharedPasses } = matcherModule;
const { newsOutlet, officialSource, PERSONAL_APPEAL, PERSONAL_APPEAL_WEIGHT } = officialModule;
const { COMPILED, DEBUNK, phraseIndicators } = phraseRulesModule;
const { DEBUNK_MAX, DEBUNK_WEIGHT } = phrasesModule;
const { round3, resultOf } = scoreModule;
const { scamEvidence, SCAM_LURE, SCAM_PRIVATE_ACCOUNT, SCAM_SECRET, SCAM_WEIGHT } = scamsModule;
const { shoutingEvidence, SHOUTING_WEIGHT } = shoutingModule;

/** A debunk quotes the hoax it debunks: a quoted passage of at least a few words ("…", “…”, «…»). */
const QUOTED = /["“”„«»]([^"“”„«»\n]{12,400}?)["“”„«»]/gu;
const stripQuotes = (text: string): string => text.replace(QUOTED, ' … ');

/** Indicators that make a named source look borrowed rather than cited, or impersonated. */
const UNVERIFIED: ReadonlySet<string> = new Set(['hearsay', 'forwarded', 'pseudo_authority', 'conspiracy']);
const IMPERSONATION: ReadonlySet<string> = new Set(['scam', 'suspicious_link']);
const BORROWED_SOURCE = 0.5;

// The lists every post runs through, read together in one pass per haystack (the others, which
// run only after another list fired, scan on their own).
const PASSES = new SharedPasses();
PASSES.share(
  ...COMPILED.flatMap((c) => c.tiers.map((t) => t.matcher)),
  DEBUNK,
  SCAM_SECRET,
  SCAM_PRIVATE_ACCOUNT,
  SCAM_LURE,
  PERSONAL_APPEAL,
);

export function scoreHoax(input: HoaxInput): HoaxResult {
  const full = PASSES.haystacksOf(input.text, input.norm.text);
  // A debunk quotes the hoax it debunks: the quoted words are the hoax's, not the post's (and a
  // debunking word inside the quotes is the hoax's too).
  let debunk = dedupe(matches(DEBUNK, full));
  let text = input.text;
  let haystacks = full;
  QUOTED.lastIndex = 0;
  if (debunk.length > 0 && QUOTED.test(input.text)) {
    text = stripQuotes(input.text);
    haystacks = PASSES.haystacksOf(text, normalise(text).text);
    debunk = dedupe(matches(DEBUNK, haystacks));
    if (debunk.length === 0) {
      text = input.text;
      haystacks = full;
    }
  }

  const indicators: HoaxIndicator[] = [];
  const counters: HoaxIndicator[] = [];

  indicators.push(...phraseIndicators(haystacks));
  const shouting = shoutingEvidence(text);
  if (shouting.length > 0) indicators.push({ name: 'shouting', weight: SHOUTING_WEIGHT, evidence: shouting });

  const links = linkSignals(hostsIn(input), input.text);
  const scam = scamEvidence(haystacks, text, links.suspicious.length > 0);
  if (scam.length > 0) indicators.push({ name: 'scam', weight: SCAM_WEIGHT, evidence: scam });
  if (links.suspicious.length > 0) indicators.push({ name: 'suspicious_link', weight: SUSPICIOUS_LINK_WEIGHT, evidence: links.suspicious });
  if (input.claim) indicators.push(knownClaimIndicator(input.claim));
  const account = accountIndicator(input.author, input.postedAt);
  if (account) indicators.push(account);

  if (debunk.length > 0) {
    const weight = Math.min(DEBUNK_MAX, DEBUNK_WEIGHT + 0.05 * (debunk.length - 1));
    counters.push({ name: 'debunk', weight: -round3(weight), evidence: debunk });
  }
  // Scams impersonate agencies and outlets: a name next to a scam or a fake link is no source. A
  // source named next to "forwarded" or "not announced yet" is borrowed, not cited: it counts half.
  const impersonated = indicators.some((i) => IMPERSONATION.has(i.name));
  const borrowed = impersonated || indicators.some((i) => UNVERIFIED.has(i.name));
  const sourceWeight = (weight: number): number => -round3(borrowed ? weight * BORROWED_SOURCE : weight);
  const official = impersonated ? undefined : officialSource(input.text);
  if (official) counters.push({ name: 'official_source', weight: sourceWeight(official.weight), evidence: official.evidence });
  if (links.official.length > 0) counters.push({ name: 'official_link', weight: -OFFICIAL_LINK_WEIGHT, evidence: links.official });
  const news = impersonated ? undefined : newsOutlet(input.text, links.news);
  if (news) counters.push({ name: 'news_outlet', weight: sourceWeight(news.weight), evidence: news.evidence });
  // A missing-person or lost-pet notice travels from group to group: forwarding does not unmake it.
  const doubted = impersonated || indicators.some((i) => UNVERIFIED.has(i.name) && i.name !== 'forwarded');
  const appeal = doubted ? [] : dedupe(matches(PERSONAL_APPEAL, haystacks));
  if (appeal.length > 0) counters.push({ name: 'personal_appeal', weight: -PERSONAL_APPEAL_WEIGHT, evidence: appeal });

  return resultOf([...indicators, ...counters]);
}
