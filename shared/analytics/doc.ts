/**
 * docs/schema.md, written from the attribute lists in schema.ts and the saved queries in sql.ts
 * (`npm run docs:schema`); a unit test fails when the file and the code disagree.
 */
import { EXPORTED_TABLES, STATE_ITEMS, columnName, type AttributeDoc } from './schema';
import { SAVED_QUERIES } from './sql';

const TYPE_WORDS: Record<AttributeDoc['type'], string> = {
  S: 'string (S)',
  N: 'number (N)',
  BOOL: 'boolean (BOOL)',
  'L<S>': 'list of strings (L of S)',
  M: 'map (M)',
  'L<M>': 'list of maps (L of M)',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function renderSchemaDoc(): string {
  const out: string[] = [
    '# Exported tables: posts and alerts',
    '',
    '<!-- Written by `npm run docs:schema` from shared/analytics/schema.ts and sql.ts; edit those, not this file. -->',
    '',
    'Analysts query exports of two DynamoDB tables, never the live tables. Every attribute is flat and typed (no JSON inside strings), so it can be filtered on as it is. In an export (DynamoDB\'s export to S3, or `pantau export` locally) each line is `{"Item": {...}}` with each attribute in DynamoDB JSON (`{"S": "banjir"}`, `{"N": "3"}`, `{"L": [{"S": "Kemang"}]}`). The Athena views `posts` and `alerts` (and their DuckDB twins in `pantau query`) turn them into the columns listed here: names in snake_case, lists as arrays, ISO times as UTC timestamps.',
    '',
    'An attribute marked *sometimes* is absent (a null column) when the source or the alert does not have it.',
    '',
  ];
  for (const table of EXPORTED_TABLES) {
    out.push(`## ${table.name}`, '', table.summary, '', '| Attribute | Type | Present | View column | Meaning |', '|---|---|---|---|---|');
    for (const a of table.attributes) {
      const column = a.column ? `\`${columnName(a.name)}\` ${a.column}` : '(not in the view)';
      out.push(`| \`${a.name}\` | ${TYPE_WORDS[a.type]} | ${a.always ? 'always' : 'sometimes'} | ${column} | ${cell(a.meaning)} |`);
    }
    out.push('');
  }
  out.push(
    '## The state table (not exported)',
    '',
    'Operational items only, read by the functions, `pantau check` and the tests; most expire within days (`expiresAt`, DynamoDB TTL). Partition key `pk`, sort key `sk`.',
    '',
    '| pk | sk | Written by | What it holds |',
    '|---|---|---|---|',
  );
  for (const item of STATE_ITEMS) out.push(`| \`${item.pk}\` | \`${item.sk}\` | ${cell(item.writer)} | ${cell(item.meaning)} |`);
  out.push('');
  out.push('## Saved queries', '', 'The same SQL runs in Athena (saved in the workgroup) and on a local export (`pantau query`).', '');
  for (const q of SAVED_QUERIES) out.push(`### ${q.name}`, '', q.description, '', '```sql', q.sql, '```', '');
  return out.join('\n');
}
