import type { Config } from '../../shared/config';

/** What every construct of the stack builds from: the checked config and where files live. */
export interface PantauInputs {
  /** The validated configuration (shared/config.ts). */
  readonly config: Config;
  /** Absolute path of the config file; it is copied into each function bundle. */
  readonly configPath: string;
  /** Absolute path of the repository root: function entries, lock file, relative config paths. */
  readonly repoRoot: string;
}
