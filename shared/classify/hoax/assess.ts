/** A post's hoax indicators and counter-signals, put together into its result. */
import * as normaliseModule from '../normalise';
import type { HoaxIndicator, HoaxResult } from '../types';
import * as accountModule from './account';
import * as alarmingModule from './alarming';
import * as directiveModule from './directive';
import * as linksModule from './links';
import * as matcherModule from './matcher';
import * as noticeModule from './notice';
import * as officialModule from './official';
import * as phraseRulesModule from './phrase-rules';
import * as phrasesModule from './phrases';
import * as scoreModule from './score';
import * as scamsModule from './scams';
import * as shoutingModule from './shouting';
import * as voiceModule from './voice';
import * as wordsModule from './words';
import type { HoaxInput } from './types';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { normalise } = normaliseModule;
const { accountIndicator, knownClaimIndicator } = accountModule;
const { ALARMING_CLAIM_PARTNERS, ALARMING_CLAIM_WEIGHT, alarmingClaim, announcedLoss, DOUBTED_SOURCES, WEAK_HEARSAY_WEIGHT } =
  alarmingModule;
const { panicDirectives } = directiveModule;
const { hostsIn, linkSignals, OFFICIAL_LINK_WEIGHT, SUSPICIOUS_LINK_WEIGHT } = linksModule;
const { dedupe, matches, SharedPasses } = matcherModule;
const {
  agencyVoice,
  mayVoiceAgency,
  NEWS_ACCOUNT_WEIGHT,
  newsAccount,
  newsOutlet,
  OFFICIAL_ACCOUNT_WEIGHT,
  officialAccount,
  officialSource,
  PERSONAL_APPEAL,
  PERSONAL_APPEAL_WEIGHT,
} = officialModule;
const { COMPILED, DEBUNK, phraseIndicators } = phraseRulesModule;
const { DEBUNK_MAX, DEBUNK_WEIGHT, PHRASE_INDICATORS } = phrasesModule;
const { hoaxScore, round3, resultOf } = scoreModule;
const { boundedNotice } = noticeModule;
const { scamEvidence, SCAM_LURE, SCAM_PRIVATE_ACCOUNT, SCAM_SECRET, SCAM_WEIGHT } = scamsModule;
const { shoutingEvidence, SHOUTING_WEIGHT } = shoutingModule;
const { asksOrComplains, bareClosure, borrowedVoice } = voiceModule;
const { kindsOf, WORD } = wordsModule;

/** A debunk quotes the hoax it debunks: a quoted passage of at least a few words ("…", “…”, «…»). */
const QUOTED = /["“”„«»]([^"“”„«»\n]{12,400}?)["“”„«»]/gu;
const stripQuotes = (text: string): string => text.replace(QUOTED, ' … ');

/** Indicators that make a named source look impersonated (DOUBTED_SOURCES: borrowed rather than cited). */
const IMPERSONATION: ReadonlySet<string> = new Set(['scam', 'suspicious_link']);
const BORROWED_SOURCE = 0.5;
/**
 * Signals no agency's own notice carries: a source named in the text (which anyone can type)
 * never takes the score below what these make together. An official account or link can.
 */
const STRONG: ReadonlySet<string> = new Set([...DOUBTED_SOURCES, 'panic_directive', 'known_claim', 'borrowed_voice']);
/** An agency's voice, from an account that is not the agency's, with nothing a reader can check. */
const BORROWED_VOICE_WEIGHT = 0.45;
/** A quoted post of an official account (`RT @PAMJAYA: …`): relayed, not spoken. */
const RELAYED = /(?:^|\s)(?:rt|via)\s+@/iu;
const PANIC = PHRASE_INDICATORS.find((i) => i.name === 'panic_directive');
const PANIC_WEIGHT = PANIC?.weight ?? 0.45;
const PANIC_STEP = PANIC?.step ?? 0;
const PANIC_MAX = PANIC?.max ?? PANIC_WEIGHT;
/** What every raw-text alternative of the shared lists needs one of. */
export const RAW_HINT = /['&!(?%[]|before|persen|fact|diteruskan|fw|missing|found|lost/u;
/**
 * A header's end within the first words (`PEMBERITAHUAN RW 05:`, `BPBD kasih peringatan:`, a title
 * on its own line, not a clock's `10:00`), or a notice's own word.
 */
const HEADED = /^[^:\n]{0,60}[\p{L}\p{Extended_Pictographic})\]]\uFE0F?\s*[:\n]|edaran|pengumuman|pemberitahuan|maklumat|yth/iu;
/** The agency cited (`Menurut BMKG, …`) or signed in brackets at the end (`… (BMKG Pusat)`): a notice's forms without a header. */
const CITED_OR_SIGNED = /(?<![\p{L}])menurut\s|\([^()\n]{2,40}\)\s*$/iu;
/** A question whether it is true: `bener gak sih`, `apa benar`, `benarkah`, `is it true`. */
const ASKS_IF_TRUE =
  /(?<![\p{L}])(?:bene?r\s*(?:gak|ga|nggak|ngga|enggak|tidak|gk)(?:\s+(?:sih|ya|nih))?|benarkah|apa\s+(?:itu\s+)?benar|apakah\s+benar|beneran\s+(?:gak|ga|nggak)|valid\s+(?:gak|ga|nggak|tidak)|hoax\s+(?:gak|ga|bukan|atau)|hoaks\s+(?:gak|ga|bukan|atau)|is\s+(?:it|this)\s+true|can\s+anyone\s+confirm|anyone\s+know\s+if)(?![\p{L}])/iu;
