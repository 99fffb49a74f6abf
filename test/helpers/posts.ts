/** Post factories for tests (contract v1). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Post } from '../../shared/post';

let seq = 0;

export function makePost(overrides: Partial<Post> = {}): Post {
  seq += 1;
  return {
    v: 1,
    source: 'file',
    id: `t-${seq}`,
    text: 'Jalanan lancar pagi ini',
    createdAt: '2026-11-26T03:00:00Z',
    ...overrides,
  };
}

/** Writes posts (objects or raw lines) to a JSON-lines file in a fresh temp folder. */
export function writePostsFile(lines: readonly (Post | string)[], name = 'posts.jsonl'): string {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-test-'));
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

/** `count` negative flood complaints from distinct accounts, one a minute from `startIso`. */
export function floodBurst(count: number, startIso: string, idPrefix = 'flood'): Post[] {
  const complaints = [
    'Banjir lagi di Kemang, air udah sepinggang, parah banget! Pemerintah gak becus',
    'Kemang banjir parah, mobil mogok semua, kecewa berat sama penanganan banjir',
    'Rumah kebanjiran lagi di Kemang, sedih dan kesal, pompa air rusak',
    'Banjir di Kemang makin tinggi, warga terjebak, lambat banget penanganannya',
  ];
  const start = Date.parse(startIso);
  return Array.from({ length: count }, (_, i) =>
    makePost({
      id: `${idPrefix}-${i + 1}`,
      text: `${complaints[i % complaints.length]} #${i + 1}`,
      createdAt: new Date(start + i * 60_000).toISOString(),
      url: `https://x.com/i/status/${idPrefix}${i + 1}`,
      author: { id: `a${i}`, handle: `warga_${i}`, followers: 100 + i },
    }),
  );
}
