/** The file collector's core over in-memory ports: pages, checkpoints, invalid lines. */
import { appendFileSync } from 'node:fs';
import { collectFile, FILE_COLLECTOR, type FileCollectorDeps } from '../../shared/pipeline/collect-file';
import type { Checkpoint, DeadLetter, OutgoingPost } from '../../shared/pipeline/ports';
import { makePost, writePostsFile } from '../helpers/posts';

function memoryDeps(opts: { failSendAfter?: number } = {}) {
  const sent: OutgoingPost[] = [];
  const dead: DeadLetter[] = [];
  const checkpoints = new Map<string, Checkpoint>();
  const deps: FileCollectorDeps = {
    queue: {
      async sendAll(posts) {
        if (opts.failSendAfter !== undefined && sent.length + posts.length > opts.failSendAfter) throw new Error('queue unavailable');
        sent.push(...posts);
        return [];
      },
    },
    deadLetters: { send: async (l) => void dead.push(l) },
    checkpoints: {
      get: async (c, k) => checkpoints.get(`${c}|${k}`),
      put: async (c, k, v) => void checkpoints.set(`${c}|${k}`, v),
    },
    now: () => Date.parse('2026-11-27T00:00:00Z'),
  };
  return { deps, sent, dead, checkpoints };
}

test('sends valid lines page by page and reports invalid ones with their line numbers', async () => {
  const path = writePostsFile([
    makePost({ id: 'a' }),
    '{"v":1,',
    '',
    makePost({ id: 'b' }),
    JSON.stringify({ v: 1, source: 'file', id: 'c', createdAt: '2026-11-27T00:00:00Z' }),
    makePost({ id: 'd' }),
  ]);
  const { deps, sent, dead } = memoryDeps();
  const pages: number[] = [];
  const result = await collectFile({ path, checkpointKey: path, pageSize: 2, onPage: (p) => pages.push(p.line) }, deps);

  expect(sent.map((p) => p.key)).toEqual(['file#a', 'file#b', 'file#d']);
  expect(result).toMatchObject({ read: 5, sent: 3, done: true, lastLine: 6 });
  expect(result.invalid.map((i) => i.line)).toEqual([2, 5]);
  expect(dead.map((d) => d.line)).toEqual([2, 5]);
  expect(dead[1]?.reason).toMatch(/^line 5: invalid post: text: required/);
  expect(pages).toEqual([2, 5, 6]);
  // collectedAt is stamped when the source did not give one
  expect(JSON.parse(sent[0]!.body).collectedAt).toBe('2026-11-27T00:00:00.000Z');
});

test('a rerun resumes after the checkpoint, and picks up appended lines only', async () => {
  const path = writePostsFile([makePost({ id: 'a' }), makePost({ id: 'b' })]);
  const { deps, sent } = memoryDeps();
  await collectFile({ path, checkpointKey: path, pageSize: 10 }, deps);
  const rerun = await collectFile({ path, checkpointKey: path, pageSize: 10 }, deps);
  expect(rerun.read).toBe(0);
  appendFileSync(path, `${JSON.stringify(makePost({ id: 'c' }))}\n`);
  const appended = await collectFile({ path, checkpointKey: path, pageSize: 10 }, deps);
  expect(appended).toMatchObject({ read: 1, sent: 1, firstLine: 3 });
  expect(sent.map((p) => p.key)).toEqual(['file#a', 'file#b', 'file#c']);
});

test('a failure mid-file keeps the checkpoint at the last page sent, so the next run has no gap', async () => {
  const posts = Array.from({ length: 6 }, (_, i) => makePost({ id: `p${i}` }));
  const path = writePostsFile(posts);
  const failing = memoryDeps({ failSendAfter: 4 });
  await expect(collectFile({ path, checkpointKey: path, pageSize: 2 }, failing.deps)).rejects.toThrow('queue unavailable');
  expect(failing.checkpoints.get(`${FILE_COLLECTOR}|${path}`)?.line).toBe(4);

  const next = memoryDeps();
  const resumed = await collectFile({ path, checkpointKey: path, pageSize: 2 }, { ...next.deps, checkpoints: failing.deps.checkpoints });
  expect(resumed.firstLine).toBe(5);
  expect([...failing.sent, ...next.sent].map((p) => p.key)).toEqual(posts.map((p) => `file#${p.id}`));
});

test('stops between pages when asked, leaving the rest for the next run', async () => {
  const path = writePostsFile(Array.from({ length: 5 }, (_, i) => makePost({ id: `s${i}` })));
  const { deps, sent } = memoryDeps();
  let pages = 0;
  const result = await collectFile(
    { path, checkpointKey: path, pageSize: 2, shouldStop: () => pages >= 1, onPage: () => (pages += 1) },
    deps,
  );
  expect(result.done).toBe(false);
  expect(sent).toHaveLength(2);
});
