/**
 * The claims store on DynamoDB Local, and `pantau claims import` as a user runs it: a child
 * process that starts DynamoDB Local on a data folder, writes, and stops it again.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CLAIM_PK, DynamoClaimStore } from '../../shared/adapters/claims';
import type { ClaimRecord } from '../../shared/claims/types';
import { testStack, type TestStack } from '../helpers/local-stack';

const ROOT = resolve(__dirname, '../..');
const PANTAU = join(ROOT, 'bin', 'pantau.js');

let stack: TestStack;

beforeAll(async () => {
  stack = await testStack('claims');
});

afterAll(async () => {
  await stack?.stop();
});

const claim = (i: number): ClaimRecord => ({
  id: `c-${String(i).padStart(3, '0')}`,
  text: `Klaim nomor ${i}: bantuan sosial dibagikan lewat tautan pendaftaran di grup WhatsApp`,
  rating: i % 2 === 0 ? 'penipuan' : 'salah',
  source: `https://turnbackhoax.id/?s=klaim+${i}`,
  ...(i % 3 === 0 ? { topic: 'penipuan' } : {}),
});

describe('DynamoClaimStore', () => {
  test('puts 60 claims (three batches) and reads every one back; a put by the same id replaces it', async () => {
    const store = new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state, { now: () => Date.parse('2026-11-27T01:00:00Z') });
    const claims = Array.from({ length: 60 }, (_, i) => claim(i));
    expect(await store.put(claims)).toBe(60);
    expect(await store.all()).toEqual(claims);

    const item = await stack.clients.doc.send(
      new GetCommand({ TableName: stack.resources.tables.state, Key: { pk: CLAIM_PK, sk: 'c-003' } }),
    );
    const { id: _id, ...fields } = claim(3);
    // No TTL attribute: claims stay until replaced.
    expect(item.Item).toStrictEqual({ pk: 'CLAIM', sk: 'c-003', ...fields, importedAt: '2026-11-27T01:00:00.000Z' });

    const replaced: ClaimRecord = {
      id: 'c-010',
      text: 'Klaim yang diperbarui oleh tim cek fakta',
      rating: 'menyesatkan',
      source: 'https://cekfakta.com/x',
    };
    expect(await store.put([replaced])).toBe(1);
    const after = await store.all();
    expect(after).toHaveLength(60);
    expect(after.find((c) => c.id === 'c-010')).toEqual(replaced);
    expect(after.filter((c) => c.id !== 'c-010')).toEqual(claims.filter((c) => c.id !== 'c-010'));
  });

  test('repeated ids in one put are written once, the later claim kept', async () => {
    const store = new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state);
    const first = { ...claim(900), id: 'dup-1' };
    const later = { ...first, rating: 'konten_palsu' as const };
    expect(await store.put([first, { ...claim(901), id: 'dup-2' }, later])).toBe(2);
    const stored = (await store.all()).filter((c) => c.id.startsWith('dup-'));
    expect(stored.map((c) => [c.id, c.rating])).toEqual([
      ['dup-1', 'konten_palsu'],
      ['dup-2', 'salah'],
    ]);
  });

  test('items DynamoDB leaves unprocessed are retried until written', async () => {
    // The real client, except that the first batch write only writes half and reports the rest unprocessed.
    const real = stack.clients.doc;
    let throttled = false;
    const flaky = {
      send: async (command: unknown) => {
        if (!throttled && command instanceof BatchWriteCommand) {
          throttled = true;
          const [table, requests] = Object.entries(command.input.RequestItems ?? {})[0] ?? ['', []];
          const half = Math.ceil(requests.length / 2);
          await real.send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, half) } }));
          return { UnprocessedItems: { [table]: requests.slice(half) } };
        }
        return real.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const sleeps: number[] = [];
    const store = new DynamoClaimStore(flaky, stack.resources.tables.state, { sleep: async (ms) => void sleeps.push(ms) });
    const claims = Array.from({ length: 25 }, (_, i) => ({ ...claim(i), id: `retry-${String(i).padStart(2, '0')}` }));

    expect(await store.put(claims)).toBe(25);
    expect(throttled).toBe(true);
    expect(sleeps).toHaveLength(1);
    expect((await store.all()).filter((c) => c.id.startsWith('retry-'))).toEqual(claims);
  });
});

describe('pantau claims import', () => {
  function pantau(args: string[]): SpawnSyncReturns<string> {
    return spawnSync(process.execPath, [PANTAU, ...args], { cwd: ROOT, encoding: 'utf8', env: process.env, timeout: 120_000 });
  }

  test('imports the good lines into the data folder, names the bad line, exits 1; list reads them back', () => {
    const work = mkdtempSync(join(tmpdir(), 'pantau-claims-'));
    const data = join(work, 'data');
    const file = join(work, 'claims.jsonl');
    const good = [claim(1), claim(2), claim(3)];
    writeFileSync(
      file,
      [
        JSON.stringify(good[0]),
        '',
        JSON.stringify(good[1]),
        JSON.stringify({ ...claim(4), rating: 'bohong' }),
        JSON.stringify(good[2]),
      ].join('\n') + '\n',
    );

    const imported = pantau(['claims', 'import', file, '--data', data]);
    expect(imported.stdout).toContain(`imported 3 claims from ${file}; 1 line rejected`);
    expect(imported.stdout).toMatch(
      /line 4: rating must be one of salah, menyesatkan, konten_palsu, konteks_keliru, penipuan \(got "bohong"\)/,
    );
    expect(imported.status).toBe(1);

    const listed = pantau(['claims', 'list', '--data', data]);
    expect(listed.status).toBe(0);
    expect(listed.stderr).toContain(`3 claims stored in ${data}`);
    const back = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ClaimRecord);
    expect(back).toEqual(good);
    // DynamoDB Local ran on the data folder and is gone again.
    const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
    expect(ps.stdout.split('\n').filter((l) => l.includes('DynamoDBLocal') && l.includes(data))).toEqual([]);

    // A run that starts the tables afresh imports the kept copy again.
    const posts = join(work, 'posts.jsonl');
    const post = { v: 1, source: 'x', id: '1', text: 'Banjir di Kemang sore ini', createdAt: '2026-11-26T08:00:00Z' };
    writeFileSync(posts, `${JSON.stringify(post)}\n`);
    const run = pantau(['run', '--posts', posts, '--data', data]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`3 imported claims restored from ${join(data, 'claims.jsonl')}`);
    const after = pantau(['claims', 'list', '--data', data]);
    expect(after.stderr).toContain(`3 claims stored in ${data}`);
  });

  test('usage errors exit 2: no file, a file that is not there', () => {
    const noFile = pantau(['claims', 'import']);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/claims import: FILE\.jsonl is required/);
    const missing = pantau(['claims', 'import', join(tmpdir(), 'pantau-no-such-claims.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/claims file \S*pantau-no-such-claims\.jsonl not found/);
  });
});
