/**
 * The watch topics a running function matches and names: the config file's, with the console's
 * additions and edits on top (a stored topic replaces the config's of the same name; a disabled
 * one matches nothing). Loaded once per cold start and reloaded when older than `maxAgeMs`, so
 * a topic added in the console during an incident reaches every classifier within minutes,
 * without a deploy.
 */
import type { WatchTopic } from '../config';
import type { StoredTopic, TopicStore } from '../pipeline/ports';
import { ReloadWhenStale } from '../stale';
import { makeTopicMatcher, type TopicMatcher, type TopicRule } from './topics';

const TOPICS_MAX_AGE_MS = 2 * 60 * 1000;

/** A watch topic in effect, and where it comes from. */
export interface EffectiveTopic extends TopicRule {
  readonly label: string;
  readonly query?: string;
  readonly disabled: boolean;
  readonly stored?: StoredTopic;
}

/** The config's topics with the stored ones over them, in the config's order, then the added ones by name. */
export function effectiveTopics(config: readonly WatchTopic[], stored: readonly StoredTopic[]): EffectiveTopic[] {
  const byName = new Map(stored.map((t) => [t.name, t]));
  const fromConfig = config.map((t): EffectiveTopic => {
    const over = byName.get(t.name);
    return over ? { ...over, stored: over } : { ...t, disabled: false };
  });
  const known = new Set(config.map((t) => t.name));
  const added = stored
    .filter((t) => !known.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t): EffectiveTopic => ({ ...t, stored: t }));
  return [...fromConfig, ...added];
}

export class LiveTopics {
  private topics: readonly EffectiveTopic[];
  /** Compiled on first use after each load: the aggregator and the digest only name topics. */
  private compiled: TopicMatcher | undefined;
  private readonly reload: ReloadWhenStale | undefined;

  constructor(
    private readonly config: readonly WatchTopic[],
    store: TopicStore | undefined,
    now: () => number = Date.now,
    maxAgeMs = TOPICS_MAX_AGE_MS,
  ) {
    this.topics = effectiveTopics(config, []);
    this.reload = store ? new ReloadWhenStale(() => this.load(store), now, maxAgeMs) : undefined;
  }

  /** Topics in effect now: the config's until the store has been read. */
  get all(): readonly EffectiveTopic[] {
    return this.topics;
  }

  /** The matcher of the enabled topics. */
  matcher(): TopicMatcher {
    return (this.compiled ??= makeTopicMatcher(this.topics.filter((t) => !t.disabled)));
  }

  /** How alerts name a topic: its label, also for a topic added in the console. */
  label(name: string): string | undefined {
    return this.topics.find((t) => t.name === name)?.label;
  }

  /** Reloads from the store when the loaded copy is stale, or when `force`d (the console after a change); shared/stale.ts. */
  async refresh(force = false): Promise<void> {
    await this.reload?.refresh(force);
  }

  private async load(store: TopicStore): Promise<void> {
    this.topics = effectiveTopics(this.config, await store.all());
    this.compiled = undefined;
  }
}
