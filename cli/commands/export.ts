/**
 * `pantau export --out DIR`: the local posts and alerts tables written the way DynamoDB's export to
 * S3 writes them (DYNAMODB_JSON: gzip files of `{"Item": …}` lines, and the two manifests), under
 * the same prefixes as the deployed bucket (shared/analytics/layout.ts). The analysts' queries
 * then run on a local export as they do in Athena (`pantau query`).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { ScanCommand, type AttributeValue, type DynamoDBClient, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { exportPrefix } from '../../shared/analytics/layout';
import { EXPORTED_TABLES, type ExportedTable } from '../../shared/analytics/schema';
import { withLocalStack } from '../../infra/local/stack';
import { CONFIG_OPTION, DATA_OPTION, configOf, dataDirOf, stringOf, UsageError, type Command } from '../args';
import { allItems } from '../../shared/adapters/pages';
import { tablesDir } from '../../infra/local/table-files';

export const exportCommand: Command = {
  name: 'export',
  usage: `  pantau export --out DIR [--data DIR] [--config FILE]
      Writes the posts and alerts tables of the data folder to DIR the way DynamoDB's export to
      S3 does (DIR/exports/<table>/full/AWSDynamoDB/<id>/: gzip files of {"Item": ...} lines and
      the manifests), for the analysts' queries.
`,
  options: {
    out: { type: 'string', value: 'DIR', help: 'the folder to write the export to (required)' },
    data: DATA_OPTION,
    config: CONFIG_OPTION,
  },
  run(values) {
    const outDir = stringOf(values, 'out');
    if (outDir === undefined) throw new UsageError('export: --out DIR is required (see pantau export --help)');
    return exportLocalTables({ dataDir: dataDirOf(values), outDir: resolve(outDir), region: configOf(values).region });
  },
};

/** Items per data file; DynamoDB writes at least one file per partition, analysts' tools read any number. */
const ITEMS_PER_FILE = 100_000;
/** A progress line on stderr after every so many items. */
const PROGRESS_EVERY = 10_000;
/** The account part of local ARNs (DynamoDB Local's own). */
const LOCAL_ACCOUNT = '000000000000';

export interface ExportedFile {
  /** Relative to the export root, like an S3 key. */
  readonly key: string;
  readonly itemCount: number;
}

export interface TableExport {
  readonly table: ExportedTable['name'];
  readonly exportId: string;
  /** The export's folder, `<root>/exports/<table>/full/AWSDynamoDB/<exportId>`. */
  readonly dir: string;
  readonly itemCount: number;
  readonly files: readonly ExportedFile[];
}

export interface ExportSource {
  readonly dynamo: DynamoDBClient;
  readonly region: string;
  /** Physical table names by logical name (LocalStack.resources.tables). */
  readonly tables: Readonly<Record<ExportedTable['name'], string>>;
}

/** Writes a full export of the posts and alerts tables under `root`; earlier exports there are kept. */
export async function exportTables(
  source: ExportSource,
  root: string,
  onProgress: (table: string, items: number) => void = () => undefined,
): Promise<TableExport[]> {
  const done: TableExport[] = [];
  for (const table of EXPORTED_TABLES) done.push(await exportTable(source, table, resolve(root), onProgress));
  return done;
}

