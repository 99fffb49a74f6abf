/**
 * `pantau console`: serves the console (the page and its API) over the tables a run left in a
 * data folder, on 127.0.0.1, until Ctrl-C. `pantau run` serves it too, live while it replays.
 */
import { existsSync } from 'node:fs';
import { startLocalStack } from '../../infra/local/stack';
import { listenForStop } from '../../infra/local/stop-signals';
import { tablesDir } from '../../infra/local/table-files';
import { CONFIG_OPTION, DATA_OPTION, UsageError, configOf, dataDirOf, stringOf, type Command } from '../args';
import { servingConsole } from '../console-page';
import { NoLocalTablesError } from './export';

export const consoleCommand: Command = {
  name: 'console',
  usage: `  pantau console [--data DIR] [--port N] [--config FILE]
      Serves the console (overview, alert episodes and the response to them, posts, watch
      topics, claims) over the tables of the last run, on http://127.0.0.1:8787, until Ctrl-C.
`,
  options: {
    data: DATA_OPTION,
    port: { type: 'string', value: 'N', help: 'the port on 127.0.0.1 (default 8787, or a free one when that is busy)' },
    config: CONFIG_OPTION,
  },
  run: (values) => consoleRun({ dataDir: dataDirOf(values), port: portOf(stringOf(values, 'port')), config: configOf(values) }),
};

export function portOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`--port must be a port number from 1 to 65535 (got "${raw}")`);
  return port;
}

async function consoleRun(opts: { dataDir: string; port?: number; config: ReturnType<typeof configOf> }): Promise<number> {
  const err = process.stderr;
  if (!existsSync(tablesDir(opts.dataDir))) {
    throw new NoLocalTablesError(`no tables in ${opts.dataDir}: run "pantau run" (or npm start) first, or give --data DIR`);
  }
  const stop = listenForStop({ err, what: 'the console' });
  try {
    const stack = await startLocalStack({
      dataDir: opts.dataDir,
      fresh: false,
      region: opts.config.region,
      command: 'pantau console',
      onFolderTaken: () => err.write(`Pantau: starting DynamoDB Local in ${opts.dataDir} ...\n`),
    });
    try {
      return await servingConsole({ stack, config: opts.config, port: opts.port, err }, async (server) => {
        err.write(`Pantau: the console is at ${server.url} (Ctrl-C to stop)\n`);
        await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
        return 0;
      });
    } finally {
      await stack.stop();
    }
  } finally {
    stop.dispose();
  }
}
