/**
 * The `file` collector's core: reads a JSON-lines posts file page by page from its checkpoint,
 * validates each line against the post contract, sends the valid ones to the posts queue and
 * the invalid ones to the DLQ with their line number and reason, then advances the checkpoint.
 * A rerun resumes after the last page sent; a crash between sending and checkpointing resends at
 * most one page, which the classifier stores once (idempotent on source + id).
 */
import { open, stat } from 'node:fs/promises';
import { InvalidPostError, parsePostAt } from '../post';
import type { Checkpoints, DeadLetter, DeadLetters, OutgoingPost, PostQueue } from './ports';

export const FILE_COLLECTOR = 'file';

export interface FileCollectorDeps {
  readonly queue: PostQueue;
  readonly deadLetters: DeadLetters;
  readonly checkpoints: Checkpoints;
  readonly now: () => number;
}

export interface FileCollectOptions {
  readonly path: string;
  /** Checkpoint identity of the file (e.g. its absolute path). */
  readonly checkpointKey: string;
  readonly pageSize: number;
  /** Asked before each page; true stops early with the checkpoint saved (e.g. Lambda time running out). */
  readonly shouldStop?: () => boolean;
  readonly onPage?: (progress: FilePageProgress) => void;
}

export interface FilePageProgress {
  readonly line: number;
  readonly sent: number;
  readonly invalid: number;
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export interface InvalidLine {
  readonly line: number;
  readonly reason: string;
  readonly id?: string;
}

export interface FileCollectResult {
  readonly firstLine: number;
  readonly lastLine: number;
  /** Non-blank lines read in this run. */
  readonly read: number;
  readonly sent: number;
  /** Valid lines whose post (source + id) an earlier line of this run already had; sent all the same. */
  readonly repeated: number;
  readonly invalid: readonly InvalidLine[];
  /** False when stopped early by `shouldStop`; the next run continues. */
  readonly done: boolean;
  /** True when the file was shorter than the checkpoint (replaced) and was read from the start. */
  readonly restarted: boolean;
}

interface Line {
  readonly number: number;
  /** The line's bytes, without its newline (and CR). */
  readonly bytes: Buffer;
  /** Byte offset just after this line's newline. */
  readonly end: number;
}

/** A line decoded: its text, or why its bytes are not UTF-8 (with the text as best read, for the DLQ). */
type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function collectFile(opts: FileCollectOptions, deps: FileCollectorDeps): Promise<FileCollectResult> {
  const size = (await stat(opts.path)).size;
  const saved = await deps.checkpoints.get(FILE_COLLECTOR, opts.checkpointKey);
  const restarted = saved !== undefined && saved.offset > size;
  const start = saved && !restarted ? saved : { offset: 0, line: 0 };

  let read = 0;
  let sent = 0;
  const seen = new Set<string>();
  let repeated = 0;
  const invalid: InvalidLine[] = [];
  let page: Line[] = [];
  let lastLine = start.line;
  let done = true;

  const flush = async (): Promise<void> => {
    if (page.length === 0) return;
    const collectedAt = new Date(deps.now()).toISOString();
    const outgoing: OutgoingPost[] = [];
    const outgoingLines = new Map<OutgoingPost, number>();
    const rejected: DeadLetter[] = [];
    for (const line of page) {
      const decoded = decodeLine(line.bytes);
      const parsed = decoded.ok
        ? parsePostAt(decoded.text, deps.now())
        : ({ ok: false, error: new InvalidPostError(decoded.reason) } as const);
      if (parsed.ok) {
        const post = { ...parsed.post, collectedAt: parsed.post.collectedAt ?? collectedAt };
        const message = { key: `${post.source}#${post.id}`, body: JSON.stringify(post), source: post.source };
        if (seen.has(message.key)) repeated += 1;
        seen.add(message.key);
        outgoing.push(message);
        outgoingLines.set(message, line.number);
      } else {
        const reason = `line ${line.number}: ${parsed.error.message}`;
        invalid.push({ line: line.number, reason, id: parsed.error.postId });
        rejected.push({
          body: decoded.text,
          reason,
          stage: 'collector',
          source: FILE_COLLECTOR,
          postId: parsed.error.postId,
          line: line.number,
        });
      }
    }
    const refused = await deps.queue.sendAll(outgoing);
    for (const { post, reason } of refused) {
      const line = outgoingLines.get(post) ?? 0;
      const full = `line ${line}: ${reason}`;
      invalid.push({ line, reason: full, id: post.key });
      rejected.push({ body: post.body, reason: full, stage: 'collector', source: post.source, postId: post.key, line });
    }
    for (const letter of rejected) await deps.deadLetters.send(letter);
    const last = page[page.length - 1] as Line;
    await deps.checkpoints.put(FILE_COLLECTOR, opts.checkpointKey, {
      offset: last.end,
      line: last.number,
      updatedAt: collectedAt,
    });
    sent += outgoing.length - refused.length;
    read += page.length;
    lastLine = last.number;
    opts.onPage?.({ line: last.number, sent, invalid: invalid.length, bytesRead: last.end, bytesTotal: size });
    page = [];
  };

  for await (const line of readLines(opts.path, start.offset, start.line)) {
    if (isBlank(line.bytes)) continue;
    if (page.length === 0 && opts.shouldStop?.()) {
      done = false;
      break;
    }
    page.push(line);
    if (page.length >= opts.pageSize) await flush();
  }
  await flush();
  return { firstLine: start.line + 1, lastLine, read, sent, repeated, invalid, done, restarted };
}

/** Lines of a file from a byte offset, with exact byte positions (CRLF tolerated). */
async function* readLines(path: string, offset: number, lineBefore: number): AsyncGenerator<Line> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(256 * 1024);
    let carry = Buffer.alloc(0);
    let position = offset;
    let carryStart = offset;
    let number = lineBefore;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let data = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      let from = 0;
      for (let nl = data.indexOf(10, from); nl !== -1; nl = data.indexOf(10, from)) {
        number += 1;
        yield { number, bytes: withoutCr(data.subarray(from, nl)), end: carryStart + nl + 1 };
        from = nl + 1;
      }
      carryStart += from;
      data = data.subarray(from);
      carry = Buffer.from(data);
    }
    if (carry.length > 0) {
      number += 1;
      yield { number, bytes: withoutCr(carry), end: carryStart + carry.length };
    }
  } finally {
    await handle.close();
  }
}

