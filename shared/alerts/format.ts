/**
 * How an alert reads on the officer's phone: what is happening, where, how big compared with
 * normal, the evidence, and a first step. Indonesian by default, English on request. One text
 * per kind of alert (spike, hoax, reach), the same for email, the notifier's chats and the CLI.
 */
import { formatJakarta } from '../time';
import { INDICATOR_NAMES } from './indicator-names';
import type { Alert, AlertKind } from './alert';

export type AlertLanguage = 'id' | 'en';

const one = (n: number): string => (Math.round(n * 10) / 10).toLocaleString('en-US');
const whole = (n: number): string => Math.round(n).toLocaleString('id-ID');
/** Topic labels in a sentence, lower case: `pemprov dki, transportasi`. */
const listed = (labels: readonly string[]): string => labels.map((l) => l.toLowerCase()).join(', ');

const HEADLINE: Record<AlertKind, Record<AlertLanguage, string>> = {
  spike: { id: 'Lonjakan keluhan', en: 'Spike in complaints' },
  hoax: { id: 'Hoaks menyebar', en: 'Hoax spreading' },
  reach: { id: 'Unggahan berjangkauan luas', en: 'High-reach post' },
  digest: { id: 'Ringkasan harian', en: 'Daily summary' },
};

/**
 * A post's address as alerts show it: only a web address (http or https), normalised; anything
 * else (`javascript:`, `data:`, `file:`, a malformed address) is left out, so no alert, in any
 * channel, offers it as a link.
 */
export function webUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
}

export function alertSubject(alert: Alert, lang: AlertLanguage = 'id'): string {
  if (alert.kind === 'digest') return `[Pantau] ${HEADLINE.digest[lang]} ${formatJakarta(Date.parse(alert.windowEnd))}`;
  if (alert.resolvedAt)
    return `[Pantau] ${lang === 'id' ? 'Selesai' : 'Resolved'}: ${HEADLINE[alert.kind][lang]}: ${alert.topicLabel}`.slice(0, 100);
  const update = alert.revision > 1 ? (lang === 'id' ? ' (pembaruan)' : ' (update)') : '';
  return `[Pantau ${alert.severity}/10] ${HEADLINE[alert.kind][lang]}: ${alert.topicLabel}${update}`.slice(0, 100);
}

export function alertText(alert: Alert, lang: AlertLanguage = 'id'): string {
  if (alert.resolvedAt) return resolvedText(alert, lang);
  const lines: string[] = [alertSubject(alert, lang), ...WHAT[alert.kind](alert, lang)];
  const where = whereText(alert, lang);
  if (where) lines.push(lang === 'id' ? `Lokasi terbanyak: ${where}.` : `Most mentioned places: ${where}.`);
  if (alert.indicators && alert.indicators.length > 0) {
    const named = alert.indicators.map((i) => INDICATOR_NAMES[i.name]?.[lang] ?? i.name);
    lines.push(`${lang === 'id' ? 'Tanda hoaks' : 'Hoax signs'}: ${named.join(', ')}.`);
  }
  for (const sample of alert.samples.slice(0, 3)) {
    const text = sample.text.length > 140 ? `${sample.text.slice(0, 137)}...` : sample.text;
    const url = webUrl(sample.url);
    lines.push(`- ${sample.author ? `@${sample.author}: ` : ''}"${text.replace(/\s+/g, ' ')}"${url ? ` ${url}` : ''}`);
  }
  const handling = handlingText(alert, lang);
  // Someone is on it already: the first step is theirs, the others need only know who.
  lines.push(handling ?? FIRST_STEP[alert.kind](alert, lang));
  lines.push(...linkLines(alert, lang));
  lines.push(`ID: ${alert.alertId}${alert.revision > 1 ? ` (rev ${alert.revision})` : ''}`);
  return lines.join('\n');
}

/** Who is handling the episode, from the console's response log: `Ditangani: Dinas SDA (ditugaskan oleh rina, 14.05 WIB).` */
export function handlingText(alert: Alert, lang: AlertLanguage): string | undefined {
  const h = alert.handling;
  if (!h) return undefined;
  const at = formatJakarta(Date.parse(h.at));
  if (h.state === 'handled') return lang === 'id' ? `Sudah ditangani (${h.by}, ${at}).` : `Marked handled (${h.by}, ${at}).`;
  if (h.state === 'assigned' && h.assignee) {
    return lang === 'id'
      ? `Ditangani: ${h.assignee} (ditugaskan oleh ${h.by}, ${at}).`
      : `Handled by: ${h.assignee} (assigned by ${h.by}, ${at}).`;
  }
  return lang === 'id' ? `Ditangani: ${h.by} (sejak ${at}).` : `Handled by: ${h.by} (since ${at}).`;
}

