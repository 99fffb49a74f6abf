/** Writes docs/schema.md from the code's attribute lists (shared/analytics/doc.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchemaDoc } from '../shared/analytics/doc';

const path = join(__dirname, '..', 'docs', 'schema.md');
writeFileSync(path, renderSchemaDoc());
process.stdout.write(`wrote ${path}\n`);
