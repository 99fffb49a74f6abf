/**
 * Collector state in a JSON file of the local data folder (`.pantau/collect/<collector>.json`):
 * what `pantau collect` remembers between runs, so the next run prints only what is new.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MemoryCollectorState, type StateSnapshot } from '../../shared/adapters/memory-state';

export class FileCollectorState extends MemoryCollectorState {
  private constructor(
    private readonly path: string,
    snapshot: StateSnapshot,
  ) {
    super(snapshot);
  }

  /** The state saved at `path`, or an empty one when there is none yet. */
  static open(path: string): FileCollectorState {
    if (!existsSync(path)) return new FileCollectorState(path, { values: {}, budget: {} });
    let snapshot: StateSnapshot;
    try {
      const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<StateSnapshot>;
      snapshot = { values: value.values ?? {}, budget: value.budget ?? {} };
    } catch (err) {
      throw new Error(`collector state ${path} cannot be read (${(err as Error).message}); delete it to start afresh`, { cause: err });
    }
    return new FileCollectorState(path, snapshot);
  }

  /** Written whole after every change, through a temporary file, so a crash never leaves half a file. */
  protected override changed(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.snapshot(), null, 1)}\n`);
    renameSync(temporary, this.path);
  }
}
