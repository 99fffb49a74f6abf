/**
 * The alert as the notifier receives it: the JSON the classifier publishes under the topic's
 * `lambda` key (shared/adapters/sns.ts), checked far enough to format it. Fields added later pass
 * through untouched.
 */
import * as z from 'zod';
import { ALERT_KINDS, type Alert } from '../alerts/alert';
import { describeIssues } from '../post';

const isoTime = z.iso.datetime({ offset: true });
const named = z.array(z.object({ name: z.string(), count: z.number() }));

const AlertMessageSchema = z.looseObject({
  alertId: z.string().min(1),
  kind: z.enum(ALERT_KINDS),
  topic: z.string().min(1),
  topicLabel: z.string().min(1),
  severity: z.number().int().min(1).max(10),
  revision: z.number().int().min(1),
  firedAt: isoTime,
  windowStart: isoTime,
  windowEnd: isoTime,
  observed: z.number(),
  expected: z.number(),
  ratio: z.number(),
  windowTotal: z.number(),
  places: named,
  cities: named,
  samples: z.array(
    z.looseObject({
      postKey: z.string(),
      text: z.string(),
      url: z.string().optional(),
      author: z.string().optional(),
      createdAt: z.string(),
    }),
  ),
  claim: z.object({ text: z.string(), rating: z.string(), source: z.string() }).optional(),
  indicators: z.array(z.object({ name: z.string(), evidence: z.array(z.string()) })).optional(),
  followers: z.number().optional(),
  reposts: z.number().optional(),
});

export type AlertMessage = { readonly ok: true; readonly alert: Alert } | { readonly ok: false; readonly reason: string };

/** Reads an SNS message as an alert; when it is not one, the reason names the bad field. */
export function parseAlertMessage(message: string): AlertMessage {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const result = AlertMessageSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: `not an alert: ${describeIssues(result.error, value, '(alert)')}` };
  return { ok: true, alert: result.data };
}