const ASKS_IF_TRUE_WEIGHT = 0.3;
/**
 * A neighbourhood board's own account: its handle carries the board and its number (`rt06_kalibata`,
 * `admin_rw05`) as the office named in the post (`Ketua RT 06`, `RW 05 Kel. …`). Boards have no
 * verified accounts; an agency's name in a handle (`info_pamjaya`) proves nothing, so only boards count.
 */
const BOARD = /\br([tw])\s*0*(\d{1,3})\b/iu;
const HANDLE_BOARDS = /r([tw])_?0*(\d{1,3})(?!\d)/gu;
function ownBoard(handle: string, office: string): boolean {
  const board = BOARD.exec(office);
  if (board === null) return false;
  const kind = board[1]!.toLowerCase();
  return [...handle.toLowerCase().matchAll(HANDLE_BOARDS)].some((m) => m[1] === kind && m[2] === board[2]);
}
/** Told by a source no one can ask (hearsay past a bare `katanya`, a forwarded message, an insider) or as a cover-up. */
const unsourced = (indicators: readonly HoaxIndicator[]): boolean =>
  indicators.some((i) => DOUBTED_SOURCES.has(i.name) && i.weight > WEAK_HEARSAY_WEIGHT);
const noisyOr = (weights: readonly number[]): number => 1 - weights.reduce((keep, w) => keep * (1 - Math.min(1, w)), 1);

/** A named source's counter-weight: half when it is borrowed rather than cited. */
const sourceWeight = (weight: number, borrowed: boolean): number => -round3(borrowed ? weight * BORROWED_SOURCE : weight);

