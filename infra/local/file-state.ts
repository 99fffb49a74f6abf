/**
 * Collector state in a JSON file of the local data folder (`.pantau/collect/<collector>.json`):
 * what `pantau collect` remembers between runs, so the next run prints only what is new.
 */
import { MemoryCollectorState, type StateSnapshot } from '../../shared/adapters/memory-state';
import { readJsonFile, writeJsonFile } from './json-file';

export class FileCollectorState extends MemoryCollectorState {
  private constructor(
    private readonly path: string,
    snapshot: StateSnapshot,
  ) {
    super(snapshot);
  }

  /** The state saved at `path`, or an empty one when there is none yet. */
  static open(path: string): FileCollectorState {
    const value = readJsonFile(path, 'collector state', 'delete it to start afresh') as Partial<StateSnapshot> | undefined;
    return new FileCollectorState(path, { values: value?.values ?? {}, budget: value?.budget ?? {} });
  }

  /** Written whole after every change, so a crash never leaves half a file. */
  protected override changed(): void {
    writeJsonFile(this.path, this.snapshot());
  }
}
