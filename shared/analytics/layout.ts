/**
 * Where exports live: the same layout in the deployed bucket and in a local `pantau export --out DIR`
 * (DIR stands for the bucket's root), so the analysts' queries read both alike.
 *
 *   exports/<table>/full/AWSDynamoDB/<exportId>/manifest-summary.json, manifest-files.json, data/*.json.gz
 *   exports/<table>/incremental/AWSDynamoDB/<exportId>/…   (deployed only)
 *   athena-results/                                         (deployed only)
 */
import type { ExportedTable } from './schema';

export type ExportKind = 'full' | 'incremental';

/** The S3 prefix (or folder under DIR) a table's exports of one kind are written under. */
export function exportPrefix(table: ExportedTable | ExportedTable['name'], kind: ExportKind): string {
  const name = typeof table === 'string' ? table : table.name;
  return `exports/${name}/${kind}`;
}

/** Where Athena writes query results in the bucket. */
export const QUERY_RESULTS_PREFIX = 'athena-results';

/** The Glue database of a deployment (`pantau` → `pantau_analytics`): Glue names take no dashes. */
export function analyticsDatabase(deploymentName: string): string {
  return `${deploymentName.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_analytics`;
}
