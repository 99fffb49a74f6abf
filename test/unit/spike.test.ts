import { evaluateSpike, spikeSeverity } from '../../shared/alerts/spike';
import { parseConfig } from '../../shared/config';

const rule = parseConfig({ topics: [{ name: 't', label: 'T', keywords: ['tt'] }] }).alerts.spike;
const counts = (windowNegative: number, shortBaselineNegative = 0, pastDaysNegative: number[] = []) => ({
  windowNegative,
  windowTotal: windowNegative * 2,
  shortBaselineNegative,
  pastDaysNegative,
});

describe('spike rule', () => {
  test('needs the minimum count even when the baseline is zero (a quiet night)', () => {
    expect(evaluateSpike(counts(rule.minCount - 1), rule).fire).toBe(false);
    const d = evaluateSpike(counts(rule.minCount), rule);
    expect(d.fire).toBe(true);
    expect(d.expectedFrom).toBe('floor');
    expect(d.expected).toBe(rule.minExpected);
  });

  test('compares with the short-term hourly rate', () => {
    // 12 h at 10 negative posts an hour: 10 expected in a 60-minute window.
    const d = evaluateSpike(counts(25, 120), rule);
    expect(d.expectedFrom).toBe('short');
    expect(d.expected).toBeCloseTo(10);
    expect(d.fire).toBe(false);
    expect(evaluateSpike(counts(30, 120), rule).fire).toBe(true);
  });

  test('the same window on past days raises the expectation (a normal rush hour is no spike)', () => {
    const d = evaluateSpike(counts(40, 0, [20, 30, 25]), rule);
    expect(d.expectedFrom).toBe('days');
    expect(d.expected).toBeCloseTo(25);
    expect(d.fire).toBe(false);
  });

  test('severity grows with the ratio and stays within 1..10', () => {
    const low = spikeSeverity(rule.ratio, rule.minCount, rule);
    const high = spikeSeverity(rule.ratio * 4, rule.minCount, rule);
    expect(low).toBe(3);
    expect(high).toBeGreaterThan(low);
    expect(spikeSeverity(1e6, 1e6, rule)).toBe(10);
    expect(evaluateSpike(counts(1), rule).severity).toBe(0);
  });
});
