/**
 * The deployed views' merge of full and incremental exports (latestItemsSql), run by a real SQL
 * engine (DuckDB) over files in the exports' layout: partitions `snapshot=<time>` of full exports
 * (`{"Item"}` lines) and of incremental ones (`{"Metadata","Keys","NewImage"}` lines).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ALERTS_TABLE } from '../../shared/analytics/schema';
import { duckdbItemType, duckdbKeyType, latestItemsSql, viewSql } from '../../shared/analytics/sql';

const root = mkdtempSync(join(tmpdir(), 'pantau-views-'));

/** An alerts item in DynamoDB JSON with the attributes the view reads (the rest left out). */
function alertItem(alertId: string, severity: number, status: string): Record<string, unknown> {
  return {
    alertId: { S: alertId },
    kind: { S: alertId.split(':')[0] },
    severity: { N: String(severity) },
    firedAt: { S: '2026-11-26T08:30:00.000Z' },
    firedDate: { S: '2026-11-26' },
    placeNames: { L: [{ S: 'Kemang' }] },
    status: { S: status },
  };
}

function writeLines(folder: string, lines: readonly object[]): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'part-0.json.gz'), gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
}

const change = (micros: number, alertId: string, image?: Record<string, unknown>): object => ({
  Metadata: { WriteTimestampMicros: { N: String(micros) } },
  Keys: { alertId: { S: alertId } },
  ...(image ? { NewImage: image } : {}),
});

let connection: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
  // An older full export (ignored), the latest full export, and incremental ones before and after it.
  writeLines(join(root, 'full', 'snapshot=2026-11-19T17:30:00Z'), [{ Item: alertItem('spike:old:1', 9, 'sent') }]);
  writeLines(join(root, 'full', 'snapshot=2026-11-26T17:30:00Z'), [
    { Item: alertItem('spike:banjir:1', 4, 'pending') },
    { Item: alertItem('hoax:banjir:1', 5, 'sent') },
    { Item: alertItem('reach:x:42:1', 3, 'sent') },
  ]);
  writeLines(join(root, 'changes', 'snapshot=2026-11-26T17:30:00Z'), [change(1, 'reach:x:42:1')]);
  writeLines(join(root, 'changes', 'snapshot=2026-11-27T17:30:00Z'), [
    change(2_000, 'spike:banjir:1', alertItem('spike:banjir:1', 6, 'pending')),
    change(3_000, 'spike:banjir:1', alertItem('spike:banjir:1', 8, 'sent')),
    change(2_500, 'hoax:banjir:1'), // expired: removed
    change(2_600, 'digest:2026-11-28', alertItem('digest:2026-11-28', 1, 'sent')),
  ]);
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  const read = (folder: string, columns: string): string =>
    `SELECT * FROM read_json('${join(root, folder)}/*/*.json.gz', format = 'newline_delimited', hive_partitioning = true, columns = ${columns})`;
  await connection.run(
    `CREATE VIEW alerts_full AS SELECT "Item" AS item, snapshot FROM (${read('full', `{"Item": '${duckdbItemType(ALERTS_TABLE)}'}`)})`,
  );
  await connection.run(
    `CREATE VIEW alerts_changes AS ${read(
      'changes',
      `{"Metadata": 'STRUCT("WriteTimestampMicros" STRUCT("N" VARCHAR))', "Keys": '${duckdbKeyType(ALERTS_TABLE)}', "NewImage": '${duckdbItemType(ALERTS_TABLE)}'}`,
    )}`,
  );
  await connection.run(
    `CREATE VIEW alerts AS ${viewSql(ALERTS_TABLE, 'duckdb', latestItemsSql(ALERTS_TABLE, 'alerts_full', 'alerts_changes'))}`,
  );
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

test('the view holds the latest full export with later changes laid over: newest write wins, removed items go', async () => {
  const rows = (
    await connection.runAndReadAll('SELECT alert_id, severity, status, place_names FROM alerts ORDER BY alert_id')
  ).getRowObjectsJson();
  expect(rows).toEqual(
    [
      { alert_id: 'digest:2026-11-28', severity: '1', status: 'sent', place_names: ['Kemang'] },
      // Changed twice after the full export: the later write.
      { alert_id: 'spike:banjir:1', severity: '8', status: 'sent', place_names: ['Kemang'] },
      // Changes exported up to the full export's time are already in it: they are not applied again.
      { alert_id: 'reach:x:42:1', severity: '3', status: 'sent', place_names: ['Kemang'] },
    ].sort((a, b) => (a.alert_id < b.alert_id ? -1 : 1)),
  );
});
