/**
 * How an alert reads in the chats: the email's words (alertText), marked up for Telegram (HTML)
 * and Slack (Block Kit mrkdwn). Every string that comes from outside Pantau's own wording (post
 * texts, authors, topic labels, places, claims, URLs) is escaped for the chat's markup, so a post
 * can neither format the message, nor smuggle a link in, nor ping a Slack channel.
 */
import type { Alert, AlertSample } from '../alerts/alert';
import { alertSubject, alertText, webUrl, type AlertLanguage } from '../alerts/format';
import { formatJakarta } from '../time';

/** Telegram's limit on a message's text (`sendMessage` refuses longer ones). */
export const TELEGRAM_MAX_LENGTH = 4096;
/** Slack's limits on a header's text and on a section's text. */
export const SLACK_HEADER_MAX = 150;
export const SLACK_SECTION_MAX = 3000;
/** Sample posts shown, as many as the email lists; each post's text cut to this length. */
const SAMPLES_SHOWN = 3;
const SAMPLE_TEXT_MAX = 200;
/** alertText puts each sample post on a line of its own that starts so; the chats link them instead. */
const SAMPLE_BULLET = '- ';

/** Which alerts a chat receives (config `notify.telegram` / `notify.slack`). */
export interface ChannelFilter {
  /** Only alerts of these kinds; all when absent. */
  readonly kinds?: readonly string[];
  readonly minSeverity: number;
}

export function wants(filter: ChannelFilter, alert: Alert): boolean {
  return (filter.kinds === undefined || filter.kinds.includes(alert.kind)) && alert.severity >= filter.minSeverity;
}

/** The email's text taken apart: its subject, the lines around its sample posts, and those posts. */
interface AlertParts {
  readonly title: string;
  readonly before: readonly string[];
  readonly samples: readonly AlertSample[];
  readonly after: readonly string[];
}

function alertParts(alert: Alert, lang: AlertLanguage): AlertParts {
  const title = alertSubject(alert, lang);
  const lines = alertText(alert, lang).split('\n');
  if (lines[0] === title) lines.shift();
  const samples = alert.samples.slice(0, SAMPLES_SHOWN);
  // Without sample posts (the daily digest) a bulleted line is the message's own list: keep it.
  const at = samples.length > 0 ? lines.findIndex(isSampleLine) : -1;
  if (at < 0) return { title, before: lines, samples, after: [] };
  return { title, before: lines.slice(0, at), samples, after: lines.slice(at).filter((line) => !isSampleLine(line)) };
}

const isSampleLine = (line: string): boolean => line.startsWith(SAMPLE_BULLET);

/** A sample post's words as the chats quote them: on one line, cut to a readable length. */
function sampleQuote(sample: AlertSample): string {
  return `"${clip(sample.text.replace(/\s+/g, ' ').trim(), SAMPLE_TEXT_MAX, (c) => c)}"`;
}

const sampleAuthor = (sample: AlertSample): string => (sample.author ? `@${sample.author}: ` : '');

// ---- Telegram (sendMessage with parse_mode HTML) ----

/** Text for Telegram's HTML mode: `&`, `<` and `>` are the characters it parses. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A value inside a double-quoted attribute: also `"`. */
const escapeAttribute = (text: string): string => escapeHtml(text).replace(/"/g, '&quot;');

function telegramSample(sample: AlertSample): string {
  const quote = escapeHtml(sampleQuote(sample));
  const href = webUrl(sample.url);
  const linked = href === undefined ? quote : `<a href="${escapeAttribute(href)}">${quote}</a>`;
  return `${SAMPLE_BULLET}${escapeHtml(sampleAuthor(sample))}${linked}`;
}

/**
 * The `text` of Telegram's `sendMessage` (parse_mode HTML): the subject in bold, then the email's
 * lines with the sample posts as links. Within Telegram's limit: sample posts are left out first
 * (the last first), then the longest lines are cut.
 */
export function telegramMessage(alert: Alert, lang: AlertLanguage): string {
  const parts = alertParts(alert, lang);
  const title = `<b>${escapeHtml(parts.title)}</b>`;
  const before = parts.before.map(escapeHtml);
  const after = parts.after.map(escapeHtml);
  const samples = parts.samples.map(telegramSample);
  for (let shown = samples.length; shown >= 0; shown--) {
    const text = [title, ...before, ...samples.slice(0, shown), ...after].join('\n');
    if (text.length <= TELEGRAM_MAX_LENGTH) return text;
  }
  return [title, ...fitLines([...parts.before, ...parts.after], TELEGRAM_MAX_LENGTH - title.length - 1, escapeHtml)].join('\n');
}

// ---- Slack (incoming webhook, Block Kit) ----

export interface SlackMrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
  /** No automatic parsing of bare URLs, channel names or mentions in the text. */
  readonly verbatim: true;
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: { readonly type: 'plain_text'; readonly text: string } }
  | { readonly type: 'section'; readonly text: SlackMrkdwn }
  | { readonly type: 'context'; readonly elements: readonly SlackMrkdwn[] };

