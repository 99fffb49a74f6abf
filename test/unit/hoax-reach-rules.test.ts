/** The hoax and reach alert rules: counts in, decisions out. */
import { countsAsHoax, evaluateHoaxSpread } from '../../shared/alerts/hoax';
import { evaluateReach } from '../../shared/alerts/reach';
import { HoaxAlertRuleSchema, ReachAlertRuleSchema } from '../../shared/config';

const hoaxRule = HoaxAlertRuleSchema.parse({});
const reachRule = ReachAlertRuleSchema.parse({});

describe('hoax spread', () => {
  it('fires at the minimum of distinct accounts, not before', () => {
    expect(evaluateHoaxSpread({ authors: 4, followers: 0, knownClaim: true }, hoaxRule).fire).toBe(false);
    expect(evaluateHoaxSpread({ authors: 5, followers: 0, knownClaim: false }, hoaxRule)).toEqual({ fire: true, severity: 4 });
  });

  it('grows two steps per doubling of the accounts, one for a debunked claim, up to two for reach, at most 10', () => {
    const sev = (authors: number, followers = 0, knownClaim = false): number =>
      evaluateHoaxSpread({ authors, followers, knownClaim }, hoaxRule).severity;
    expect(sev(10)).toBe(6);
    expect(sev(20)).toBe(8);
    expect(sev(10, 0, true)).toBe(7);
    expect(sev(10, 25_000)).toBe(8);
    expect(sev(10, 900_000)).toBe(8);
    expect(sev(5_000, 900_000, true)).toBe(10);
  });

  it('only posts at the minimum hoax level count', () => {
    expect(countsAsHoax('low', hoaxRule)).toBe(false);
    expect(countsAsHoax('medium', hoaxRule)).toBe(true);
    expect(countsAsHoax('medium', { minLevel: 'high' })).toBe(false);
    expect(countsAsHoax('high', { minLevel: 'high' })).toBe(true);
  });
});

describe('reach', () => {
  const post = { followers: 0, reposts: 0, complaint: false, hoaxLike: false };

  it('a complaint about a watch topic alerts only once it went viral, however large the account', () => {
    expect(evaluateReach({ ...post, complaint: true, followers: 2_000_000, reposts: 10 }, reachRule).fire).toBe(false);
    expect(evaluateReach({ ...post, complaint: true, reposts: 1_000 }, reachRule)).toMatchObject({
      fire: true,
      severity: 5,
      by: 'reposts',
    });
    expect(evaluateReach({ ...post, complaint: true, reposts: 10_000 }, reachRule).severity).toBe(7);
  });

  it('a hoax-like post alerts from a large account even before it spreads, two steps higher', () => {
    expect(evaluateReach({ ...post, hoaxLike: true, followers: 100_000 }, reachRule)).toMatchObject({
      fire: true,
      severity: 7,
      by: 'followers',
    });
    expect(evaluateReach({ ...post, hoaxLike: true, followers: 99_999 }, reachRule).fire).toBe(false);
  });

  it('a large post that is neither a complaint nor hoax-like alerts nobody', () => {
    expect(evaluateReach({ ...post, followers: 5_000_000, reposts: 50_000 }, reachRule).fire).toBe(false);
  });
});
