/**
 * The local run's journal, kept in the data folder next to the tables (`<data>/journal/`), so that
 * `pantau check` can account for a run after it ended: what the collectors put on the queue,
 * what the DLQ held at the end of each run (the emulated queues live in memory and end with the
 * run), and which alert messages reached the subscriber. Appended line by line as things happen.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadLetterRecord, ReceivedAlert } from './books';
import type { OutgoingPost, PostQueue, RefusedPost } from '../../shared/pipeline/ports';

const COLLECTED = 'collected.txt';
const DEAD_LETTERS = 'dead-letters.jsonl';
const RECEIVED = 'alerts-received.jsonl';

export class RunJournal {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'journal');
    // Data folders of earlier versions kept it as `ledger/`: take it over, so their runs can still be checked and resumed.
    const earlier = join(dataDir, 'ledger');
    if (!existsSync(this.dir) && existsSync(earlier)) renameSync(earlier, this.dir);
  }

  /** Starts the books afresh (with fresh tables). */
  reset(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  exists(): boolean {
    return existsSync(join(this.dir, COLLECTED));
  }

  /** Posts about to be put on the queue (written before sending: a failed send shows up as missing, not as nothing). */
  collected(keys: readonly string[]): void {
    this.append(COLLECTED, keys.map((k) => `${k}\n`).join(''));
  }

  deadLetters(letters: readonly DeadLetterRecord[]): void {
    this.append(DEAD_LETTERS, letters.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  received(alert: ReceivedAlert & { readonly kind?: string }): void {
    this.append(RECEIVED, `${JSON.stringify({ alertId: alert.alertId, revision: alert.revision, kind: alert.kind })}\n`);
  }

  readCollected(): string[] {
    return this.lines(COLLECTED);
  }

  readDeadLetters(): DeadLetterRecord[] {
    return this.lines(DEAD_LETTERS).map((l) => JSON.parse(l) as DeadLetterRecord);
  }

  readReceived(): ReceivedAlert[] {
    return this.lines(RECEIVED).map((l) => JSON.parse(l) as ReceivedAlert);
  }

  private append(file: string, text: string): void {
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(join(this.dir, file), text);
  }

  private lines(file: string): string[] {
    const path = join(this.dir, file);
    if (!existsSync(path)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
  }
}

/** The posts queue, writing each post's key to the journal before it is sent. */
export class JournaledQueue implements PostQueue {
  constructor(
    private readonly inner: PostQueue,
    private readonly journal: Pick<RunJournal, 'collected'>,
  ) {}

  sendAll(posts: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    this.journal.collected(posts.map((p) => p.key));
    return this.inner.sendAll(posts);
  }
}
