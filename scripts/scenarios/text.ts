/** The words both scenarios share: sentiment, language, template banks and how a template is filled. */

export type Sentiment = 'pos' | 'neu' | 'neg';
export type Lang = 'in' | 'en';
/** Templates per intended sentiment. */
export type Bank = Readonly<Record<Sentiment, readonly string[]>>;

/** Emoji slots any template may use. */
export const EMOJI: Readonly<Record<'negEmoji' | 'posEmoji' | 'neuEmoji', readonly string[]>> = {
  negEmoji: ['😩', '😤', '😭', '🙄', '😡', '🤦', '😫', '💀', '😒', ''],
  posEmoji: ['👍', '🙏', '✨', '😍', '🥳', '💯', '👏', '❤️', '😁', ''],
  neuEmoji: ['', '', '🤔', '🙂', '👀', ''],
};

/** Relative posting activity per WIB hour: quiet at night, peaks at the commute hours. */
export const HOURLY: readonly number[] = [
  50, 30, 18, 14, 20, 45, 80, 115, 120, 105, 95, 95, 110, 100, 95, 100, 120, 135, 135, 130, 125, 115, 95, 70,
];

/**
 * Fills the placeholders `{slot}` of a template, left to right, with `extra[slot]` when given
 * (per post, e.g. the time of day) and `draw(slot)` otherwise; then tidies the spacing an empty
 * slot leaves behind.
 */
export function fillTemplate(template: string, extra: Readonly<Record<string, string>>, draw: (slot: string) => string): string {
  return template
    .replace(/\{(\w+)\}/g, (_, slot: string) => extra[slot] ?? draw(slot))
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}
