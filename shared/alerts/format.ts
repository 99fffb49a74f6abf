/**
 * How an alert reads on the officer's phone: what is happening, where, how big compared with
 * normal, the evidence, and a first step. Indonesian by default, English on request.
 */
import { formatJakarta } from '../time';
import type { Alert } from './alert';

export type AlertLanguage = 'id' | 'en';

const one = (n: number): string => (Math.round(n * 10) / 10).toLocaleString('en-US');

export function alertSubject(alert: Alert, lang: AlertLanguage = 'id'): string {
  const update = alert.revision > 1 ? (lang === 'id' ? ' (pembaruan)' : ' (update)') : '';
  const text =
    lang === 'id'
      ? `[Pantau ${alert.severity}/10] Lonjakan keluhan: ${alert.topicLabel}${update}`
      : `[Pantau ${alert.severity}/10] Spike in complaints: ${alert.topicLabel}${update}`;
  return text.slice(0, 100);
}

export function alertText(alert: Alert, lang: AlertLanguage = 'id'): string {
  const windowMinutes = Math.round((Date.parse(alert.windowEnd) - Date.parse(alert.windowStart)) / 60_000);
  const named = (list: Alert['places']): string =>
    list
      .slice(0, 3)
      .map((p) => `${p.name} (${p.count})`)
      .join(', ');
  const where = [named(alert.places), named(alert.cities)].filter(Boolean).join('; ');
  const lines: string[] = [alertSubject(alert, lang)];
  if (lang === 'id') {
    lines.push(
      `${alert.observed} unggahan negatif tentang ${alert.topicLabel.toLowerCase()} dalam ${windowMinutes} menit hingga ${formatJakarta(Date.parse(alert.windowEnd))}: ${one(alert.ratio)}x dari biasanya (perkiraan ${one(alert.expected)}).`,
    );
    if (where) lines.push(`Lokasi terbanyak: ${where}.`);
  } else {
    lines.push(
      `${alert.observed} negative posts about ${alert.topicLabel.toLowerCase()} in the ${windowMinutes} minutes to ${formatJakarta(Date.parse(alert.windowEnd))}: ${one(alert.ratio)}x the usual (expected ${one(alert.expected)}).`,
    );
    if (where) lines.push(`Most mentioned places: ${where}.`);
  }
  for (const sample of alert.samples.slice(0, 3)) {
    const text = sample.text.length > 140 ? `${sample.text.slice(0, 137)}...` : sample.text;
    lines.push(`- "${text.replace(/\s+/g, ' ')}"${sample.url ? ` ${sample.url}` : ''}`);
  }
  lines.push(
    lang === 'id'
      ? 'Langkah pertama: cek kondisi lapangan dengan dinas terkait, lalu siapkan tanggapan resmi di kanal Pemprov.'
      : 'First step: check the situation with the responsible agency, then prepare an official response on the city channels.',
  );
  lines.push(`ID: ${alert.alertId}${alert.revision > 1 ? ` (rev ${alert.revision})` : ''}`);
  return lines.join('\n');
}

/** SMS: one short line. */
export function alertSms(alert: Alert, lang: AlertLanguage = 'id'): string {
  const place = alert.places[0] ? ` ${alert.places[0].name}` : '';
  return lang === 'id'
    ? `Pantau ${alert.severity}/10: ${alert.observed} keluhan ${alert.topicLabel.toLowerCase()}${place}, ${one(alert.ratio)}x biasanya. ${alert.alertId}`
    : `Pantau ${alert.severity}/10: ${alert.observed} complaints, ${alert.topicLabel.toLowerCase()}${place}, ${one(alert.ratio)}x usual. ${alert.alertId}`;
}
