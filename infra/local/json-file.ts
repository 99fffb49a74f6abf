/** JSON files of the local data folder (checkpoints, collector state): read with a clear error, written whole. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The file's JSON value, or undefined when there is no file; an unreadable file is an error naming it and what to do. */
export function readJsonFile(path: string, what: string, remedy: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${what} ${path} cannot be read (${(err as Error).message}); ${remedy}`, { cause: err });
  }
}

/** Writes the value through a temporary file renamed over the old one, so a crash never leaves half a file. */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 1)}\n`);
  renameSync(temporary, path);
}
