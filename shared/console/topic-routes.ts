/** The console's watch-topic routes: the topics in effect and their log; add, edit, disable, enable. */
import { Hono, type Context } from 'hono';
import type { EffectiveTopic } from '../classify/live-topics';
import type { StoredTopic } from '../pipeline/ports';
import type { ConsoleDeps } from './app';
import { TopicInputSchema, type ApiError, type TopicList, type TopicView } from './contract';
import { BadRequest, canWrite, jsonBody, parseBody, refused, type ConsoleEnv } from './request';

export function topicRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const now = deps.now ?? Date.now;
  const app = new Hono<ConsoleEnv>();

  app.get('/topics', async (c) => {
    await deps.topics.refresh();
    return c.json<TopicList>({ items: deps.topics.all.map(topicView), changes: await deps.topicStore.changes(50) });
  });

  /** Writes a topic over the version it was read at; 409 when another change came first. */
  const writeTopic = async (
    c: Context<ConsoleEnv>,
    rules: Omit<StoredTopic, 'disabled' | 'updatedAt' | 'updatedBy' | 'version'>,
    disabled: boolean,
    action: 'add' | 'edit' | 'disable' | 'enable',
    before?: EffectiveTopic,
  ) => {
    const at = new Date(now()).toISOString();
    const by = c.get('identity').user;
    const stored: StoredTopic = { ...rules, disabled, updatedAt: at, updatedBy: by, version: (before?.stored?.version ?? 0) + 1 };
    const changed = changedFields(before, stored);
    const written = await deps.topicStore.put(stored, { at, by, action, topic: rules.name, changed });
    if (!written)
      return c.json<ApiError>({ error: `topic ${rules.name} was changed by someone else meanwhile: reload and try again` }, 409);
    await deps.topics.refresh(true);
    return c.json<TopicView>(topicView({ ...stored, stored }), action === 'add' ? 201 : 200);
  };

  /** A write reads the topic as stored now, not as loaded a few seconds ago. */
  const topicNamed = async (name: string): Promise<EffectiveTopic | undefined> => {
    await deps.topics.refresh(true);
    return deps.topics.all.find((t) => t.name === name);
  };

  app.post('/topics', async (c) => {
    if (!canWrite(c, deps.officersGroup)) return refused(c, deps.officersGroup);
    const input = parseBody(TopicInputSchema, await jsonBody(c));
    if (await topicNamed(input.name))
      return c.json<ApiError>({ error: `topic ${input.name} already exists: edit it instead`, field: 'name' }, 409);
    return writeTopic(c, input, false, 'add');
  });

  app.put('/topics/:name', async (c) => {
    if (!canWrite(c, deps.officersGroup)) return refused(c, deps.officersGroup);
    const name = c.req.param('name');
    const input = parseBody(TopicInputSchema, await jsonBody(c));
    if (input.name !== name)
      throw new BadRequest('name', `name must stay ${name}: a topic is renamed by adding a new one and disabling this`);
    const before = await topicNamed(name);
    if (!before) return c.json<ApiError>({ error: `no watch topic ${name}` }, 404);
    return writeTopic(c, input, before.disabled, 'edit', before);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/topics/:name/${action}`, async (c) => {
      if (!canWrite(c, deps.officersGroup)) return refused(c, deps.officersGroup);
      const before = await topicNamed(c.req.param('name'));
      if (!before) return c.json<ApiError>({ error: `no watch topic ${c.req.param('name')}` }, 404);
      const { name, label, keywords, all, exclude, query } = before;
      const rules = { name, label, keywords, all: all ?? [], exclude: exclude ?? [], ...(query !== undefined ? { query } : {}) };
      return writeTopic(c, rules, action === 'disable', action, before);
    });
  }

  return app;
}

function topicView(t: EffectiveTopic): TopicView {
  return {
    name: t.name,
    label: t.label,
    keywords: t.keywords,
    all: t.all ?? [],
    exclude: t.exclude ?? [],
    ...(t.query !== undefined ? { query: t.query } : {}),
    disabled: t.disabled,
    origin: t.stored ? 'console' : 'config',
    ...(t.stored ? { updatedAt: t.stored.updatedAt, updatedBy: t.stored.updatedBy } : {}),
  };
}

const TOPIC_FIELDS = ['label', 'keywords', 'all', 'exclude', 'query', 'disabled'] as const;

function changedFields(before: EffectiveTopic | undefined, after: StoredTopic): string[] {
  if (!before) return ['name', ...TOPIC_FIELDS.filter((f) => after[f] !== undefined)];
  const shape = (t: Partial<Record<(typeof TOPIC_FIELDS)[number], unknown>>, f: (typeof TOPIC_FIELDS)[number]) =>
    JSON.stringify(t[f] ?? (f === 'all' || f === 'exclude' ? [] : null));
  return TOPIC_FIELDS.filter((f) => shape(before, f) !== shape(after, f));
}
