/**
 * The `pantau` command as a user runs it: a child process that starts its own embedded stack.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const PANTAU = join(ROOT, 'bin', 'pantau.js');

function pantau(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [PANTAU, ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: opts.env ?? process.env,
    timeout: 120_000,
  });
}

/** DynamoDB Local processes whose command line names this data folder. */
function javaFor(dataDir: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((l) => l.includes('DynamoDBLocal') && l.includes(dataDir));
}

test('pantau run: bad lines reported with line numbers, counts add up, files written, nothing left running', () => {
  const work = mkdtempSync(join(tmpdir(), 'pantau-cli-'));
  const data = join(work, 'data');
  const out = join(work, 'out');
  const run = pantau(['run', '--posts', 'test/fixtures/mixed.jsonl', '--data', data, '--out', out]);

  expect(run.status).toBe(0);
  expect(run.stderr).toMatch(/rejected line 2: invalid post: text: required \(id mix-bad-1\)/);
  expect(run.stderr).toMatch(/rejected line 5: not JSON/);
  expect(run.stdout).toMatch(/read 12 = stored 8 \+ repeated 1 \+ failed 3/);

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(summary).toMatchObject({ read: 12, stored: 8, repeated: 1, failed: 3, addsUp: true });
  // The books' word: 11 distinct posts collected (the repeated line is one post), as pantau check says.
  expect(summary.books).toMatchObject({ collected: 11, stored: 8, deadLettered: 3, missing: 0, ok: true });
  expect(summary.deadLetters.map((d: { line: number }) => d.line).sort()).toEqual([2, 5, 9]);
  expect(existsSync(join(out, 'alerts.jsonl'))).toBe(true);
  // The tables stay in the data folder for later commands; the Java process does not.
  expect(existsSync(join(data, 'dynamodb', 'shared-local-instance.db'))).toBe(true);
  expect(javaFor(data)).toEqual([]);
});

test('pantau check: the books of the last run balance; a post collected and then lost is named, exit 1', () => {
  const data = join(mkdtempSync(join(tmpdir(), 'pantau-check-')), 'data');
  expect(pantau(['run', '--posts', 'test/fixtures/mixed.jsonl', '--data', data]).status).toBe(0);

  const check = pantau(['check', '--data', data]);
  expect(check.status).toBe(0);
  // Rejected lines count as collected: they are in the DLQ with their reasons.
  expect(check.stdout).toMatch(/collected 11 = stored 8 \+ in DLQ 3; stored twice 0; repeat deliveries absorbed 1/);
  expect(check.stdout).toMatch(/counters {2}\d+ checked against a recount of the posts, 0 wrong/);
  expect(check.stdout).toMatch(/books balance/);

  // A post the collector handed over that reached neither the table nor the DLQ.
  appendFileSync(join(data, 'journal', 'collected.txt'), 'file#ghost-1\n');
  const lost = pantau(['check', '--data', data, '--json']);
  expect(lost.status).toBe(1);
  const report = JSON.parse(lost.stdout);
  expect(report).toMatchObject({ ok: false, totals: { collected: 12, stored: 8, deadLettered: 3, missing: 1 } });
  expect(report.problems).toEqual(['file: 1 collected posts are neither stored nor in the DLQ: file#ghost-1']);
  expect(javaFor(data)).toEqual([]);
});

test('pantau check without a run in the data folder says so', () => {
  const empty = mkdtempSync(join(tmpdir(), 'pantau-check-none-'));
  const check = pantau(['check', '--data', empty]);
  expect(check.status).not.toBe(0);
  expect(check.stderr).toContain(`no run to check in ${empty}: run "pantau run" (or npm start) first, or give --data DIR`);
});

