/**
 * The books of a run, kept the way a Jepsen-style check keeps them: every post the collectors
 * handed over is accounted for (stored once, or in the DLQ with its reason), every aggregate
 * counter equals a recount from the stored posts, and every alert in the alerts table reached the
 * subscribers exactly once per revision. Pure: the adapters feed it what the tables, the DLQ and
 * the run journal holds, one record at a time, so memory stays bounded by distinct keys.
 */
import { addCounts, counterIncrements, NO_COUNTS, type CounterValues, type PostItem } from '../../shared/items';

export interface CounterRecord extends CounterValues {
  /** The counter's topic key (`*`, a topic, or `topic@city`). */
  readonly topic: string;
  readonly bucket: string;
}

export interface DeadLetterRecord {
  readonly stage: string;
  readonly reason: string;
  /** The post's source when known, else the collector that rejected it. */
  readonly source?: string;
  /** `source#id` when the body or attributes tell it. */
  readonly key?: string;
}

export interface AlertRecord {
  readonly alertId: string;
  readonly revision: number;
  readonly kind: string;
  /** `pending` (in the outbox), `sent` or `capped`. */
  readonly status: string;
}

export interface ReceivedAlert {
  readonly alertId: string;
  readonly revision: number;
}

export interface SourceFigures {
  readonly source: string;
  /** Distinct posts collected: put on the queue, or rejected by a collector. */
  readonly collected: number;
  /** Hand-overs to the queue, repeats included (the same post collected again, a resent page). */
  readonly deliveries: number;
  readonly stored: number;
  readonly deadLettered: number;
  /** Collected and neither stored nor in the DLQ: lost. */
  readonly missing: number;
}

export interface AlertFigures {
  /** Alerts in the alerts table (each its latest revision). */
  readonly alerts: number;
  readonly sent: number;
  readonly capped: number;
  /** Recorded but not yet sent (the outbox). */
  readonly pending: number;
  /** Messages that reached the subscribers. */
  readonly messages: number;
  /** (alert, revision) pairs that arrived more than once. */
  readonly repeated: number;
}

export interface AccountingReport {
  readonly sources: readonly SourceFigures[];
  readonly totals: Omit<SourceFigures, 'source'>;
  /** Stored posts whose key appears more than once in the posts table (must be 0). */
  readonly storedTwice: number;
  /** Deliveries of already-stored posts the classifier absorbed (its own count). */
  readonly duplicatesAbsorbed?: number;
  readonly counters: { readonly checked: number; readonly wrong: number };
  readonly alerts?: AlertFigures;
  /** Each mismatch, in words, with a few of the keys concerned. */
  readonly problems: readonly string[];
  readonly ok: boolean;
}

/** The fields of a stored post the books need (the recount of the counters included). */
export type StoredPostRecord = Pick<
  PostItem,
  'postKey' | 'source' | 'createdAtEpoch' | 'sentimentLabel' | 'hoaxLevel' | 'topics' | 'placeCities'
>;

const SAMPLE = 5;
const FIELDS = ['total', 'negative', 'positive', 'neutral', 'hoax'] as const;

const sourceOfKey = (key: string): string => key.slice(0, Math.max(0, key.indexOf('#'))) || key;

export class Accounts {
  private readonly collected = new Map<string, string>();
  private readonly deliveries = new Map<string, number>();
  private readonly stored = new Set<string>();
  private storedTwice = 0;
  private readonly dead = new Map<string, DeadLetterRecord>();
  private readonly keylessDead: DeadLetterRecord[] = [];
  private readonly expected = new Map<string, CounterValues>();
  private readonly actual = new Map<string, CounterValues>();
  private readonly alerts: AlertRecord[] = [];
  private readonly received = new Map<string, number>();
  private receivedAny = false;
  private duplicatesAbsorbed?: number;

  constructor(private readonly counting: { readonly bucketMinutes: number; readonly stateDays: number }) {}

  /** A post a collector put on the queue (once per hand-over). */
  collect(key: string, source = sourceOfKey(key)): void {
    this.collected.set(key, source);
    this.deliveries.set(source, (this.deliveries.get(source) ?? 0) + 1);
  }

