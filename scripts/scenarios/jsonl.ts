/** Writing posts as JSON lines: to a file at once, or to a stream with back-pressure. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';

/** One JSON line, newline included. */
export const jsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** Writes `values` to `path` as JSON lines, making its folder if need be. */
export function writeJsonLinesFile(path: string, values: readonly unknown[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, values.map(jsonLine).join(''));
}

/** Lines to a stream, a thousand at a time, waiting whenever the stream asks it to. */
export class LineWriter {
  private chunk: string[] = [];

  constructor(private readonly out: Writable) {}

  async write(line: string): Promise<void> {
    this.chunk.push(line);
    if (this.chunk.length >= 1000) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const text = this.chunk.join('');
    this.chunk = [];
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}

/** Runs `write` on a new file at `path`; resolves with its result when the file is on disk. */
export async function writeFile<T>(path: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const out = createWriteStream(path);
  const result = await write(out);
  out.end();
  await once(out, 'finish');
  return result;
}

/** Runs `write` on a stream held in memory; resolves with the non-blank lines written. */
export async function writeLines(write: (out: Writable) => Promise<unknown>): Promise<string[]> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  await write(sink);
  return text.split('\n').filter((line) => line.trim() !== '');
}
