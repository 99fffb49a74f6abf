/**
 * `pantau claims import FILE.jsonl` and `pantau claims list`: a team's own debunked claims, in the
 * state table of the embedded stack kept in the data folder (the one `pantau run --data DIR` uses).
 */
import { appendFileSync, createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { parseClaimLine } from '../../shared/claims/parse';
import type { ClaimRecord } from '../../shared/claims/types';
import type { ClaimStore } from '../../shared/pipeline/ports';
import { withLocalStack, type LocalStack } from '../../infra/local/stack';
import { CONFIG_OPTION, DATA_OPTION, configOf, dataDirOf, readableFile, UsageError, type Command } from '../args';
import { tablesDir } from '../../infra/local/table-files';

/** Valid claims sent to the store per `put` (which writes them 25 to a request). */
const PUT_EVERY = 500;
/** A progress line on stderr after every so many lines read. */
const PROGRESS_EVERY = 10_000;
/** Rejected lines listed in the report; the rest are counted. */
const LIST_REJECTED = 20;
/** Claims `pantau claims list` prints. */
const LIST_FIRST = 20;

export const claims: Command = {
  name: 'claims',
  usage: `  pantau claims import FILE.jsonl [--data DIR] [--config FILE]
      Adds a team's debunked claims (one JSON object a line: id, text, rating, source, topic?)
      to the local tables in the data folder, replacing claims with the same id. Exits 1 when
      any line was rejected (the valid ones are still imported).
  pantau claims list [--data DIR] [--config FILE]
      Prints how many claims are stored, and the first ${LIST_FIRST} as JSON lines.
`,
  options: { data: DATA_OPTION, config: CONFIG_OPTION },
  positionals: true,
  async run(values, [sub, ...files]) {
    if (sub !== 'import' && sub !== 'list') {
      throw new UsageError(
        `claims: expected "import FILE.jsonl" or "list"${sub === undefined ? '' : `, got "${sub}"`} (see pantau claims --help)`,
      );
    }
    const opts = { dataDir: dataDirOf(values), region: configOf(values).region };
    if (sub === 'list') {
      if (files.length > 0) throw new UsageError(`claims list takes no file (got "${files.join(' ')}")`);
      return claimsList(LIST_FIRST, opts);
    }
    if (files.length !== 1) {
      throw new UsageError(
        files.length === 0
          ? 'claims import: FILE.jsonl is required (see pantau claims --help)'
          : `claims import takes one file, got ${files.length} (see pantau claims --help)`,
      );
    }
    return claimsImport(readableFile(files[0] as string, 'claims file'), opts);
  },
};

export interface ImportResult {
  /** Lines read, blank ones included (line numbers are the file's). */
  readonly lines: number;
  /** Distinct claims written (by id). */
  readonly imported: number;
  /** Valid lines whose id an earlier line already had; the later line is kept. */
  readonly repeated: number;
  readonly rejected: number;
  /** The first rejected lines' reasons, `line N: field ...`. */
  readonly errors: readonly string[];
}

/**
 * Streams a claims file line by line, checks each line and writes the valid claims to the store
 * in batches, so a large file is never held in memory at once. Rejected lines do not stop the rest.
 */
export async function importClaims(
  file: string,
  store: ClaimStore,
  onProgress: (linesRead: number, written: number) => void = () => undefined,
  keep?: (claims: readonly ClaimRecord[]) => void,
): Promise<ImportResult> {
  const ids = new Set<string>();
  const errors: string[] = [];
  let pending: ClaimRecord[] = [];
  let lines = 0;
  let valid = 0;
  let written = 0;
  let rejected = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      await store.put(batch);
      keep?.(batch);
    } catch (err) {
      throw new Error(`writing claims failed after ${written} of them were stored: ${(err as Error).message}`, { cause: err });
    }
    written += batch.length;
  };

  const input = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of input) {
    lines += 1;
    const result = parseClaimLine(line, lines);
    if (result?.ok === true) {
      valid += 1;
      ids.add(result.claim.id);
      pending.push(result.claim);
      if (pending.length >= PUT_EVERY) await flush();
    } else if (result?.ok === false) {
      rejected += 1;
      if (errors.length < LIST_REJECTED) errors.push(result.error);
    }
    if (lines % PROGRESS_EVERY === 0) onProgress(lines, written);
  }
  await flush();
  return { lines, imported: ids.size, repeated: valid - ids.size, rejected, errors };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report printed at the end of an import. */
export function formatImport(file: string, r: ImportResult): string {
  const repeated = r.repeated > 0 ? ` (${plural(r.repeated, 'line')} repeated an earlier id; the later line is kept)` : '';
  const out = [`imported ${plural(r.imported, 'claim')} from ${file}${repeated}; ${plural(r.rejected, 'line')} rejected`];
  for (const error of r.errors) out.push(`  ${error}`);
  if (r.rejected > r.errors.length) out.push(`  ... and ${r.rejected - r.errors.length} more rejected lines`);
  return `${out.join('\n')}\n`;
}

export interface ClaimsCommandOptions {
  /** The data folder; DynamoDB Local keeps its files in `<dataDir>/dynamodb`. */
  readonly dataDir: string;
  readonly region: string;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
}

/** Runs `work` against the claims store of the local tables in the data folder (withLocalStack). */
function withClaimStore<T>(opts: ClaimsCommandOptions, work: (store: ClaimStore, stack: LocalStack) => Promise<T>): Promise<T> {
  return withLocalStack(opts, (stack) => work(new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state), stack));
}

/** `pantau claims import FILE.jsonl`: 0 when every line was valid, 1 when any was rejected. */
export async function claimsImport(file: string, opts: ClaimsCommandOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const copy = keptClaimsFile(opts.dataDir);
  const result = await withClaimStore(opts, (store) =>
    importClaims(
      file,
      store,
      (lines, written) => err.write(`  ${lines} lines read, ${written} claims written\n`),
      (claims) => appendFileSync(copy, claims.map((c) => `${JSON.stringify(c)}\n`).join('')),
    ),
  );
  out.write(formatImport(file, result));
  err.write(`Pantau: the claims are stored in ${opts.dataDir} (a copy in ${copy}, imported again by a fresh \`pantau run\`).\n`);
  return result.rejected > 0 ? 1 : 0;
}

/** The imported claims kept beside the tables, so a run that starts the tables afresh still has them. */
export function keptClaimsFile(dataDir: string): string {
  return join(dataDir, 'claims.jsonl');
}

/**
 * Imports the kept copy of a team's claims into freshly created tables (later lines win, as on
 * import). Returns how many claims were imported; 0 when nothing was ever imported here.
 */
export async function restoreKeptClaims(dataDir: string, store: ClaimStore): Promise<number> {
  const copy = keptClaimsFile(dataDir);
  if (!existsSync(copy)) return 0;
  const result = await importClaims(copy, store);
  return result.imported;
}

/** `pantau claims list`: how many claims are stored, and the first ones as JSON lines (an import file's format). */
export async function claimsList(limit: number, opts: ClaimsCommandOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  if (!existsSync(tablesDir(opts.dataDir))) {
    err.write(`Pantau: 0 claims stored in ${opts.dataDir} (no local tables there yet)\n`);
    return 0;
  }
  const claims = await withClaimStore(opts, (store) => store.all());
  err.write(`Pantau: ${claims.length} claims stored in ${opts.dataDir}${claims.length > limit ? `; the first ${limit}:` : ''}\n`);
  for (const claim of claims.slice(0, limit)) out.write(`${JSON.stringify(claim)}\n`);
  return 0;
}