/** The episode's page in the console, when one is configured. */
function linkLines(alert: Alert, lang: AlertLanguage): string[] {
  const link = webUrl(alert.link);
  return link ? [`${lang === 'id' ? 'Buka di konsol' : 'Open in the console'}: ${link}`] : [];
}

const WHAT: Record<AlertKind, (alert: Alert, lang: AlertLanguage) => string[]> = {
  digest: digestLines,
  spike(alert, lang) {
    const minutes = Math.round((Date.parse(alert.windowEnd) - Date.parse(alert.windowStart)) / 60_000);
    const until = formatJakarta(Date.parse(alert.windowEnd));
    const related = alert.related ?? [];
    return [
      lang === 'id'
        ? `${alert.observed} unggahan negatif tentang ${alert.topicLabel.toLowerCase()} dalam ${minutes} menit hingga ${until}: ${one(alert.ratio)}x dari biasanya (perkiraan ${one(alert.expected)}).`
        : `${alert.observed} negative posts about ${alert.topicLabel.toLowerCase()} in the ${minutes} minutes to ${until}: ${one(alert.ratio)}x the usual (expected ${one(alert.expected)}).`,
      ...(related.length === 0
        ? []
        : [
            lang === 'id'
              ? `Satu kejadian: keluhan tentang ${listed(related)} sebagian besar unggahan yang sama, jadi tidak diberi peringatan terpisah.`
              : `One incident: the complaints about ${listed(related)} are mostly the same posts, so they get no alert of their own.`,
          ]),
    ];
  },
  hoax(alert, lang) {
    const minutes = Math.round((Date.parse(alert.windowEnd) - Date.parse(alert.windowStart)) / 60_000);
    const until = formatJakarta(Date.parse(alert.windowEnd));
    const reach = alert.followers
      ? lang === 'id'
        ? `, menjangkau sekitar ${whole(alert.followers)} pengikut`
        : `, reaching about ${whole(alert.followers)} followers`
      : '';
    const what = alert.claim
      ? lang === 'id'
        ? `Klaim yang sudah dibantah menyebar lagi: "${alert.claim.text}" (${alert.claim.rating.replace(/_/g, ' ')}; cek fakta: ${alert.claim.source}).`
        : `A claim already debunked is spreading again: "${alert.claim.text}" (${alert.claim.rating.replace(/_/g, ' ')}; fact check: ${alert.claim.source}).`
      : lang === 'id'
        ? 'Teks yang hampir sama disebarkan banyak akun dalam waktu berdekatan.'
        : 'Near-identical text is being pushed by many accounts within minutes.';
    const spread =
      lang === 'id'
        ? `${alert.observed} akun berbeda dalam ${minutes} menit hingga ${until} (ambang ${alert.expected})${reach}.`
        : `${alert.observed} different accounts in the ${minutes} minutes to ${until} (threshold ${alert.expected})${reach}.`;
    const driving = alert.complaints
      ? lang === 'id'
        ? `Hoaks ini memicu ${whole(alert.complaints)} unggahan negatif${alert.related?.length ? ` (juga tentang ${listed(alert.related)})` : ''}; itu bagian dari peringatan ini, bukan lonjakan keluhan tersendiri.`
        : `The hoax is driving ${whole(alert.complaints)} negative posts${alert.related?.length ? ` (also about ${listed(alert.related)})` : ''}; they belong to this alert, not to a complaint spike of their own.`
      : undefined;
    return driving ? [what, spread, driving] : [what, spread];
  },
  reach(alert, lang) {
    const sample = alert.samples[0];
    const who = sample?.author ? `@${sample.author}` : lang === 'id' ? 'Satu akun' : 'One account';
    // The rule attaches hoax indicators only to a hoax-like post.
    const hoaxLike = (alert.indicators ?? []).length > 0;
    const audience =
      lang === 'id'
        ? `${whole(alert.followers ?? 0)} pengikut, dibagikan ${whole(alert.reposts ?? 0)} kali`
        : `${whole(alert.followers ?? 0)} followers, reposted ${whole(alert.reposts ?? 0)} times`;
    const what = hoaxLike ? (lang === 'id' ? 'kemungkinan hoaks' : 'a likely hoax') : lang === 'id' ? 'keluhan' : 'a complaint';
    return [
      lang === 'id'
        ? `${who} (${audience}) mengunggah ${what} tentang ${alert.topicLabel.toLowerCase()} pada ${formatJakarta(Date.parse(alert.firedAt))}.`
        : `${who} (${audience}) posted ${what} about ${alert.topicLabel.toLowerCase()} at ${formatJakarta(Date.parse(alert.firedAt))}.`,
    ];
  },
};