test('pantau classify: one line out per line in; a bad line gets an error in its place', () => {
  const input = [
    JSON.stringify({ id: '1', text: 'Banjir lagi, pemerintah gak becus!!' }),
    'not json',
    JSON.stringify({ id: '3' }),
    JSON.stringify({ id: '4', text: 'AWAS!! Pintu air Manggarai jebol, info dari orang dalam. SEBARKAN sebelum dihapus!!!' }),
  ].join('\n');
  const res = pantau(['classify'], { input });
  const lines = res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatchObject({
    id: '1',
    lang: 'id',
    sentiment: { label: 'negative' },
    hoax: { level: 'none', indicators: [] },
    topics: [{ name: 'banjir', matched: ['banjir'] }],
  });
  expect(lines[0].sentiment.score).toBeLessThan(0);
  expect(lines[1].error).toMatch(/not JSON/);
  expect(lines[2]).toEqual({ id: '3', error: 'text: required (a non-empty string)' });
  expect(lines[3].topics).toEqual([{ name: 'banjir', matched: ['pintu air', 'jebol'] }]);
  expect(lines[3].places).toEqual([{ name: 'Pintu Air Manggarai', kelurahan: 'Manggarai', kecamatan: 'Tebet', city: 'Jakarta Selatan' }]);
  expect(lines[3].hoax.level).toBe('high');
  expect(lines[3].hoax.indicators.map((i: { name: string }) => i.name)).toEqual(
    expect.arrayContaining(['call_to_share', 'alarm', 'hearsay']),
  );
  expect(res.status).toBe(1);
});

test('pantau run without Java says so in one line, with how to install it', () => {
  // A PATH holding node and nothing else.
  const bin = mkdtempSync(join(tmpdir(), 'pantau-nojava-'));
  mkdirSync(join(bin, 'b'));
  symlinkSync(process.execPath, join(bin, 'b', 'node'));
  const res = pantau(['run', '--data', join(bin, 'data')], { env: { ...process.env, PATH: join(bin, 'b') } });

  expect(res.status).toBe(2);
  const lines = res.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('pantau:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/Java is not installed.*apt-get install openjdk-17-jre-headless/);
});

test('a bad config is refused with the field named', () => {
  const res = pantau(['classify', '--config', 'test/fixtures/bad.config.json']);
  expect(res.status).toBe(2);
  expect(res.stderr).toMatch(/topics\.0\.keywords/);
});

test('every command answers --help and -h with its own usage and options, exit 0', () => {
  for (const command of ['run', 'classify', 'claims', 'collect', 'export', 'query', 'check']) {
    for (const flag of ['--help', '-h']) {
      const res = pantau([command, flag]);
      expect({ command, flag, status: res.status }).toEqual({ command, flag, status: 0 });
      expect(res.stdout).toMatch(new RegExp(`^Usage:\\n  pantau ${command}\\b`));
      expect(res.stdout).toMatch(/\nOptions:\n[\s\S]*-h, --help/);
    }
  }
  expect(pantau(['run', '--help']).stdout).toMatch(/--resume .*\n[\s\S]*--follow /);
});

test('pantau run --posts naming a folder says it is a folder, naming it; no stack is started', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pantau-posts-dir-'));
  const res = pantau(['run', '--posts', folder, '--data', join(folder, 'data')]);
  expect(res.status).toBe(2);
  expect(res.stderr.trim()).toBe(`pantau: posts file ${folder} is a folder, not a file (give the .jsonl file inside it)`);
  expect(res.stderr).not.toMatch(/EISDIR|starting the local stack/);
});

test('pantau console refuses a folder without tables, and bad --port and --speed are named', () => {
  const empty = mkdtempSync(join(tmpdir(), 'pantau-console-'));
  const noTables = pantau(['console', '--data', empty]);
  expect(noTables.status).toBe(1);
  expect(noTables.stderr).toMatch(/no tables in .*: run "pantau run"/);
  const port = pantau(['console', '--data', empty, '--port', '70000']);
  expect(port.status).toBe(2);
  expect(port.stderr).toMatch(/--port must be a port number from 1 to 65535 \(got "70000"\)/);
  const speed = pantau(['run', '--speed', 'fast', '--data', empty]);
  expect(speed.status).toBe(2);
  expect(speed.stderr).toMatch(/--speed must be a number of at least 1 \(got "fast"\)/);
  // Nothing was started, and the folder is as it was.
  expect(javaFor(empty)).toEqual([]);
  expect(readdirSync(empty)).toEqual([]);
});
