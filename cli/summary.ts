/**
 * What `pantau run` prints at its end (and writes to summary.json): the figures of the replay
 * read back from the tables, and the alerts in a few words. "Read" is the replay's own count
 * (lines of the posts file, items of the source collectors); "collected" is the books' word for
 * distinct posts handed over (pantau check).
 */
import type { Alert } from '../shared/alerts/alert';
import type { Config } from '../shared/config';
import type { AccountingReport } from '../infra/local/books';
import type { DeadLetterInfo, StoredFigures } from '../infra/local/summary';
import { wib } from './text';

export interface RunSummary {
  readonly postsFile: string;
  readonly startedAt: string;
  readonly seconds: number;
  /** Non-blank lines of the posts file read by this run (invalid and repeated ones included). */
  readonly read: number;
  /** Of the posts the books had collected before, those put back on the queue by a resumed run. */
  readonly requeued: number;
  /** Items the enabled source collectors (X, news) brought in. */
  readonly fromSources: number;
  readonly stored: number;
  /** Lines repeating a post that an earlier line of the run already had. */
  readonly repeated: number;
  /** Deliveries of posts already stored (repeated lines, redeliveries), absorbed by the classifier. */
  readonly duplicates: number;
  readonly failed: number;
  /** read + requeued + fromSources = stored + repeated + failed. */
  readonly addsUp: boolean;
  /** Set when Ctrl-C (or SIGTERM) stopped the replay: where the posts file was left. */
  readonly stopped?: { readonly signal: string; readonly lastLine: number };
  /** The books of the data folder (every run since the last fresh start), as pantau check shows them. */
  readonly books: AccountingReport['totals'] & { readonly ok: boolean };
  readonly deadLetters: readonly DeadLetterInfo[];
  readonly sentiment: StoredFigures['sentiment'];
  readonly hoaxLevels: StoredFigures['hoaxLevels'];
  readonly languages: StoredFigures['languages'];
  readonly topics: readonly { readonly topic: string; readonly posts: number }[];
  readonly alerts: readonly AlertLine[];
}

export interface AlertLine {
  readonly alertId: string;
  readonly kind: string;
  readonly topic: string;
  readonly severity: number;
  readonly revision: number;
  readonly resolved: boolean;
}

export const alertLine = (alert: Alert): AlertLine => ({
  alertId: alert.alertId,
  kind: alert.kind,
  topic: alert.topic,
  severity: alert.severity,
  revision: alert.revision,
  resolved: alert.resolvedAt !== undefined,
});

/** Under an alert's text in the terminal: the ID's times are UTC, the text's are Jakarta's. */
export const alertIdNote = (alert: Alert): string =>
  `(the ID's time is UTC; this window started ${wib(alert.windowStart)}, ended ${wib(alert.windowEnd)})`;

const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`);

export function formatSummary(s: RunSummary, config: Config, where: { readonly alertsFile?: string; readonly check: string }): string {
  const label = (topic: string): string => config.topics.find((t) => t.name === topic)?.label ?? topic;
  const left = [
    `read ${s.read}`,
    ...(s.requeued ? [`put back ${s.requeued}`] : []),
    ...(s.fromSources ? [`from sources ${s.fromSources}`] : []),
  ];
  const lines = [
    '',
    `Pantau: summary${s.stopped ? ` (stopped by ${s.stopped.signal} at line ${s.stopped.lastLine} of the posts file)` : ''}`,
    `  lines read        ${s.read}  (from ${s.postsFile}${s.fromSources > 0 ? `; and ${s.fromSources} items from the source collectors` : ''})`,
    ...(s.requeued ? [`  put back          ${s.requeued}  (collected by the interrupted run, lost with its queue; queued again)`] : []),
    `  stored            ${s.stored}`,
    `  repeated          ${s.repeated}  (same post as an earlier line; stored once)`,
    `  failed to DLQ     ${s.failed}`,
    `  check             ${left.join(' + ')} ${s.addsUp ? '=' : '!='} stored ${s.stored} + repeated ${s.repeated} + failed ${s.failed}${s.addsUp ? '' : '  <- MISMATCH'}`,
    `  duplicates        ${s.duplicates} deliveries of already-stored posts absorbed`,
    `  sentiment         negative ${s.sentiment.negative} (${pct(s.sentiment.negative, s.stored)}), neutral ${s.sentiment.neutral} (${pct(s.sentiment.neutral, s.stored)}), positive ${s.sentiment.positive} (${pct(s.sentiment.positive, s.stored)})`,
    `  languages         ${Object.entries(s.languages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  hoax levels       ${['none', 'low', 'medium', 'high'].map((k) => `${k} ${s.hoaxLevels[k] ?? 0}`).join(', ')}`,
    `  top topics        ${
      s.topics
        .slice(0, 5)
        .map((t) => `${label(t.topic)} ${t.posts}`)
        .join(', ') || '-'
    }`,
    ...alertLines(s.alerts, where),
  ];
  if (s.deadLetters.length > 0) {
    lines.push('  in the DLQ:');
    for (const d of s.deadLetters.slice(0, 10)) lines.push(`    - [${d.stage}] ${d.reason}`);
    if (s.deadLetters.length > 10) lines.push(`    ... and ${s.deadLetters.length - 10} more`);
  }
  if (s.stopped) lines.push(`  not finished      pantau run --resume goes on from line ${s.stopped.lastLine + 1}`);
  lines.push(`  took              ${s.seconds} s`, '');
  return lines.join('\n');
}

/** The alerts as counts per kind and topic (the IDs are in the alerts file), and where to see them. */
export function alertLines(alerts: readonly AlertLine[], where: { readonly alertsFile?: string; readonly check: string }): string[] {
  if (alerts.length === 0) return ['  alerts            0'];
  const groups = new Map<string, { count: number; top: number }>();
  for (const a of alerts) {
    const key = `${a.kind} ${a.topic}`;
    const g = groups.get(key) ?? { count: 0, top: 0 };
    groups.set(key, { count: g.count + 1, top: Math.max(g.top, a.severity) });
  }
  const resolved = alerts.filter((a) => a.resolved).length;
  const counts = [...groups.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([key, g]) => `${key} ${g.count}${g.top > 0 ? ` (up to ${g.top}/10)` : ''}`);
  const shown = counts.slice(0, 6).join(', ') + (counts.length > 6 ? `, and ${counts.length - 6} more kinds/topics` : '');
  return [
    `  alerts            ${alerts.length} messages${resolved ? ` (${resolved} of them resolutions)` : ''}: ${shown}`,
    `                    each one: ${where.alertsFile ?? 'run with --out DIR for DIR/alerts.jsonl'}; their books: ${where.check}`,
  ];
}