const KIND_WORD: Record<AlertKind, Record<AlertLanguage, string>> = {
  spike: { id: 'lonjakan keluhan', en: 'complaint spike' },
  hoax: { id: 'hoaks menyebar', en: 'hoax spreading' },
  reach: { id: 'jangkauan luas', en: 'high reach' },
  digest: { id: 'ringkasan', en: 'summary' },
};

/** The day in figures: posts per watch topic, and the day's alert episodes. */
function digestLines(alert: Alert, lang: AlertLanguage): string[] {
  const figures = alert.digest ?? { topics: [], alerts: [] };
  const pct = (n: number, of: number): string => `${of === 0 ? 0 : Math.round((100 * n) / of)}%`;
  const lines = [
    lang === 'id'
      ? `${whole(alert.observed)} unggahan tentang topik pantauan dalam 24 jam hingga ${formatJakarta(Date.parse(alert.windowEnd))}.`
      : `${whole(alert.observed)} posts about the watch topics in the 24 hours to ${formatJakarta(Date.parse(alert.windowEnd))}.`,
  ];
  for (const t of figures.topics.filter((t) => t.total > 0)) {
    const hoax = t.hoax > 0 ? (lang === 'id' ? `, ${t.hoax} mirip hoaks` : `, ${t.hoax} hoax-like`) : '';
    const worst = t.cities.find((c) => c.negative > 0);
    const where = worst
      ? lang === 'id'
        ? `; terbanyak di ${worst.city}: ${worst.negative} negatif`
        : `; most in ${worst.city}: ${worst.negative} negative`
      : '';
    lines.push(`- ${t.label}: ${whole(t.total)} (${lang === 'id' ? 'negatif' : 'negative'} ${pct(t.negative, t.total)}${hoax}${where})`);
  }
  if (figures.alerts.length === 0) {
    lines.push(lang === 'id' ? 'Tidak ada peringatan.' : 'No alerts.');
  } else {
    lines.push(lang === 'id' ? `Peringatan (${figures.alerts.length}):` : `Alerts (${figures.alerts.length}):`);
    for (const a of figures.alerts) {
      const state = a.resolved
        ? lang === 'id'
          ? ', selesai'
          : ', resolved'
        : a.status === 'capped'
          ? lang === 'id'
            ? ', ditahan batas per jam'
            : ', held back by the hourly cap'
          : '';
      lines.push(
        `- ${KIND_WORD[a.kind][lang]}: ${a.topicLabel}, ${lang === 'id' ? 'tingkat' : 'severity'} ${a.severity}/10${state} (${a.alertId})`,
      );
    }
  }
  return lines;
}

const FIRST_STEP: Record<AlertKind, (alert: Alert, lang: AlertLanguage) => string> = {
  digest: (_alert, lang) =>
    lang === 'id' ? 'Rincian ada di tabel peringatan dan ekspor data.' : 'Details are in the alerts table and the data exports.',
  spike: (_alert, lang) =>
    lang === 'id'
      ? 'Langkah pertama: cek kondisi lapangan dengan dinas terkait, lalu siapkan tanggapan resmi di kanal Pemprov.'
      : 'First step: check the situation with the responsible agency, then prepare an official response on the city channels.',
  hoax: (alert, lang) =>
    lang === 'id'
      ? `Langkah pertama: siapkan klarifikasi singkat${alert.claim ? ` dengan tautan cek fakta` : ''} dan minta akun resmi (Pemprov, dinas terkait) mengunggahnya; laporkan akun penyebar ke platform.`
      : `First step: prepare a short clarification${alert.claim ? ' with the fact-check link' : ''} for the official accounts (city, responsible agency) to post; report the spreading accounts to the platform.`,
  reach: (_alert, lang) =>
    lang === 'id'
      ? 'Langkah pertama: baca unggahan dan balasannya, cek faktanya dengan dinas terkait, lalu tanggapi dari akun resmi bila perlu.'
      : 'First step: read the post and its replies, check the facts with the responsible agency, then answer from the official account if needed.',
};

