/** How `pantau run` shows progress on stderr while it replays. */
import { MultiBar, Presets } from 'cli-progress';

/** A progress bar on a terminal; a line every few seconds otherwise (CI logs). */
export class Progress {
  private readonly bars?: MultiBar;
  private readonly bar?: ReturnType<MultiBar['create']>;
  private lastLine = 0;
  private done = 0;
  private read = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream,
  ) {
    if (out.isTTY) {
      this.bars = new MultiBar(
        {
          format: ' posts |{bar}| {value}/{total} classified ({read} read) | {duration_formatted}',
          hideCursor: true,
          stream: out,
          clearOnComplete: false,
        },
        Presets.shades_classic,
      );
      this.bar = this.bars.create(total, 0, { read: 0 });
    }
  }

  collected(lines: number): void {
    this.read = lines;
    this.bar?.update(this.done, { read: lines });
  }

  classified(n: number): void {
    this.done = n;
    if (this.bar) {
      this.bar.update(Math.min(n, this.total), { read: this.read });
    } else if (Date.now() - this.lastLine > 3_000) {
      this.lastLine = Date.now();
      this.out.write(`  ${n}/${this.total} classified (${this.read} read)\n`);
    }
  }

  log(text: string, toStdout: boolean): void {
    if (this.bars) this.bars.log(`${text}\n`);
    else (toStdout ? process.stdout : this.out).write(`${text}\n`);
  }

  stop(): void {
    this.bars?.stop();
  }
}
