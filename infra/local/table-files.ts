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
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