/** The episode's last message: it has calmed down; what its peak was. */
function resolvedText(alert: Alert, lang: AlertLanguage): string {
  const since = formatJakarta(Date.parse(alert.firedAt));
  return [
    alertSubject(alert, lang),
    lang === 'id'
      ? `Sudah mereda: tidak ada kenaikan baru sejak ${since}. Puncaknya tingkat ${alert.severity}/10 (${alert.observed} ${UNIT[alert.kind].id}).`
      : `Calmed down: nothing new has raised it since ${since}. Its peak was severity ${alert.severity}/10 (${alert.observed} ${UNIT[alert.kind].en}).`,
    lang === 'id' ? 'Tidak perlu tindakan baru; catat tanggapan yang sudah diberikan.' : 'No new action needed; note the responses given.',
    ...[handlingText(alert, lang) ?? []].flat(),
    ...linkLines(alert, lang),
    `ID: ${alert.alertId} (rev ${alert.revision})`,
  ].join('\n');
}

const UNIT: Record<AlertKind, Record<AlertLanguage, string>> = {
  digest: { id: 'unggahan', en: 'posts' },
  spike: { id: 'unggahan negatif dalam satu jendela', en: 'negative posts in one window' },
  hoax: { id: 'akun penyebar', en: 'spreading accounts' },
  reach: { id: 'jangkauan', en: 'reach' },
};

/** The places the posts named, then the cities they lie in, labelled so the two lists are told apart. */
function whereText(alert: Alert, lang: AlertLanguage): string {
  const named = (list: Alert['places']): string =>
    list
      .slice(0, 3)
      .map((p) => `${p.name} (${p.count})`)
      .join(', ');
  const cities = named(alert.cities);
  return [named(alert.places), cities && `${lang === 'id' ? 'kota' : 'cities'}: ${cities}`].filter(Boolean).join('; ');
}

/** SMS: one short line. */
export function alertSms(alert: Alert, lang: AlertLanguage = 'id'): string {
  if (alert.resolvedAt) {
    return `Pantau: ${lang === 'id' ? 'selesai' : 'resolved'}, ${HEADLINE[alert.kind][lang].toLowerCase()} ${alert.topicLabel.toLowerCase()}. ${alert.alertId}`;
  }
  const place = alert.places[0] ? ` ${alert.places[0].name}` : '';
  const topic = alert.topicLabel.toLowerCase();
  const id = alert.alertId;
  switch (alert.kind) {
    case 'spike':
      return lang === 'id'
        ? `Pantau ${alert.severity}/10: ${alert.observed} keluhan ${topic}${place}, ${one(alert.ratio)}x biasanya. ${id}`
        : `Pantau ${alert.severity}/10: ${alert.observed} complaints, ${topic}${place}, ${one(alert.ratio)}x usual. ${id}`;
    case 'hoax':
      return lang === 'id'
        ? `Pantau ${alert.severity}/10: hoaks ${topic}${place} disebar ${alert.observed} akun${alert.claim ? ' (sudah dibantah)' : ''}. ${id}`
        : `Pantau ${alert.severity}/10: hoax on ${topic}${place} spread by ${alert.observed} accounts${alert.claim ? ' (debunked)' : ''}. ${id}`;
    case 'digest':
      return lang === 'id'
        ? `Pantau: ringkasan harian, ${whole(alert.observed)} unggahan, ${alert.digest?.alerts.length ?? 0} peringatan. ${id}`
        : `Pantau: daily summary, ${whole(alert.observed)} posts, ${alert.digest?.alerts.length ?? 0} alerts. ${id}`;
    case 'reach':
      return lang === 'id'
        ? `Pantau ${alert.severity}/10: unggahan ${topic} dari akun ${whole(alert.followers ?? 0)} pengikut. ${id}`
        : `Pantau ${alert.severity}/10: ${topic} post from an account with ${whole(alert.followers ?? 0)} followers. ${id}`;
  }
}
