/** Shouting: capitals, `!!!`, `!!` again and again. */

export const SHOUTING_WEIGHT = 0.2;
const SHOUTING_MIN_LETTERS = 20;
const LINKS_AND_TAGS = /https?:\/\/\S+|[#@][\p{L}\p{N}_]+/gu;
const SHOUTING_CAPS_SHARE = 0.5;
/** `!!!`, `!?!`, `! ! !`, `‼️`; a run of question marks alone is a rhetorical question, not shouting. */
const PUNCTUATION_RUN = /(?=[!?‼⁉\s\u{FE0F}]*[!‼⁉])(?:[!?‼⁉][\s\u{FE0F}]*){3,}|‼/gu;

/** Two marks, one of them `!`, standing alone (`!!`, `?!`). */
const DOUBLE_MARK = /(?<![!?‼⁉])(?:!!|!\?|\?!)(?![!?‼⁉])/gu;

export function shoutingEvidence(text: string): string[] {
  const evidence: string[] = [];
  const prose = text.includes('http') || text.includes('#') || text.includes('@') ? text.replace(LINKS_AND_TAGS, '') : text;
  // Letters that have a case; capitals are the ones equal to their upper case (ASCII by code).
  let letters = 0;
  let caps = 0;
  // By index, not by iterator: ASCII decided by code, the rest by case (a surrogate pair read whole).
  // Capitals cannot make half the letters once the small letters are more than half the text.
  const half = prose.length / 2;
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) {
        letters++;
        if (letters - caps > half) break;
      } else if (code >= 0x41 && code <= 0x5a) {
        letters++;
        caps++;
      }
      continue;
    }
    const pair = code >= 0xd800 && code < 0xdc00 && i + 1 < prose.length;
    const c = pair ? prose.slice(i, i + 2) : prose.charAt(i);
    if (pair) i++;
    const up = c.toUpperCase();
    if (up === c.toLowerCase()) continue;
    letters++;
    if (c === up) caps++;
  }
  if (letters >= SHOUTING_MIN_LETTERS && caps / letters >= SHOUTING_CAPS_SHARE)
    evidence.push(`${Math.round((caps / letters) * 100)}% huruf kapital`);
  if (/[!‼⁉]/u.test(text)) {
    PUNCTUATION_RUN.lastIndex = 0;
    const runs = [...text.matchAll(PUNCTUATION_RUN)];
    evidence.push(...new Set(runs.map((m) => m[0].replace(/[\s\u{FE0F}]/gu, ''))));
    // "Jangan naik dulu!! Share!!": double marks, again and again, shout as much as one triple.
    if (runs.length === 0) {
      DOUBLE_MARK.lastIndex = 0;
      const doubles = [...text.matchAll(DOUBLE_MARK)].length;
      if (doubles >= 2) evidence.push(`!! ×${doubles}`);
    }
  }
  return evidence;
}
