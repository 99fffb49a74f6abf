import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processesOnTables, tablesDir, tablesReleased } from '../../infra/local/table-files';

/** A process whose command line names `dir` as DynamoDB Local's database path, as a left-over one does; it lives `ms`. */
function leftOver(dir: string, ms: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${ms})`, 'DynamoDBLocal.jar', '-dbPath', dir], { stdio: 'ignore' });
  return new Promise((started, failed) => child.once('spawn', () => started(child)).once('error', failed));
}

const ended = (child: ChildProcess): Promise<void> =>
  new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));

describe('DynamoDB Local left on a data folder', () => {
  const data = mkdtempSync(join(tmpdir(), 'pantau-tables-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('is found by its database path, and only that one', async () => {
    const other = mkdtempSync(join(tmpdir(), 'pantau-tables-other-'));
    const child = await leftOver(tablesDir(data), 5_000);
    try {
      expect(processesOnTables(tablesDir(data))).toEqual([child.pid]);
      expect(processesOnTables(tablesDir(other))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await ended(child);
      rmSync(other, { recursive: true, force: true });
    }
    expect(processesOnTables(tablesDir(data))).toEqual([]);
  });

  it('is waited for while it ends, and named when it does not', async () => {
    const brief = await leftOver(tablesDir(data), 1_500);
    expect(processesOnTables(tablesDir(data))).toEqual([brief.pid]);
    await tablesReleased(data, 10_000);
    expect(processesOnTables(tablesDir(data))).toEqual([]);
    await ended(brief);

    const stuck = await leftOver(tablesDir(data), 10_000);
    try {
      await expect(tablesReleased(data, 300)).rejects.toThrow(`DynamoDB Local still runs on ${tablesDir(data)} (pid ${stuck.pid})`);
    } finally {
      stuck.kill('SIGKILL');
      await ended(stuck);
    }
  });
});
