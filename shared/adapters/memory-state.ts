/**
 * In-memory collector state: what `pantau collect --dry-run` uses (it neither reads nor moves the
 * saved checkpoint), and the base of the local file-backed state.
 */
import type { CollectorState, ReadBudget, RunLock } from '../pipeline/ports';

export interface StateSnapshot {
  values: Record<string, unknown>;
  budget: Record<string, number>;
}

export class MemoryCollectorState implements CollectorState, RunLock, ReadBudget {
  protected readonly values: Map<string, unknown>;
  protected readonly budget: Map<string, number>;
  private readonly locks = new Map<string, { holder: string; until: number }>();

  constructor(
    snapshot: StateSnapshot = { values: {}, budget: {} },
    private readonly now: () => number = Date.now,
  ) {
    this.values = new Map(Object.entries(snapshot.values));
    this.budget = new Map(Object.entries(snapshot.budget));
  }

  snapshot(): StateSnapshot {
    return { values: Object.fromEntries(this.values), budget: Object.fromEntries(this.budget) };
  }

  /** Called after every change; the file-backed state saves here. */
  protected changed(): void {}

  async get(collector: string, key: string): Promise<unknown> {
    const value = this.values.get(`${collector}/${key}`);
    // A copy, as a store would return: the caller's changes stay theirs until put.
    return value === undefined ? undefined : structuredClone(value);
  }

  async put(collector: string, key: string, value: unknown): Promise<void> {
    this.values.set(`${collector}/${key}`, structuredClone(value));
    this.changed();
  }

  async acquire(collector: string, holder: string, ttlMs: number): Promise<boolean> {
    const held = this.locks.get(collector);
    if (held && held.holder !== holder && held.until >= this.now()) return false;
    this.locks.set(collector, { holder, until: this.now() + ttlMs });
    return true;
  }

  async release(collector: string, holder: string): Promise<void> {
    if (this.locks.get(collector)?.holder === holder) this.locks.delete(collector);
  }

  async reserve(day: string, wanted: number, cap: number): Promise<number> {
    const granted = Math.max(0, Math.min(wanted, cap - (this.budget.get(day) ?? 0)));
    if (granted > 0) {
      this.budget.set(day, (this.budget.get(day) ?? 0) + granted);
      this.changed();
    }
    return granted;
  }

  async refund(day: string, unused: number): Promise<void> {
    if (unused <= 0) return;
    this.budget.set(day, (this.budget.get(day) ?? 0) - unused);
    this.changed();
  }

  async spent(day: string): Promise<number> {
    return this.budget.get(day) ?? 0;
  }
}