/** The JSON body of an incoming-webhook post: `text` is the notification's (and screen readers') fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/**
 * Text for Slack's mrkdwn: `&`, `<` and `>` are its control characters. Escaped, `<!channel>` or
 * `<@U123>` in a post is shown, not obeyed.
 */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string): SlackMrkdwn => ({ type: 'mrkdwn', text, verbatim: true });

function slackSample(sample: AlertSample): string {
  const quote = escapeSlack(sampleQuote(sample));
  const href = webUrl(sample.url);
  // `|` ends the address in Slack's `<url|label>`; percent-encoded, it means the same to the web.
  const linked = href === undefined ? quote : `<${escapeSlack(href).replace(/\|/g, '%7C')}|${quote}>`;
  return `${SAMPLE_BULLET}${escapeSlack(sampleAuthor(sample))}${linked}`;
}

/** The sample posts' section: as many as fit in a section, the first ones. */
function slackSamples(samples: readonly AlertSample[]): string {
  const lines = samples.map(slackSample);
  while (lines.join('\n').length > SLACK_SECTION_MAX) lines.pop();
  return lines.join('\n');
}

/**
 * The incoming-webhook message: the subject as header, the email's lines in sections with the
 * sample posts as links, and when the post that fired it was written as context.
 */
export function slackMessage(alert: Alert, lang: AlertLanguage): SlackMessage {
  const parts = alertParts(alert, lang);
  const sections = [
    clip(parts.before.join('\n'), SLACK_SECTION_MAX, escapeSlack),
    slackSamples(parts.samples),
    clip(parts.after.join('\n'), SLACK_SECTION_MAX, escapeSlack),
  ].filter((text) => text !== '');
  return {
    text: escapeSlack(parts.title),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(parts.title, SLACK_HEADER_MAX, (c) => c) } },
      ...sections.map((text): SlackBlock => ({ type: 'section', text: mrkdwn(text) })),
      { type: 'context', elements: [mrkdwn(`Pantau · ${formatJakarta(Date.parse(alert.firedAt))}`)] },
    ],
  };
}

// ---- Fitting text into a limit ----

/**
 * `text` escaped, in at most `max` characters: when it does not fit, it is cut between characters
 * of the text (never inside an escape or a surrogate pair) and ends with `…`.
 */
function clip(text: string, max: number, escape: (text: string) => string): string {
  const whole = escape(text);
  if (whole.length <= max) return whole;
  if (max < 1) return '';
  let out = '';
  for (const char of text) {
    const next = escape(char);
    if (out.length + next.length > max - 1) break;
    out += next;
  }
  return `${out}…`;
}

/** Lines escaped and joined by newlines in at most `room` characters: the longest cut first. */
function fitLines(lines: readonly string[], room: number, escape: (text: string) => string): string[] {
  const out = lines.map(escape);
  const length = (): number => out.reduce((sum, line) => sum + line.length, 0) + out.length - 1;
  while (length() > room && out.some((line) => line !== '')) {
    const longest = out.reduce((best, line, i) => (line.length > (out[best]?.length ?? 0) ? i : best), 0);
    const over = length() - room;
    out[longest] = clip(lines[longest] ?? '', Math.max(0, (out[longest]?.length ?? 0) - over), escape);
  }
  return out;
}
