/**
 * Hoax indicators: explainable signals that a post looks and spreads like a hoax. Pantau cannot
 * decide truth; it says which signals fired and shows the words that fired them, so a PR officer
 * can judge in seconds.
 *
 * Signals (weight; a weak form / more evidence / a rumour in brackets):
 *   call_to_share 0.4 (a chain letter 0.5: a number of people or groups to send it to, as many as
 *   possible, a chain not to break, a blessing or a curse for passing it on) · alarm 0.3 (+0.05
 *   per further word, ≤ 0.4) · hearsay 0.35 (`katanya` alone 0.3; ≤ 0.45; +0.1 when it tells, in
 *   the same sentence, of something about to happen or of a danger) · forwarded 0.35 (copied or
 *   passed on from a group; ≤ 0.4; +0.1 likewise, anywhere in the message) · pseudo_authority 0.35
 *   (≤ 0.45; +0.1 likewise) · conspiracy and suppression 0.35 (≤ 0.45) · panic_directive 0.45 (act
 *   now out of fear, against one's own interest: withdraw the savings, hoard fuel or food, keep the
 *   children home, don't drink the tap water; read from its parts in directive.ts, an urging form,
 *   an act and what it is done to as word classes, or any order opening a clause, hurried or told
 *   to the readers, in a post that names a fear, a source no one can ask or an alarming claim;
 *   ≤ 0.5) ·
 *   alarming_claim 0.22 (enough with a bare `katanya` to reach medium; a service, fee or closure
 *   gone wrong, no longer given or only to some, a charge with its amount, or a danger, next to
 *   hearsay, a forwarded message, pseudo-authority or conspiracy (victims counted, `udah 5
 *   penumpang pingsan`, only there); with a call to share alone, only a decision about a service, what is coming or a
 *   danger, and neither in a notice bounded in time (notice.ts): complaints and notices ask to be
 *   shared too; alarming.ts) · borrowed_voice 0.45 (a known author who is not the agency,
 *   unverified, announcing in an agency's name a closure, a fee, an outage or a danger, with no
 *   official or news link, not relaying the agency's own post, not asking whether it is true or
 *   complaining, not a neighbourhood board from its own numbered account; any office by its kind
 *   and any of a notice's forms, reported speech and `menurut …` included, voice.ts) ·
 *   absolute_claim 0.2 (a
 *   cure or grave harm claimed for a disease, care declared needless, a miracle on a timetable
 *   0.4; ≤ 0.45) · shouting 0.2 (capitals, `!!!`, `!!` again and again) · scam 0.5 (money asked
 *   with a lure; a code or card data asked for; money for a cause into a person's account or
 *   e-wallet; identity papers asked through an unofficial channel; an .apk file) ·
 *   suspicious_link 0.35 · known_claim 0.8 × similarity (≤ 0.75) · account ≤ 0.35 · coordinated
 *   0.2 + 0.04 per account beyond two (≤ 0.4; added with `withIndicator`, since it needs stored
 *   state).
 * Counter-signals (negative weights, listed among the indicators):
 *   debunk −0.45 (−0.05 per further phrase, ≥ −0.6; not a word that insists or owns a doubt, `bukan
 *   berita hoax`, `gak hoax`, `jangan anggap hoaks`, `kirain hoax`, nor `belum ada klarifikasi`) · official_account −0.45 (the author is a known
 *   agency account, or a verified one whose handle names an agency) · official_source −0.4 (the
 *   agency as speaker, cited source, signature or closing handle/site; −0.25 for its voice alone)
 *   · official_link −0.2 · news_outlet −0.35 (a named outlet; −0.15 for wire style alone; −0.45
 *   when the author is the outlet's own account) · personal_appeal −0.25 (a missing person or pet,
 *   a blood donor, a found wallet: shares that are not hoaxes) · asks_if_true −0.3 (a resident
 *   asking whether it is true, `bener gak sih …?`, unless the post also orders or asks to share).
 *   A source named next to hearsay, a forwarded message, pseudo-authority or conspiracy counts
 *   half; next to a scam or a suspicious link, not at all (scams impersonate). A source named in
 *   the text is typed as easily as the rest: unless the author is an official account, it never
 *   takes the score below what the strong signals make together (hearsay, forwarded,
 *   pseudo-authority, conspiracy, a panic directive, a borrowed voice, a known claim, with the alarming claim they
 *   carry; and a call to share an alarming claim, when the agency is only named, not pointed to). When a post
 *   debunks, the hoax it quotes ("…") does not count against it. An ask named as the thing to
 *   beware (`waspada calo yang minta transfer`) is not an ask.
 *
 * Score: the noisy-OR of the positive weights minus the counter weights, clamped to 0..1
 * (`hoaxScore`), so a result can be recomputed from its indicator list alone. Weights and level
 * thresholds were set on eval/hoax-posts.jsonl (`npx tsx scripts/eval-hoax.ts`): the medium
 * threshold is where precision stays at its best without losing recall. Phrase lists run on the
 * normalised text (slang expanded), and on the raw text only for phrases with punctuation; the
 * lists every post runs through are read together in one pass per text (`SharedPass`). The words
 * the long regexes cannot match without are read once per post (`kindsOf`, words.ts), so a post
 * without them is spared those regexes. Every regex is compiled once, at module load or at its
 * first use.
 */
export { coordinatedIndicator } from './account';
export { scoreHoax } from './assess';
export { HOAX_LEVELS, hoaxLevel, hoaxScore, withIndicator } from './score';
export type { HoaxAuthor, HoaxInput } from './types';
