/**
 * The load's posts, one at a time in collection order: X chatter per watch topic, news items,
 * residents' reports, and the episodes (a flood, a transport breakdown, a hoax and its debunk).
 */
import { type Post } from '../../../shared/post';
import { MAX_TEXT_LENGTH } from '../../../shared/sources/feeds';
import { Accounts, type Author } from '../accounts';
import { Dice } from '../dice';
import { chainMessage, engagement, snowflakeId } from '../posts';
import { fillTemplate, HOURLY, type Bank, type Lang, type Sentiment } from '../text';
import { DAY, HOUR, isoSeconds, MINUTE, wibClock } from '../time';
import { NEWS, NEWS_FILLER, OUTLETS, REPORTS } from './news';
import {
  ADDONS,
  AREAS,
  CITIES,
  CLOSERS,
  DEFAULT_MIX,
  FIRST,
  FIRST_MORE,
  FLOOD_AREAS,
  HOAX_CALL,
  HOAX_PREFIX,
  HOAX_SOURCE,
  JAKARTA_CLAIMS,
  KECAMATAN,
  KELURAHAN,
  OFF_TOPIC_SHARE,
  OPENERS,
  SECOND,
  SENTIMENT_MIX,
  SLOTS,
  TOPIC_SHARE,
  X_EN,
  X_ID,
} from './vocabulary';

/** An episode: between `from` and `to`, `share` of new posts are of `kind`. */
interface Episode {
  readonly kind: 'flood' | 'transport' | 'hoax' | 'debunk';
  readonly from: number;
  readonly to: number;
  readonly share: number;
  /** Extra activity while it lasts (people post more). */
  readonly boost: number;
}

/** Draws the load's posts: one generator per seed and options, called in line order. */
export class LoadGenerator {
  private readonly dice: Dice;
  private readonly accounts = new Accounts();
  private readonly people: Author[];
  private readonly infoAccounts: Author[];
  private readonly topics: readonly string[];
  private readonly topicWeights: Readonly<Record<string, number>>;
  private readonly keywordsOf: ReadonlyMap<string, readonly string[]>;
  private readonly episodes: Episode[];
  private readonly floodArea: string;
  private readonly hoaxClaim: string;
  private readonly keys = new Set<string>();
  private reportSeq = 0;
  /** Cumulative activity per hour of the load, for turning a line's position into a time. */
  private readonly cumulative: Float64Array;

  constructor(
    private readonly opts: {
      readonly count: number;
      readonly seed: number;
      readonly days: number;
      /** Epoch ms of the first day's 00:00 (WIB). */
      readonly startMs: number;
      readonly topics: readonly { name: string; keywords: readonly string[] }[];
    },
  ) {
    this.dice = Dice.seeded(opts.seed);
    this.topics = opts.topics.map((t) => t.name);
    this.topicWeights = Object.fromEntries([...this.topics.map((t) => [t, TOPIC_SHARE[t] ?? 3] as const), ['other', OFF_TOPIC_SHARE]]);
    this.keywordsOf = new Map(opts.topics.map((t) => [t.name, t.keywords]));
    this.people = Array.from({ length: Math.max(300, Math.round(opts.count / 6)) }, () => this.person());
    this.infoAccounts = Array.from({ length: 30 }, () => this.infoAccount());
    this.floodArea = this.dice.pick(FLOOD_AREAS);
    this.hoaxClaim = this.dice.pick(JAKARTA_CLAIMS).text;
    const day = (d: number, h: number, m = 0): number => opts.startMs + d * DAY + h * HOUR + m * MINUTE;
    this.episodes = [
      { kind: 'flood' as const, from: day(1, 15), to: day(1, 17, 30), share: 0.35, boost: 1.6 },
      { kind: 'transport' as const, from: day(2, 6, 30), to: day(2, 9, 30), share: 0.25, boost: 1.3 },
      { kind: 'hoax' as const, from: day(2, 19, 30), to: day(2, 21), share: 0.08, boost: 1.1 },
      { kind: 'debunk' as const, from: day(2, 21), to: day(2, 23), share: 0.03, boost: 1 },
    ].filter((e) => e.to <= opts.startMs + opts.days * DAY);
    const hours = opts.days * 24;
    this.cumulative = new Float64Array(hours + 1);
    for (let h = 0; h < hours; h++) {
      const at = opts.startMs + h * HOUR;
      const boost = this.episodes.find((e) => at >= e.from && at < e.to)?.boost ?? 1;
      const weekend = [0, 6].includes(wibClock(at).getUTCDay()) ? 0.85 : 1;
      this.cumulative[h + 1] = (this.cumulative[h] ?? 0) + (HOURLY[h % 24] ?? 100) * boost * weekend;
    }
  }