  deadLetter(letter: DeadLetterRecord): void {
    if (letter.key === undefined) {
      this.keylessDead.push(letter);
      return;
    }
    // A post redriven twice (resent, failed again) is one post in the DLQ.
    if (!this.dead.has(letter.key)) this.dead.set(letter.key, letter);
  }

  storedPost(post: StoredPostRecord): void {
    if (this.stored.has(post.postKey)) this.storedTwice += 1;
    this.stored.add(post.postKey);
    for (const inc of counterIncrements(post, this.counting.bucketMinutes, this.counting.stateDays)) {
      const key = `${inc.topic}\u0000${inc.bucket}`;
      this.expected.set(key, addCounts(this.expected.get(key) ?? NO_COUNTS, inc.add));
    }
  }

  counter(record: CounterRecord): void {
    const key = `${record.topic}\u0000${record.bucket}`;
    this.actual.set(key, addCounts(this.actual.get(key) ?? NO_COUNTS, record));
  }

  alert(record: AlertRecord): void {
    this.alerts.push(record);
  }

  receivedAlert(message: ReceivedAlert): void {
    this.receivedAny = true;
    const key = `${message.alertId}\u0000${message.revision}`;
    this.received.set(key, (this.received.get(key) ?? 0) + 1);
  }

  /** Marks that the subscribers' messages were read (even when none arrived). */
  alertsObserved(): void {
    this.receivedAny = true;
  }

  absorbedDuplicates(count: number): void {
    this.duplicatesAbsorbed = count;
  }

  report(): AccountingReport {
    const problems: string[] = [];
    const bySource = new Map<string, { collected: number; deliveries: number; stored: number; deadLettered: number; missing: string[] }>();
    const row = (source: string) => {
      let r = bySource.get(source);
      if (!r)
        bySource.set(source, (r = { collected: 0, deliveries: this.deliveries.get(source) ?? 0, stored: 0, deadLettered: 0, missing: [] }));
      return r;
    };
    for (const [key, source] of this.collected) {
      const r = row(source);
      r.collected += 1;
      if (this.stored.has(key)) r.stored += 1;
      else if (this.dead.has(key)) r.deadLettered += 1;
      else r.missing.push(key);
    }
    // Rejected before reaching the queue (or with no identity at all): collected and dead-lettered.
    for (const key of this.dead.keys()) {
      if (this.collected.has(key) || this.stored.has(key)) continue;
      const r = row(sourceOfKey(key));
      r.collected += 1;
      r.deadLettered += 1;
    }
    for (const letter of this.keylessDead) {
      const r = row(letter.source ?? 'unknown');
      r.collected += 1;
      r.deadLettered += 1;
    }
    const uncollected = [...this.stored].filter((key) => !this.collected.has(key));
    if (uncollected.length > 0) {
      problems.push(`${uncollected.length} stored posts were never collected (the collection journal misses them): ${sample(uncollected)}`);
    }
    const sources: SourceFigures[] = [...bySource.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([source, r]) => ({
        source,
        collected: r.collected,
        deliveries: r.deliveries,
        stored: r.stored,
        deadLettered: r.deadLettered,
        missing: r.missing.length,
      }));
    for (const [source, r] of bySource) {
      if (r.missing.length > 0)
        problems.push(`${source}: ${r.missing.length} collected posts are neither stored nor in the DLQ: ${sample(r.missing)}`);
    }
    if (this.storedTwice > 0) problems.push(`${this.storedTwice} posts are stored more than once`);

    const wrong: string[] = [];
    for (const key of new Set([...this.expected.keys(), ...this.actual.keys()])) {
      const want = this.expected.get(key) ?? NO_COUNTS;
      const got = this.actual.get(key) ?? NO_COUNTS;
      const off = FIELDS.filter((f) => want[f] !== got[f]);
      if (off.length > 0) {
        const [topic, bucket] = key.split('\u0000');
        wrong.push(`${topic} ${bucket}: ${off.map((f) => `${f} ${got[f]} (recount ${want[f]})`).join(', ')}`);
      }
    }
    if (wrong.length > 0) problems.push(`${wrong.length} aggregate counters differ from a recount of the posts: ${sample(wrong)}`);

    const totals = sources.reduce(
      (t, s) => ({
        collected: t.collected + s.collected,
        deliveries: t.deliveries + s.deliveries,
        stored: t.stored + s.stored,
        deadLettered: t.deadLettered + s.deadLettered,
        missing: t.missing + s.missing,
      }),
      { collected: 0, deliveries: 0, stored: 0, deadLettered: 0, missing: 0 },
    );
    const alerts = this.receivedAny ? this.alertBooks(problems) : undefined;
    return {
      sources,
      totals,
      storedTwice: this.storedTwice,
      duplicatesAbsorbed: this.duplicatesAbsorbed,
      counters: { checked: new Set([...this.expected.keys(), ...this.actual.keys()]).size, wrong: wrong.length },
      alerts,
      problems,
      ok: problems.length === 0,
    };
  }

