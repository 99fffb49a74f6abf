/**
 * What every `pantau` command shares: its description (usage, options with their help), parsing
 * its arguments with `--help`/`-h` answered from that description, and the defaults of the
 * options most commands take (the config file, the data folder).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../shared/config';

export const REPO_ROOT = resolve(__dirname, '..');
/** The data folder of the local tables, shared by every command that reads or writes them. */
export const DEFAULT_DATA = '.pantau';

/** A command line that cannot be run as given (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** Shown after the option's name, e.g. `FILE` (string options). */
  readonly value?: string;
  readonly help: string;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  readonly name: string;
  /** The synopsis line(s) and what the command does, as `pantau --help` lists it. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Whether it takes arguments that are not options (a file, a collector, a subcommand). */
  readonly positionals?: boolean;
  run(values: Values, positionals: string[]): Promise<number>;
}

export const CONFIG_OPTION: OptionSpec = {
  type: 'string',
  value: 'FILE',
  help: 'configuration (default: ./pantau.config.json, else the bundled one)',
};
export const DATA_OPTION: OptionSpec = { type: 'string', value: 'DIR', help: `data folder of the local tables (default: ${DEFAULT_DATA})` };

/** A command's own `--help`: its usage and each of its options. */
export function commandHelp(command: Command): string {
  const rows = Object.entries(command.options).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.help]);
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => (flag as string).length)) + 2;
  return `Usage:\n${command.usage}\nOptions:\n${rows.map(([flag, help]) => `  ${(flag as string).padEnd(width)}${help}`).join('\n')}\n`;
}

/** The command's arguments parsed against its options; undefined when `--help` or `-h` asked for help. */
export function parseCommand(command: Command, args: string[]): { values: Values; positionals: string[] } | undefined {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) }]),
  );
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.positionals === true,
      strict: true,
    });
    if (parsed.values.help === true) return undefined;
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError(`${command.name}: ${(err as Error).message} (see pantau ${command.name} --help)`);
  }
}

export function defaultConfigPath(): string {
  const local = resolve('pantau.config.json');
  return existsSync(local) ? local : join(REPO_ROOT, 'pantau.config.json');
}

export const configPathOf = (values: Values): string => stringOf(values, 'config') ?? defaultConfigPath();
export const configOf = (values: Values): Config => loadConfig(configPathOf(values));
export const dataDirOf = (values: Values): string => resolve(stringOf(values, 'data') ?? DEFAULT_DATA);
/** ` --data DIR` when the data folder is not the default one, for the hints a command prints. */
export const dataFlag = (dataDir: string): string => (dataDir === resolve(DEFAULT_DATA) ? '' : ` --data ${dataDir}`);

export function stringOf(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The absolute path of a file the command is to read, or a UsageError that names the path and
 * says what is wrong in words (missing, a folder, not readable) rather than an errno code.
 */
export function readableFile(path: string, what: string): string {
  const file = resolve(path);
  let problem: string | undefined;
  try {
    if (statSync(file).isDirectory()) problem = 'is a folder, not a file (give the .jsonl file inside it)';
    else accessSync(file, constants.R_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problem =
      code === 'ENOENT'
        ? 'not found'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : `cannot be read (${code ?? (err as Error).message})`;
  }
  if (problem) throw new UsageError(`${what} ${file} ${problem}`);
  return file;
}
