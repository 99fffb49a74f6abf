/**
 * DynamoDB Local's files in a data folder (`<dataDir>/dynamodb`), and starting them afresh without
 * losing the last run's tables to a start that fails.
 *
 * A fresh start moves the old files aside (`dynamodb.previous`, one rename) and lets DynamoDB Local
 * start on an empty `dynamodb`. Only once everything has started are the old files given up:
 * renamed to `dynamodb.discarded` (one rename, the point of no return), then deleted. A start that
 * fails puts them back. A process killed anywhere in between leaves `dynamodb.previous`, which the
 * next start on the folder puts back before anything else; a `dynamodb.discarded` left behind was
 * already given up and is deleted. So at every moment the last run's tables are in `dynamodb` or
 * in `dynamodb.previous`, until a new start has fully succeeded.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where DynamoDB Local keeps the tables of a data folder. */
export const tablesDir = (dataDir: string): string => join(dataDir, 'dynamodb');
const previousDir = (dataDir: string): string => join(dataDir, 'dynamodb.previous');
const discardedDir = (dataDir: string): string => join(dataDir, 'dynamodb.discarded');

/**
 * Finishes what an interrupted start left: the tables set aside come back, files already given up
 * go. Call it holding the folder's lock, before DynamoDB Local starts there.
 */
export function recoverTables(dataDir: string): void {
  rmSync(discardedDir(dataDir), { recursive: true, force: true });
  if (!existsSync(previousDir(dataDir))) return;
  rmSync(tablesDir(dataDir), { recursive: true, force: true });
  renameSync(previousDir(dataDir), tablesDir(dataDir));
}

export interface SetAside {
  /** The start failed: the old tables come back (whatever the new start left is deleted). */
  restore(): void;
  /** Everything started: the old tables are given up for good. */
  discard(): void;
}

/** Moves the tables of the last run aside, so DynamoDB Local starts on an empty folder. */
export function setTablesAside(dataDir: string): SetAside {
  const kept = existsSync(tablesDir(dataDir));
  if (kept) renameSync(tablesDir(dataDir), previousDir(dataDir));
  return {
    restore() {
      if (!kept) return rmSync(tablesDir(dataDir), { recursive: true, force: true });
      recoverTables(dataDir);
    },
    discard() {
      if (!kept) return;
      renameSync(previousDir(dataDir), discardedDir(dataDir));
      rmSync(discardedDir(dataDir), { recursive: true, force: true });
    },
  };
}

/**
 * The processes (seen in /proc, on Linux; none elsewhere) whose command line gives `dir` as
 * DynamoDB Local's database path: a DynamoDB Local, or the watchdog that runs it.
 */
export function processesOnTables(dir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const wanted = resolve(dir);
  return entries.flatMap((pid) => {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return []; // ended meanwhile, or not ours to read
    }
    const at = args.indexOf('-dbPath');
    const path = at >= 0 ? args[at + 1] : undefined;
    return path !== undefined && resolve(path) === wanted && Number(pid) !== process.pid ? [Number(pid)] : [];
  });
}

/**
 * Waits until no DynamoDB Local runs on the data folder's tables any more. A run killed outright
 * (SIGKILL) gives its lock up at once, but its DynamoDB Local lives on for a moment, until its
 * watchdog sees the run gone and ends it; two on one database would damage it. One still there
 * after `timeoutMs` was left by something else: the error names it.
 */
export async function tablesReleased(dataDir: string, timeoutMs = 10_000): Promise<void> {
  const dir = tablesDir(dataDir);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = processesOnTables(dir);
    if (pids.length === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `DynamoDB Local still runs on ${dir} (pid ${pids.join(', ')}), though no Pantau holds the folder: end it (kill ${pids.join(' ')}) and start again`,
      );
    }
    await sleep(100);
  }
}