async function exportTable(
  source: ExportSource,
  table: ExportedTable,
  root: string,
  onProgress: (table: string, items: number) => void,
): Promise<TableExport> {
  const tableName = source.tables[table.name];
  const startTime = new Date().toISOString();
  // DynamoDB's export ids: the start in milliseconds (14 digits) and 8 hex digits.
  const exportId = `${String(Date.now()).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
  const prefix = exportPrefix(table, 'full');
  const exportKey = `${prefix}/AWSDynamoDB/${exportId}`;
  const dir = join(root, exportKey);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, '_started'), '');

  const files: ClosedFile[] = [];
  let writer: DataFileWriter | undefined;
  let itemCount = 0;
  const input: ScanCommandInput = { TableName: tableName, ConsistentRead: true };
  for await (const item of allItems((start: ScanCommandInput['ExclusiveStartKey']) =>
    source.dynamo.send(new ScanCommand({ ...input, ExclusiveStartKey: start })),
  )) {
    writer ??= new DataFileWriter(join(dir, 'data'), `${exportKey}/data`);
    await writer.write(item);
    itemCount += 1;
    if (itemCount % PROGRESS_EVERY === 0) onProgress(table.name, itemCount);
    if (writer.itemCount >= ITEMS_PER_FILE) {
      files.push(await writer.close());
      writer = undefined;
    }
  }
  // Like DynamoDB, an empty table still gets one (empty) data file.
  writer ??= new DataFileWriter(join(dir, 'data'), `${exportKey}/data`);
  files.push(await writer.close());
  onProgress(table.name, itemCount);

  const filesManifest = files.map((f) => JSON.stringify(f.manifestLine)).join('\n') + '\n';
  writeManifest(dir, 'manifest-files', filesManifest);
  const tableArn = `arn:aws:dynamodb:${source.region}:${LOCAL_ACCOUNT}:table/${tableName}`;
  const endTime = new Date().toISOString();
  const summary = {
    version: '2020-06-30',
    exportArn: `${tableArn}/export/${exportId}`,
    startTime,
    endTime,
    tableArn,
    tableId: randomUUID(),
    exportTime: startTime,
    // A local export's "bucket" is the folder it was written to.
    s3Bucket: root,
    s3Prefix: prefix,
    s3SseAlgorithm: null,
    s3SseKmsKeyId: null,
    manifestFilesS3Key: `${exportKey}/manifest-files.json`,
    billedSizeBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    itemCount,
    outputFormat: 'DYNAMODB_JSON',
    exportType: 'FULL_EXPORT',
  };
  writeManifest(dir, 'manifest-summary', JSON.stringify(summary) + '\n');
  return { table: table.name, exportId, dir, itemCount, files: files.map(({ key, itemCount: n }) => ({ key, itemCount: n })) };
}

function writeManifest(dir: string, name: string, text: string): void {
  writeFileSync(join(dir, `${name}.json`), text);
  writeFileSync(join(dir, `${name}.checksum`), createHash('md5').update(text).digest('hex'));
}

interface ClosedFile extends ExportedFile {
  readonly rawBytes: number;
  readonly manifestLine: { itemCount: number; md5Checksum: string; etag: string; dataFileS3Key: string };
}

/** One gzip data file, written as items arrive (never the whole table in memory). */
class DataFileWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<void>;
  private readonly path: string;
  readonly key: string;
  itemCount = 0;
  private rawBytes = 0;

  constructor(folder: string, keyPrefix: string) {
    // DynamoDB names data files with a random token.
    const name = `${randomBytes(13).toString('base64url').toLowerCase()}.json.gz`;
    this.path = join(folder, name);
    this.key = `${keyPrefix}/${name}`;
    this.gzip = createGzip();
    const out = createWriteStream(this.path);
    this.gzip.pipe(out);
    this.done = finished(out);
  }

  async write(item: Record<string, AttributeValue>): Promise<void> {
    const line = JSON.stringify({ Item: item }) + '\n';
    this.itemCount += 1;
    this.rawBytes += Buffer.byteLength(line);
    if (!this.gzip.write(line)) await once(this.gzip, 'drain');
  }

  async close(): Promise<ClosedFile> {
    this.gzip.end();
    await this.done;
    const md5 = createHash('md5');
    for await (const chunk of createReadStream(this.path)) md5.update(chunk as Buffer);
    const digest = md5.digest();
    return {
      key: this.key,
      itemCount: this.itemCount,
      rawBytes: this.rawBytes,
      manifestLine: {
        itemCount: this.itemCount,
        md5Checksum: digest.toString('base64'),
        etag: digest.toString('hex'),
        dataFileS3Key: this.key,
      },
    };
  }
}

export interface ExportCommandOptions {
  /** The data folder of the local tables (`pantau run --data`). */
  readonly dataDir: string;
  readonly outDir: string;
  readonly region: string;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
}

export class NoLocalTablesError extends Error {
  override readonly name = 'NoLocalTablesError';
}

/** `pantau export --out DIR`: exports what the last run stored in the data folder. */
export async function exportLocalTables(opts: ExportCommandOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  if (!existsSync(tablesDir(opts.dataDir))) {
    throw new NoLocalTablesError(`no local tables in ${opts.dataDir}: run "pantau run" (or npm start) first, or give --data DIR`);
  }
  const exports = await withLocalStack({ dataDir: opts.dataDir, region: opts.region, err }, (stack) =>
    exportTables({ dynamo: stack.clients.dynamo, region: stack.region, tables: stack.resources.tables }, opts.outDir, (table, n) =>
      err.write(`  ${table}: ${n} items\n`),
    ),
  );
  for (const e of exports) {
    out.write(`${e.table}: ${e.itemCount} items in ${e.files.length} file${e.files.length === 1 ? '' : 's'}, ${e.dir}\n`);
  }
  out.write(`Query them with: pantau query --from ${opts.outDir}\n`);
  return 0;
}
