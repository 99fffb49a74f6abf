/**
 * `pantau`: the command line of the embedded stack (DESIGN.md, "Command line"). This file only
 * picks the command, answers `--help`, and turns the errors people can fix into one line and an
 * exit code; each command lives in cli/commands/.
 */
import { SecretError } from '../shared/adapters/secrets';
import { ConfigError } from '../shared/config';
import { MissingEnvError } from '../shared/env';
import { FactCheckAuthError } from '../shared/pipeline/collect-factchecks';
import { XAuthError } from '../shared/sources/x';
import { JavaMissingError } from '../infra/local/emulators';
import { ScheduleError } from '../infra/local/scheduler';
import { commandHelp, parseCommand, UsageError, type Command } from './args';
import { check } from './commands/check';
import { claims } from './commands/claims';
import { classify } from './commands/classify';
import { collect } from './commands/collect';
import { exportCommand, NoLocalTablesError } from './commands/export';
import { ExportNotFoundError, query, UnknownQueryError } from './commands/query';
import { run } from './commands/run';
import { consoleCommand } from './commands/console';

export const COMMANDS: readonly Command[] = [run, consoleCommand, classify, claims, collect, exportCommand, query, check];

export const USAGE = `Pantau: social-media listening for Jakarta's public-communication team.

Usage:
${COMMANDS.map((c) => c.usage).join('')}
Each command answers --help (or -h) with its options: pantau run --help.
`;

/** Errors that mean the command line, the config or the machine needs fixing: exit 2. */
const USAGE_ERRORS = [ConfigError, JavaMissingError, UsageError, ScheduleError, UnknownQueryError];
/** Errors of the world outside (a secret, a source refusing, nothing to read yet): exit 1. */
const RUN_ERRORS = [MissingEnvError, SecretError, XAuthError, FactCheckAuthError, NoLocalTablesError, ExportNotFoundError];

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`pantau: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const parsed = parseCommand(command, rest);
    if (!parsed) {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(parsed.values, parsed.positionals);
  } catch (err) {
    const exitCode = USAGE_ERRORS.some((E) => err instanceof E) ? 2 : RUN_ERRORS.some((E) => err instanceof E) ? 1 : undefined;
    if (exitCode === undefined) throw err;
    process.stderr.write(`pantau: ${(err as Error).message}\n`);
    return exitCode;
  }
}
