import { readFileSync } from 'node:fs';

/**
 * The examples of an evaluation set (one JSON object a line, blank lines skipped), in file order.
 * `toExample` checks each parsed line and shapes it; it gets the line's 1-based number for its
 * error messages.
 */
export function readExamples<Raw, Example>(file: string, toExample: (raw: Raw, line: number) => Example): Example[] {
  const out: Example[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      out.push(toExample(JSON.parse(line) as Raw, i + 1));
    });
  return out;
}