/** A copy of the line's bytes without a trailing CR (CRLF files). */
function withoutCr(bytes: Buffer): Buffer {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
  return Buffer.from(bytes.subarray(0, end));
}

/** Only spaces and tabs (or nothing): skipped, as an empty line. */
function isBlank(bytes: Buffer): boolean {
  return bytes.every((b) => b === 32 || b === 9 || b === 13);
}

/**
 * The line as UTF-8. Bytes that are not UTF-8 are never turned silently into U+FFFD: the line is
 * rejected with the first bad byte and its column (1-based, in bytes), and its text as best read
 * goes to the DLQ; the file itself still holds the exact bytes at that line.
 */
export function decodeLine(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const where = bad === undefined ? '' : ` (byte 0x${hex(bytes[bad] ?? 0)} at column ${bad + 1})`;
    return { ok: false, text: Buffer.from(bytes).toString('utf8'), reason: `not valid UTF-8${where}` };
  }
}

const hex = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0');

/**
 * The index of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode
 * table 3-7): for a sequence cut short or with a bad continuation, its lead byte.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] as number;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const second = bytes[i + 1] ?? -1;
    // The second byte's range depends on the lead (no overlongs, no surrogates, nothing past U+10FFFF).
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    if (length > 1 && (second < low || second > high)) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] ?? -1;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}
