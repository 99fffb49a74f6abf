/**
 * `pantau check`: the books of the runs kept in a data folder. Collected = stored + in the DLQ
 * (with reasons), per source; nothing stored twice; the aggregate counters equal a recount of
 * the posts; every alert marked sent reached the subscriber once. Exits 1 on any mismatch.
 */
import { existsSync } from 'node:fs';
import { formatAccounting, type AccountingReport } from '../../infra/local/books';
import type { Config } from '../../shared/config';
import { checkBooks } from '../../infra/local/accounting';
import { NoLocalTablesError } from './export';
import { RunJournal } from '../../infra/local/run-journal';
import { withLocalStack } from '../../infra/local/stack';
import { CONFIG_OPTION, DATA_OPTION, configOf, dataDirOf, type Command } from '../args';
import { tablesDir } from '../../infra/local/table-files';

export const check: Command = {
  name: 'check',
  usage: `  pantau check [--data DIR] [--config FILE] [--json]
      Accounts for the runs kept in the data folder: per source, posts collected = stored + in
      the DLQ (with reasons); nothing stored twice; the aggregate counters equal a recount of the
      posts; every alert marked sent reached the subscriber once. Exits 1 on any mismatch.
`,
  options: { data: DATA_OPTION, config: CONFIG_OPTION, json: { type: 'boolean', help: 'the report as JSON' } },
  run: (values) => checkCommand({ dataDir: dataDirOf(values), config: configOf(values), json: values.json === true }),
};

export interface CheckCommandOptions {
  readonly dataDir: string;
  readonly config: Config;
  readonly json?: boolean;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
}

export async function checkCommand(opts: CheckCommandOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const journal = new RunJournal(opts.dataDir);
  if (!existsSync(tablesDir(opts.dataDir)) || !journal.exists()) {
    throw new NoLocalTablesError(`no run to check in ${opts.dataDir}: run "pantau run" (or npm start) first, or give --data DIR`);
  }
  const report: AccountingReport = await withLocalStack({ dataDir: opts.dataDir, region: opts.config.region, err }, (stack) =>
    checkBooks({
      doc: stack.clients.doc,
      tables: stack.resources.tables,
      config: opts.config,
      collected: journal.readCollected(),
      deadLetters: journal.readDeadLetters(),
      received: journal.readReceived(),
    }),
  );
  out.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `Pantau: the books of ${opts.dataDir}\n${formatAccounting(report)}`);
  return report.ok ? 0 : 1;
}
