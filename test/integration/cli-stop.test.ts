/**
 * Stopping `pantau run` as a user does (Ctrl-C: SIGINT to the process) and finishing the run with
 * --resume: the summary and the books come at every end, and at the last one every post of the
 * file is stored once and the books balance.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const PANTAU = join(ROOT, 'bin', 'pantau.js');
/** The bundled demo day: 2,256 posts, long enough to be stopped halfway. */
const DEMO_LINES = 2256;

interface Ended {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs pantau and sends it SIGINT once its stderr shows `when` (a line matching it). */
function pantauStoppedWhen(args: string[], when: RegExp): Promise<Ended> {
  return new Promise((ended, reject) => {
    const child = spawn(process.execPath, [PANTAU, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (!sent && stderr.split('\n').some((l) => when.test(l))) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (status) => ended({ status, stdout, stderr }));
  });
}

test('Ctrl-C stops a run with its summary; --resume --follow finishes it, and Ctrl-C ends following with the summary and balanced books', async () => {
  const data = join(mkdtempSync(join(tmpdir(), 'pantau-stop-')), 'data');

  // Stopped once some posts are classified and before all are.
  const stopped = await pantauStoppedWhen(['run', '--data', data], /^ +([1-9]\d*)\/2256 classified/);
  expect(stopped.stderr).toMatch(/SIGINT, stopping the run/);
  expect(stopped.status).toBe(130);
  expect(stopped.stdout).toMatch(/Pantau: summary \(stopped by SIGINT at line \d+ of the posts file\)/);
  expect(stopped.stdout).toMatch(/Pantau: the books/);
  const storedFirst = Number(/\n {2}stored +(\d+)/.exec(stopped.stdout)?.[1]);
  expect(storedFirst).toBeLessThan(DEMO_LINES);

  const resumed = await pantauStoppedWhen(['run', '--data', data, '--resume', '--follow'], /^Following:/);
  expect(resumed.stderr).toMatch(/SIGINT, stopping the run/);
  expect(resumed.stdout).toMatch(/Pantau: summary\n/);
  // Nothing counted twice: what this run read or put back is what it stored.
  expect(resumed.stdout).toMatch(/check +read \d+( \+ put back \d+)? = stored \d+ \+ repeated 0 \+ failed 0\n/);
  expect(resumed.stdout).toContain(`collected ${DEMO_LINES} = stored ${DEMO_LINES} + in DLQ 0; stored twice 0`);
  expect(resumed.stdout).toMatch(/counters +\d+ checked against a recount of the posts, 0 wrong/);
  expect(resumed.stdout).toMatch(/books balance/);
  expect(resumed.status).toBe(0);
}, 420_000);
