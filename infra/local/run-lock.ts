/**
 * One Pantau at a time on a data folder. Two runs on one folder would share one DynamoDB Local
 * database file and break each other (lost posts, a stalled run), and a command that only reads
 * still starts DynamoDB Local on the folder; so every start of the local stack on a folder takes
 * its lock first, before touching anything else there.
 *
 * The lock is a file, `<dataDir>/pantau.lock`, naming the holder (pid, host, command line, start
 * time). It comes into being complete and at once (written aside, then hard-linked into place,
 * which fails when the file exists). A crashed run does not leave it stuck: a lock whose process
 * is gone is stale, and the next start takes it over.
 */
import { hostname } from 'node:os';
import { basename, isAbsolute, join, relative } from 'node:path';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export const LOCK_FILE = 'pantau.lock';

/** Who holds a data folder. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** The command as the user typed it, e.g. `pantau run`. */
  readonly command: string;
  /** Its command line as /proc shows it (empty elsewhere), to tell it from a later process given its pid. */
  readonly argv: readonly string[];
  /** ISO 8601. */
  readonly startedAt: string;
}

export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
    super(
      `the data folder ${shown(dataDir)} is in use by ${holder.command} (pid ${holder.pid}${where}, started ${clock(holder.startedAt)}); wait for it to end or use --data DIR`,
    );
  }
}

export interface RunLock {
  readonly file: string;
  /** Gives the folder back (once; later calls do nothing). */
  release(): void;
}

/** The command line of this process as a user would name it: `pantau run`, `load --count 100`. */
function currentCommand(): string {
  const script = process.argv[1] ? basename(process.argv[1]).replace(/\.[cm]?[jt]s$/, '') : 'node';
  return [script, ...process.argv.slice(2)].join(' ').slice(0, 120);
}

const held = new Set<RunLock>();

// A process that ends without stopping its stack still gives its folders back.
process.on('exit', () => {
  for (const lock of held) lock.release();
});

/**
 * Takes the data folder for this process, or throws DataFolderInUseError naming the process that
 * holds it. Creates the folder if needed, and nothing else in it.
 */
export function lockDataFolder(dataDir: string, command: string = currentCommand()): RunLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command,
    argv: procArgs(process.pid) ?? [],
    startedAt: new Date().toISOString(),
  };
  const text = `${JSON.stringify(mine, null, 2)}\n`;
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, text);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(draft, file);
        break;
      } catch (err) {
        if (!isCode(err, 'EEXIST') || attempt >= 5) throw err;
      }
      const holder = readHolder(file);
      if (holder === 'gone') continue;
      if (holder && isAlive(holder)) throw new DataFolderInUseError(dataDir, holder);
      takeOver(file, holder);
    }
  } finally {
    unlinkSync(draft);
  }

  let released = false;
  const lock: RunLock = {
    file,
    release() {
      if (released) return;
      released = true;
      held.delete(lock);
      // Only our own lock: never one that another run took over.
      if (readFileOr(file) === text) unlinkSync(file);
    },
  };
  held.add(lock);
  return lock;
}

/**
 * Removes a stale lock. Moved aside first (one step), then checked: when another start took it
 * over in between and the file moved is that one's live lock, it goes back.
 */
function takeOver(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if (isCode(err, 'ENOENT')) return; // another start took it over first
    throw err;
  }
  const moved = readHolder(aside);
  const same = moved !== 'gone' && moved?.pid === stale?.pid && moved?.startedAt === stale?.startedAt;
  if (!same && moved !== 'gone' && moved && isAlive(moved)) {
    try {
      linkSync(aside, file);
    } catch {
      // a third start holds it now: it finds its own lock in place
    }
  }
  unlinkSync(aside);
}

/** The holder named in a lock file; `undefined` when unreadable (a lock torn by a crash), 'gone' when there is no file. */
function readHolder(file: string): LockHolder | undefined | 'gone' {
  const text = readFileOr(file);
  if (text === undefined) return 'gone';
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.startedAt !== 'string') return undefined;
    return {
      pid: value.pid,
      hostname: value.hostname,
      command: typeof value.command === 'string' ? value.command : 'another Pantau',
      argv: Array.isArray(value.argv) ? value.argv.map(String) : [],
      startedAt: value.startedAt,
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder may still run. On another host we cannot tell: it may. Here, its pid must be
 * alive and (where /proc shows it) still be the same program, not a later process given that pid.
 */
function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if (isCode(err, 'ESRCH')) return false;
  }
  const args = procArgs(holder.pid);
  if (args === undefined || holder.argv.length === 0) return true;
  return args.join('\0') === holder.argv.join('\0');
}

/** A process's command line from /proc (Linux), node's own options included; `undefined` where there is none. */
function procArgs(pid: number): string[] | undefined {
  return readFileOr(`/proc/${pid}/cmdline`)?.split('\0').slice(0, -1);
}

function readFileOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

/** A folder as the user named it: relative to the working folder when inside it. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : rel === '' ? '.' : dir;
}

/** `09:14:03` today, `2026-12-06 09:14:03` another day (local time). */
function clock(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  const now = new Date();
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}
