/**
 * The demo day's setting: Thursday 26 November 2026 in Jakarta, the seeded dice, the accounts,
 * and the drafts every storyline adds to (a post before it is written out in contract v1).
 */
import { type Author } from '../accounts';
import { Dice } from '../dice';
import { fillTemplate, type Lang, type Sentiment } from '../text';
import { HOUR, MINUTE, wibClock, wibHour } from '../time';
import { Cast, type AccountKind } from './people';
import { SLOTS } from './vocabulary';

export const SEED = 20261126;
/** 2026-11-26 00:00 WIB. */
export const DAY_START = Date.parse('2026-11-26T00:00:00+07:00');
export const wib = (hour: number, minute = 0): number => DAY_START + hour * HOUR + minute * MINUTE;

/** `15.40`: the WIB time of day, as people write it. */
export const clockOf = (ms: number): string => {
  const d = wibClock(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}.${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

export type Kind = 'chatter' | 'flood' | 'aftermath' | 'hoax' | 'worried' | 'debunk' | 'highlight';

export interface Draft {
  readonly at: number;
  readonly text: string;
  readonly lang: Lang;
  readonly sentiment: Sentiment;
  readonly kind: Kind;
  readonly author: Author;
  readonly viral?: boolean;
}

/** Posts written out in full, each in its own time slot. */
export interface Scripted {
  readonly texts: readonly string[];
  /** The slot [from, to) of the i-th text. */
  readonly slot: (i: number) => readonly [number, number];
  /** Texts that match are English; the rest Indonesian. */
  readonly english: RegExp;
  readonly sentiment: Sentiment;
  readonly kind: Kind;
  /** Who posts the i-th text (default: some resident). */
  readonly author?: (i: number) => Author;
  readonly viral?: (i: number) => boolean;
}

export class DemoDay {
  readonly dice = Dice.seeded(SEED);
  readonly drafts: Draft[] = [];
  private readonly cast = new Cast(this.dice);
  readonly people: readonly Author[] = Array.from({ length: 1100 }, () => this.cast.make('ordinary'));
  readonly infoAccounts: readonly Author[] = Array.from({ length: 12 }, () => this.cast.make('info'));

  account(kind: AccountKind): Author {
    return this.cast.make(kind);
  }

  /** A few people post a lot, most post once or twice. */
  somePerson(): Author {
    return this.dice.skewed(this.people);
  }

  /** Placeholders `{slot}` are filled from SLOTS or from `extra` (per post, e.g. the time of day). */
  fill(template: string, extra: Readonly<Record<string, string>> = {}): string {
    return fillTemplate(template, extra, (slot) => this.dice.pick(SLOTS[slot] ?? [`{${slot}}`]));
  }

  timeOfDay(ms: number): string {
    const h = wibHour(ms);
    if (h < 4) return this.dice.pick(['dini hari ini', 'jam segini', 'tengah malem gini']);
    if (h < 11) return this.dice.pick(['pagi ini', 'pagi2 gini', 'pagi ini']);
    if (h < 15) return this.dice.pick(['siang ini', 'siang2 gini', 'siang ini']);
    if (h < 18) return this.dice.pick(['sore ini', 'sore2 gini', 'jam pulang kantor gini']);
    return this.dice.pick(['malam ini', 'malem2 gini', 'malam ini']);
  }

  /** Adds posts written out in full, one in each slot. */
  scripted(s: Scripted): void {
    s.texts.forEach((text, i) => {
      const at = this.dice.between(...s.slot(i));
      const author = s.author ? s.author(i) : this.somePerson();
      const viral = s.viral?.(i);
      const lang: Lang = s.english.test(text) ? 'en' : 'in';
      this.drafts.push({ at, text, lang, sentiment: s.sentiment, kind: s.kind, author, ...(viral === undefined ? {} : { viral }) });
    });
  }
}
