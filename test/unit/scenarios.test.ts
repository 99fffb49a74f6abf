/** The scenario generators behind `npm run demo:make` and `npm run load:make`: seeded, in contract, stable. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../shared/config';
import { PostSchema } from '../../shared/post';
import { makeDemoDay } from '../../scripts/scenarios/demo/make';
import { checkDay } from '../../scripts/scenarios/demo/self-check';
import { Dice } from '../../scripts/scenarios/dice';
import { jsonLine } from '../../scripts/scenarios/jsonl';
import { loadLines } from '../../scripts/scenarios/load/write';
import { fillTemplate } from '../../scripts/scenarios/text';

const ROOT = join(__dirname, '..', '..');

describe('Dice', () => {
  it('draws the same sequence from the same seed', () => {
    const draw = (dice: Dice): unknown[] => [dice.int(1, 6), dice.pick(['a', 'b', 'c']), dice.weighted({ x: 1, y: 2 }), dice.heavy(100, 1)];
    expect(draw(Dice.seeded(7))).toEqual(draw(Dice.seeded(7)));
    expect(draw(Dice.seeded(7))).not.toEqual(draw(Dice.seeded(8)));
  });

  it('keeps draws in range, and refuses to pick from nothing', () => {
    const dice = Dice.seeded(1);
    for (let i = 0; i < 200; i++) {
      const n = dice.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      const at = dice.between(10_000, 20_000);
      expect(at % 1000).toBe(0);
      expect(at).toBeGreaterThanOrEqual(10_000);
      expect(at).toBeLessThan(20_000);
    }
    expect(() => dice.pick([])).toThrow('pick from an empty list');
  });
});

describe('fillTemplate', () => {
  it('fills slots from the post first, then from the draw, and tidies the spacing an empty slot leaves', () => {
    expect(fillTemplate('Banjir di {place} {emoji} !', { place: 'Kemang' }, () => '')).toBe('Banjir di Kemang!');
    expect(fillTemplate('{a} dan {b}', { a: 'satu' }, (slot) => slot.toUpperCase())).toBe('satu dan B');
  });
});

describe('the load', () => {
  const options = { count: 400, seed: 11, days: 1 };

  it('is the same for the same seed, and every line keeps contract v1', async () => {
    const lines = await loadLines(options);
    expect(await loadLines(options)).toEqual(lines);
    expect(lines).toHaveLength(options.count);
    for (const line of lines) expect(PostSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });

  it('repeats an earlier post only as the same bytes', async () => {
    const lines = await loadLines(options);
    const byKey = new Map<string, string>();
    for (const line of lines) {
      const post = JSON.parse(line) as { source: string; id: string };
      const key = `${post.source}#${post.id}`;
      expect(byKey.get(key) ?? line).toBe(line);
      byKey.set(key, line);
    }
    expect(byKey.size).toBeLessThan(lines.length);
  });
});

describe('the demo day', () => {
  it('is what demo/jakarta-day.jsonl holds, byte for byte, and passes its own self-check', () => {
    const { drafts, posts } = makeDemoDay();
    expect(posts.map(jsonLine).join('')).toBe(readFileSync(join(ROOT, 'demo', 'jakarta-day.jsonl'), 'utf8'));
    expect(checkDay(drafts, posts.length, loadConfig(join(ROOT, 'pantau.config.json'))).failures).toEqual([]);
  });
});