  // ---- time

  /** The collection time of the line at `position` (0..1) of the load, following the daily rhythm. */
  timeAt(position: number): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 1;
    const target = position * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) <= target) lo = mid;
      else hi = mid;
    }
    const from = this.cumulative[lo] ?? 0;
    const to = this.cumulative[lo + 1] ?? from + 1;
    return this.opts.startMs + (lo + (target - from) / (to - from || 1)) * HOUR;
  }

  // ---- accounts

  private person(): Author {
    return this.accounts.next((seq) => {
      const handle = `${this.dice.pick(this.dice.chance(0.5) ? FIRST : FIRST_MORE)}${this.dice.pick(SECOND)}${this.dice.chance(0.7) ? this.dice.int(1, 9999) : ''}`;
      return {
        handle: `${handle.replace(/_$/, '')}_${seq.toString(36)}`,
        followers: this.dice.heavy(220, 1.1),
        following: this.dice.heavy(350, 0.7),
        createdAt: isoSeconds(Date.parse('2009-06-01T00:00:00Z') + this.dice.int(0, 16 * 365) * DAY),
        verified: this.dice.chance(0.01),
      };
    });
  }

  private infoAccount(): Author {
    return this.accounts.next((seq) => ({
      handle: `${this.dice.pick(['info', 'seputar', 'kabar', 'lintas', 'pantau'])}${this.dice.pick(['jakarta', 'jaksel', 'jkt', 'lalin', 'warga'])}${seq}_sim`,
      followers: 20_000 + this.dice.heavy(80_000, 0.8),
      following: this.dice.int(100, 1500),
      createdAt: isoSeconds(Date.parse('2011-01-01T00:00:00Z') + this.dice.int(0, 3000) * DAY),
      verified: this.dice.chance(0.5),
    }));
  }

  private newAccount(at: number): Author {
    return this.accounts.next((seq) => ({
      handle: `${this.dice.pick(['info', 'warga', 'kabar', 'suara'])}${this.dice.pick(['_', ''])}${this.dice.pick(['jkt', 'terkini', 'viral', 'dki'])}${seq}`,
      followers: this.dice.int(0, 35),
      following: this.dice.int(40, 900),
      createdAt: isoSeconds(at - this.dice.int(1, 20) * DAY - this.dice.int(0, 1439) * MINUTE),
      verified: false,
    }));
  }

  /** A few people post a lot, most post once or twice. */
  private somePerson(): Author {
    return this.dice.skewed(this.people);
  }

  // ---- text

  private fill(template: string, extra: Readonly<Record<string, string>> = {}): string {
    return fillTemplate(template, extra, (slot) => {
      if (slot === 'place' || slot === 'place2') return this.dice.pick(this.dice.chance(0.7) ? AREAS : KECAMATAN);
      if (slot === 'kel') return this.dice.pick(this.dice.chance(0.6) ? KELURAHAN : AREAS);
      if (slot === 'city') return this.dice.pick(CITIES);
      return this.dice.pick(SLOTS[slot] ?? [`{${slot}}`]);
    });
  }

  /** A template for `topic`; a config topic without a bank gets one built from its keywords. */
  private template(bank: Readonly<Record<string, Bank>>, topic: string, sentiment: Sentiment): string | undefined {
    const own = bank[topic]?.[sentiment];
    if (own && own.length > 0) return this.dice.pick(own);
    if (bank[topic] || topic === 'other') return undefined;
    const keyword = this.dice.pick(this.keywordsOf.get(topic) ?? ['ini']);
    const generic = {
      neg: [`${keyword} di {place} parah bgt {negEmoji}`, `kenapa sih ${keyword} gak beres2{tail}`],
      neu: [`Ada info soal ${keyword} di {place}?`, `${keyword} hari ini gimana ya`],
      pos: [`${keyword} di {place} makin bagus {posEmoji}`],
    };
    return this.dice.pick(generic[sentiment]);
  }

  private sentimentFor(topic: string): Sentiment {
    return this.dice.weighted(SENTIMENT_MIX[topic] ?? DEFAULT_MIX);
  }

  // ---- posts

  /** A new post collected at `at`. */
  post(at: number): { post: Post; kind: string; topic?: string } {
    const episode = this.episodes.find((e) => at >= e.from && at < e.to && this.dice.chance(e.share));
    if (episode) return this.episodePost(episode.kind, at);
    const source = this.dice.weighted({ x: 80, news: 13, file: 7 });
    if (source === 'news') return this.newsPost(at);
    if (source === 'file') return this.reportPost(at);
    if (this.dice.chance(0.003)) return { post: this.xPost(at, this.claimRepeat(), 'in', this.somePerson(), true), kind: 'claim' };
    const topic = this.dice.weighted(this.topicWeights);
    const lang: Lang = this.dice.chance(0.12) ? 'en' : 'in';
    const post = this.xPost(at, this.chatter(topic, lang), lang, this.authorFor(topic));
    return { post, kind: 'chatter', topic: topic === 'other' ? undefined : topic };
  }

  private authorFor(topic: string): Author {
    return topic !== 'other' && this.dice.chance(0.04) ? this.dice.pick(this.infoAccounts) : this.somePerson();
  }

  private chatter(topic: string, lang: Lang): string {
    let sentiment = this.sentimentFor(topic);
    let template = this.template(lang === 'en' ? X_EN : X_ID, topic, sentiment);
    for (let attempt = 0; template === undefined && attempt < 5; attempt++) {
      sentiment = this.sentimentFor(topic);
      template = this.template(lang === 'en' ? X_EN : X_ID, topic, sentiment);
    }
    const core = this.fill(template ?? this.dice.pick(X_ID.other!.neu));
    // A thin tail of long posts (X premium, threads pasted as one): 300–1,500 characters.
    if (this.dice.chance(0.025)) {
      const parts = [core];
      for (let i = this.dice.int(6, 30); i > 0; i--)
        parts.push(this.fill(this.dice.pick(ADDONS[lang][this.dice.pick(['neg', 'neu', 'pos'] as const)])));
      return parts.join(' ').slice(0, 1500);
    }
    const opened = this.dice.chance(0.45) ? `${this.dice.pick(OPENERS[lang])} ${core.charAt(0).toLowerCase()}${core.slice(1)}` : core;
    const parts = [this.dice.chance(0.08) ? `@${this.somePerson().handle} ${opened}` : opened];
    if (this.dice.chance(0.4)) parts.push(this.dice.pick(CLOSERS[lang]));
    for (let i = Number(this.dice.weighted({ 0: 35, 1: 35, 2: 20, 3: 10 })); i > 0; i--)
      parts.push(this.dice.pick(ADDONS[lang][sentiment]));
    if (this.dice.chance(0.15))
      parts.push(`#${topic === 'other' ? this.dice.pick(['Jakarta', 'InfoJakarta', 'JKT']) : topic.replace(/-/g, '')}`);
    const text = this.dice.chance(0.12) ? parts.join(' ').toLowerCase() : parts.join(' ');
    return text.length <= 280 ? text : core;
  }

  private claimRepeat(): string {
    return `${this.dice.pick(['Beneran gak sih', 'Katanya', 'Dapet dari grup WA:'])} ${this.dice.pick(JAKARTA_CLAIMS).text.toLowerCase()}?`;
  }

  private xPost(at: number, text: string, lang: Lang, author: Author, viral = false): Post {
    const created = at - (this.dice.chance(0.05) ? this.dice.int(60, 1800) : this.dice.int(5, 90)) * 1000;
    let id: string;
    do id = snowflakeId(this.dice, created);
    while (this.keys.has(`x#${id}`));
    this.keys.add(`x#${id}`);
    const links = text.match(/https?:\/\/\S+/g);
    const hashtags = text.match(/#\w+/g)?.map((h) => h.slice(1));
    return {
      v: 1,
      source: 'x',
      id,
      url: `https://x.com/${author.handle}/status/${id}`,
      text,
      lang,
      createdAt: isoSeconds(created),
      collectedAt: isoSeconds(at),
      author: { ...author },
      metrics: engagement(this.dice, author.followers, viral, true),
      ...(links ? { links } : {}),
      ...(hashtags ? { hashtags } : {}),
    };
  }

  private newsPost(at: number, topicOverride?: string): { post: Post; kind: string; topic?: string } {
    const outlet = this.dice.pick(OUTLETS);
    const lang: Lang = outlet.lang === 'en' ? 'en' : 'in';
    const bank = NEWS[lang];
    const topic = topicOverride ?? this.dice.weighted(this.topicWeights);
    const entry = bank[topic] ?? bank.other!;
    const extra: Record<string, string> = topicOverride === 'banjir' ? { place: this.floodArea } : {};
    const head = this.fill(this.dice.pick(entry.head), extra);
    const sentences = [...entry.body, ...(lang === 'in' ? NEWS_FILLER : (bank.other?.body ?? []))];
    // Most items are a headline and a summary; some feeds carry most of the article.
    const length = this.dice.chance(0.12) ? this.dice.int(8, 40) : this.dice.int(1, 3);
    const body: string[] = [];
    for (let i = 0; i < length; i++) {
      const sentence = this.fill(this.dice.pick(i < 1 ? entry.body : sentences), extra);
      if (sentence !== body[body.length - 1]) body.push(sentence);
    }
    const text = `${head}. ${body.join(' ')}`.slice(0, MAX_TEXT_LENGTH);
    const created = at - this.dice.int(2, 180) * MINUTE;
    const slug = head
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const date = isoSeconds(created).slice(0, 10).replace(/-/g, '/');
    let url: string;
    do url = `https://${outlet.host}/metro/${date}/${slug}-${this.dice.int(100_000, 999_999)}`;
    while (this.keys.has(`news#${url}`));
    this.keys.add(`news#${url}`);
    return {
      post: {
        v: 1,
        source: 'news',
        id: url,
        url,
        text,
        lang: outlet.lang,
        createdAt: isoSeconds(created),
        collectedAt: isoSeconds(at),
        author: { id: outlet.host, name: outlet.name },
        ...(this.dice.chance(0.4)
          ? { byline: `${this.dice.pick(FIRST)} ${this.dice.pick(FIRST_MORE)}`.replace(/\b\w/g, (c) => c.toUpperCase()) }
          : {}),
        links: [url],
        feed: `https://${outlet.host}/rss`,
      },
      kind: 'news',
      topic: topicOverride ?? (topic === 'other' ? undefined : topic),
    };
  }

  private reportPost(at: number): { post: Post; kind: string; topic?: string } {
    this.reportSeq += 1;
    const author = this.somePerson();
    const text = this.fill(this.dice.pick(REPORTS));
    return {
      post: {
        v: 1,
        source: 'file',
        id: `lapor-${this.opts.seed}-${String(this.reportSeq).padStart(7, '0')}`,
        text,
        lang: 'in',
        createdAt: isoSeconds(at - this.dice.int(1, 360) * MINUTE),
        collectedAt: isoSeconds(at),
        author: { id: `warga-${author.id}`, name: author.handle.replace(/_[0-9a-z]+$/, '') },
      },
      kind: 'report',
    };
  }

  private episodePost(kind: Episode['kind'], at: number): { post: Post; kind: string; topic?: string } {
    if (kind === 'flood') {
      if (this.dice.chance(0.1)) return { ...this.newsPost(at, 'banjir'), kind: 'flood' };
      const lang: Lang = this.dice.chance(0.05) ? 'en' : 'in';
      const sentiment = this.dice.weighted({ neg: 85, neu: 11, pos: 4 });
      const template = this.template(lang === 'en' ? X_EN : X_ID, 'banjir', sentiment) ?? '{place} banjir';
      const text = this.fill(template, { place: this.floodArea, kel: this.floodArea });
      const author = sentiment === 'neu' && this.dice.chance(0.3) ? this.dice.pick(this.infoAccounts) : this.somePerson();
      return { post: this.xPost(at, text, lang, author, this.dice.chance(0.08)), kind: 'flood', topic: 'banjir' };
    }
    if (kind === 'transport') {
      const template = this.dice.pick(X_ID.transjakarta!.neg);
      return { post: this.xPost(at, this.fill(template), 'in', this.somePerson()), kind: 'transport', topic: 'transjakarta' };
    }
    if (kind === 'hoax') {
      const parts = [this.dice.pick(HOAX_PREFIX), `${this.hoaxClaim}.`, this.dice.pick(HOAX_SOURCE), this.dice.pick(HOAX_CALL)];
      const text = chainMessage(this.dice, parts, 0.2);
      return { post: this.xPost(at, text, 'in', this.newAccount(at), true), kind: 'hoax' };
    }
    const text = `${this.dice.pick(['HOAKS:', 'Klarifikasi:', 'Cek fakta:'])} kabar bahwa ${this.hoaxClaim.charAt(0).toLowerCase()}${this.hoaxClaim.slice(1)} TIDAK BENAR. Jangan disebarkan ya 🙏`;
    return { post: this.xPost(at, text, 'in', this.dice.pick(this.infoAccounts)), kind: 'debunk' };
  }
}