  private alertBooks(problems: string[]): AlertFigures {
    const byId = new Map(this.alerts.map((a) => [a.alertId, a]));
    const repeated = [...this.received].filter(([, n]) => n > 1).map(([key]) => key.replace('\u0000', ' rev '));
    if (repeated.length > 0) problems.push(`${repeated.length} alert messages reached the subscribers more than once: ${sample(repeated)}`);
    const unknown = [...this.received.keys()].map((key) => key.split('\u0000')[0] as string).filter((id) => !byId.has(id));
    if (unknown.length > 0) problems.push(`${unknown.length} alert messages have no alert in the alerts table: ${sample(unknown)}`);
    const notArrived = this.alerts.filter((a) => a.status === 'sent' && !this.received.has(`${a.alertId}\u0000${a.revision}`));
    if (notArrived.length > 0) {
      problems.push(
        `${notArrived.length} alerts marked sent never reached the subscribers: ${sample(notArrived.map((a) => `${a.alertId} rev ${a.revision}`))}`,
      );
    }
    const pending = this.alerts.filter((a) => a.status === 'pending');
    if (pending.length > 0) {
      problems.push(
        `${pending.length} alerts are still in the outbox (recorded, not sent): ${sample(pending.map((a) => `${a.alertId} rev ${a.revision}`))}`,
      );
    }
    return {
      alerts: this.alerts.length,
      sent: this.alerts.filter((a) => a.status === 'sent').length,
      capped: this.alerts.filter((a) => a.status === 'capped').length,
      pending: pending.length,
      messages: [...this.received.values()].reduce((n, c) => n + c, 0),
      repeated: repeated.length,
    };
  }
}

function sample(items: readonly string[]): string {
  return items.slice(0, SAMPLE).join(', ') + (items.length > SAMPLE ? `, … (${items.length - SAMPLE} more)` : '');
}

/** The report as a table for people (ops, the closing lines of a run). */
export function formatAccounting(report: AccountingReport): string {
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  const lines = [
    `  ${'source'.padEnd(12)}${pad('collected', 11)}${pad('deliveries', 12)}${pad('stored', 9)}${pad('in DLQ', 9)}${pad('missing', 9)}`,
  ];
  for (const s of [...report.sources, { source: 'all', ...report.totals }]) {
    lines.push(
      `  ${s.source.padEnd(12)}${pad(s.collected, 11)}${pad(s.deliveries, 12)}${pad(s.stored, 9)}${pad(s.deadLettered, 9)}${pad(s.missing, 9)}`,
    );
  }
  const t = report.totals;
  lines.push(
    `  collected ${t.collected} ${t.collected === t.stored + t.deadLettered ? '=' : '!='} stored ${t.stored} + in DLQ ${t.deadLettered}; stored twice ${report.storedTwice}` +
      (report.duplicatesAbsorbed === undefined ? '' : `; repeat deliveries absorbed ${report.duplicatesAbsorbed}`),
    `  counters  ${report.counters.checked} checked against a recount of the posts, ${report.counters.wrong} wrong`,
  );
  if (report.alerts) {
    const a = report.alerts;
    lines.push(
      `  alerts    ${a.alerts} in the table (sent ${a.sent}, capped ${a.capped}, in the outbox ${a.pending}); ${a.messages} messages received, ${a.repeated} repeated`,
    );
  }
  lines.push(report.ok ? '  books balance' : `  ${report.problems.length} problems:`);
  for (const p of report.problems) lines.push(`    - ${p}`);
  return `${lines.join('\n')}\n`;
}