/** The post's alarming claim at the widest reach (`alarmingClaim(norm, 'any')`), read at most once. */
class WidestClaim {
  private value: string | undefined | null = null;
  constructor(private readonly norm: string) {}
  read(): string | undefined {
    if (this.value === null) this.value = alarmingClaim(this.norm, 'any');
    return this.value;
  }
}

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
// Every raw-text phrase has punctuation, or is one of the few English or `persen` ones: a post
// with none of these is spared the character-by-character raw pass (a unit test keeps them in step).
PASSES.raw.hint = RAW_HINT;

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
  // The post's claim at the widest reach, read once whoever asks first (a panic order's fear, a doubted source, an announcement).
  const widest = new WidestClaim(haystacks.norm);
  // A panic order read from its parts (an urging form, an act, what it is done to), past the phrases' wording.
  const tokens = text === input.text ? input.norm.tokens : haystacks.norm.split(/[ ,.]+/u);
  // Which of the cheap word gates the post opens, read once for every module below.
  const kinds = kindsOf(tokens);
  // The whole post's kinds, for the sources read from its whole text (the same unless quotes were stripped).
  const fullKinds = text === input.text ? kinds : kindsOf(input.norm.tokens);
  const claimable = (kinds & WORD.loss) !== 0;
  // Its fear: named in a word (directive.ts), told as a source no one can ask or a cover-up, or an alarming claim.
  const orders = panicDirectives(haystacks.norm, tokens, kinds, () => unsourced(indicators) || (claimable && widest.read() !== undefined));
  if (orders.length > 0) {
    const known = indicators.find((i) => i.name === 'panic_directive');
    const evidence = dedupe([...(known?.evidence ?? []), ...orders]);
    const weight = round3(Math.min(PANIC_MAX, PANIC_WEIGHT + PANIC_STEP * (evidence.length - 1)));
    if (known) indicators[indicators.indexOf(known)] = { ...known, weight: Math.max(known.weight, weight), evidence };
    else indicators.push({ name: 'panic_directive', weight, evidence });
  }
  const shouting = shoutingEvidence(text);
  if (shouting.length > 0) indicators.push({ name: 'shouting', weight: SHOUTING_WEIGHT, evidence: shouting });

  const links = linkSignals(hostsIn(input), input.text);
  const scam = scamEvidence(haystacks, text, links.suspicious.length > 0);
  if (scam.length > 0) indicators.push({ name: 'scam', weight: SCAM_WEIGHT, evidence: scam });
  if (links.suspicious.length > 0) indicators.push({ name: 'suspicious_link', weight: SUSPICIOUS_LINK_WEIGHT, evidence: links.suspicious });
  if (input.claim) indicators.push(knownClaimIndicator(input.claim));
  // An agency named as the post's source (none beside a scam or a fake link: scams impersonate).
  const impersonated = indicators.some((i) => IMPERSONATION.has(i.name));
  const official = impersonated ? undefined : officialSource(input.text, fullKinds);
  // One strong signal and an alarming claim about a service, a fee, a closure or a danger.
  // With a call to share (or a bare `katanya`) alone, only a claim of what is coming, of a
  // danger or of a decision about a service; and only of the first two when the post complains
  // or asks in the writer's own voice, or is an agency's notice passed on: complaints ask to
  // share too, and notices ask to be passed on.
  // A notice bounded in time (`besok jam 09.00-12.00 air mati`) tells of no alarm to pass on.
  const doubtful = unsourced(indicators);
  const claim =
    claimable && indicators.some((i) => ALARMING_CLAIM_PARTNERS.has(i.name)) && (doubtful || !boundedNotice(input.text, input.norm.tokens))
      ? doubtful
        ? widest.read()
        : alarmingClaim(haystacks.norm, official || asksOrComplains(text) ? 'rumour' : 'decided')
      : undefined;
  if (claim) indicators.push({ name: 'alarming_claim', weight: ALARMING_CLAIM_WEIGHT, evidence: [claim] });
  const anchor = officialAccount(input.author);
  const account = anchor ? undefined : accountIndicator(input.author, input.postedAt);
  if (account) indicators.push(account);
  // A known author who is not the agency announcing, in the agency's name, something alarming
  // about a service, a fee or a danger, with no official link to check it by.
  const author = input.author;
  if (
    author?.handle &&
    !anchor &&
    author.verified !== true &&
    links.official.length === 0 &&
    links.news.length === 0 &&
    !(input.text.includes('@') && RELAYED.test(input.text))
  ) {
    // What is announced first (cheap word scans), whose voice only then (the agencies' long regex).
    let about =
      claimable && mayVoiceAgency(input.text, official, kinds) ? (claim ?? announcedLoss(haystacks.norm, () => widest.read())) : undefined;
    let agency = about === undefined ? undefined : agencyVoice(input.text, official);
    // Any office by its kind, speaking in any of a notice's forms, announcing a loss or a charge.
    // Announcing a charge or a closure; or, with a header's colon or line break, anything alarming.
    if (
      !agency &&
      (kinds & WORD.office) !== 0 &&
      ((kinds & WORD.announce) !== 0 || (claimable && (HEADED.test(text.slice(0, 90)) || CITED_OR_SIGNED.test(text))))
    ) {
      const voice = borrowedVoice(text, haystacks.norm, tokens, () => claim ?? announcedLoss(haystacks.norm, () => widest.read()));
      if (voice) {
        agency = voice.office;
        about = claim ?? voice.announced;
      }
    }
    // Not a debunk quoting the notice, a resident's question or complaint, one day's small closure,
    // or a neighbourhood board posting from its own account (`rt06_kalibata` signing `Ketua RT 06`).
    if (agency && about && debunk.length === 0 && !bareClosure(about, tokens) && !asksOrComplains(text) && !ownBoard(author.handle, agency))
      indicators.push({
        name: 'borrowed_voice',
        weight: BORROWED_VOICE_WEIGHT,
        evidence: [`atas nama ${agency}, bukan dari akunnya`, about],
      });
  }

  if (debunk.length > 0) {
    const weight = Math.min(DEBUNK_MAX, DEBUNK_WEIGHT + 0.05 * (debunk.length - 1));
    counters.push({ name: 'debunk', weight: -round3(weight), evidence: debunk });
  }
  // Scams impersonate agencies and outlets: a name next to a scam or a fake link is no source. A
  // source named next to "forwarded" or "not announced yet" is borrowed, not cited: it counts half.
  const borrowed = impersonated || indicators.some((i) => DOUBTED_SOURCES.has(i.name));
  if (anchor) counters.push({ name: 'official_account', weight: -OFFICIAL_ACCOUNT_WEIGHT, evidence: [anchor] });
  if (links.official.length > 0) counters.push({ name: 'official_link', weight: -OFFICIAL_LINK_WEIGHT, evidence: links.official });
  const outletAccount = anchor ? undefined : newsAccount(input.author);
  const news = impersonated ? undefined : newsOutlet(input.text, links.news, fullKinds);
  if (outletAccount) counters.push({ name: 'news_outlet', weight: -NEWS_ACCOUNT_WEIGHT, evidence: [outletAccount] });
  else if (news) counters.push({ name: 'news_outlet', weight: sourceWeight(news.weight, borrowed), evidence: news.evidence });
  // A resident asking whether a rumour is true (`bener gak sih …?`, `apa benar …?`) passes it on to have it checked.
  const asked = indicators.length > 0 ? ASKS_IF_TRUE.exec(input.text) : null;
  if (asked && !indicators.some((i) => i.name === 'panic_directive' || i.name === 'call_to_share'))
    counters.push({ name: 'asks_if_true', weight: -ASKS_IF_TRUE_WEIGHT, evidence: [asked[0].toLowerCase()] });
  // A missing-person or lost-pet notice travels from group to group: forwarding does not unmake it.
  // A service said to be broken or dangerous is no personal appeal, whatever `sudah dilaporkan` says.
  const doubted =
    impersonated ||
    indicators.some(
      (i) =>
        i.name === 'borrowed_voice' ||
        (DOUBTED_SOURCES.has(i.name) && (i.name !== 'forwarded' || claim?.startsWith('kabar soal layanan publik') === true)),
    );
  const appeal = doubted ? [] : dedupe(matches(PERSONAL_APPEAL, haystacks));
  if (appeal.length > 0) counters.push({ name: 'personal_appeal', weight: -PERSONAL_APPEAL_WEIGHT, evidence: appeal });
  // An agency named in the text, anyone can type: without its account, it offsets alarm and
  // calls to share, but never the strong signals (with the claim they carry). Named only as the
  // speaker, with nothing a reader can check, it does not offset a call to share an alarming claim.
  if (official) {
    const strong = anchor
      ? []
      : indicators.filter(
          (i) =>
            STRONG.has(i.name) ||
            (claim !== undefined && (i.name === 'alarming_claim' || (!official.checkable && i.name === 'call_to_share'))),
        );
    const floor = strong.some((i) => i.name !== 'alarming_claim') ? noisyOr(strong.map((i) => i.weight)) : 0;
    const room = floor > 0 ? round3(Math.max(0, hoaxScore([...indicators, ...counters]) - floor)) : 1;
    const weight = Math.min(-sourceWeight(official.weight, borrowed), room);
    if (weight > 0) counters.push({ name: 'official_source', weight: -weight, evidence: official.evidence });
  }

  return resultOf([...indicators, ...counters]);
}
