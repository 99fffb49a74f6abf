import { mulberry32 } from '../prng';

/**
 * Every choice a scenario makes, drawn from one seeded generator: the same seed and the same
 * calls in the same order give the same bytes on every platform.
 */
export class Dice {
  constructor(readonly random: () => number) {}

  static seeded(seed: number): Dice {
    return new Dice(mulberry32(seed));
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A few items are drawn often, most rarely (a few people post a lot, most once or twice). */
  skewed<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * this.random() * items.length)]!;
  }

  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** A heavy-tailed count (followers, likes): exp of a normal-ish variable. */
  heavy(median: number, spread: number): number {
    const normal = (this.random() + this.random() + this.random() + this.random() - 2) * 1.7;
    return Math.max(0, Math.round(median * Math.exp(normal * spread)));
  }

  /** A time in [from, to), whole seconds, drawn uniformly. */
  between(from: number, to: number): number {
    return from + Math.floor((this.random() * (to - from)) / 1000) * 1000;
  }
}
