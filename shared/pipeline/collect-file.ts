/**
 * The `file` collector's core: reads a JSON-lines posts file page by page from its checkpoint,
 * validates each line against the post contract, sends the valid ones to the posts queue and
 * the invalid ones to the DLQ with their line number and reason, then advances the checkpoint.
 * A rerun resumes after the last page sent; a crash between sending and checkpointing resends at
 * most one page, which the classifier stores once (idempotent on source + id).
 */
import { open, stat } from 'node:fs/promises';
import { parsePost } from '../post';
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
  readonly text: string;
  /** Byte offset just after this line's newline. */
  readonly end: number;
}

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
      const parsed = parsePost(line.text);
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
          body: line.text,
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
    if (line.text.trim() === '') continue;
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
        yield { number, text: data.toString('utf8', from, nl).replace(/\r$/, ''), end: carryStart + nl + 1 };
        from = nl + 1;
      }
      carryStart += from;
      data = data.subarray(from);
      carry = Buffer.from(data);
    }
    if (carry.length > 0) {
      number += 1;
      yield { number, text: carry.toString('utf8').replace(/\r$/, ''), end: carryStart + carry.length };
    }
  } finally {
    await handle.close();
  }
}
