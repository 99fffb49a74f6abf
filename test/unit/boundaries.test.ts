// The lint rules that keep the architecture's boundaries (eslint.config.mjs, `boundaries`), run
// through ESLint's own API on sources that never touch the disk.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

interface Case {
  readonly file: string;
  readonly source: string;
}

/** The boundary messages ESLint gives each case, linted as if it were that file (one ESLint process for all). */
function boundaryErrors(cases: readonly Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const c of JSON.parse(process.argv[1])) {
        const [result] = await eslint.lintText(c.source, { filePath: c.file });
        out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((err) => { console.error(err); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

test('imports across a boundary are lint errors that name the boundary; allowed ones are not', () => {
  const [coreToAdapter, coreToSdk, sharedToLocal, handlerToInfra, awsToLocal, localToCli, handlerToAdapter] = boundaryErrors([
    { file: 'shared/pipeline/probe.ts', source: "import '../adapters/http';\n" },
    { file: 'shared/notify/probe.ts', source: "import type { SNSClient } from '@aws-sdk/client-sns';\nexport type P = SNSClient;\n" },
    { file: 'shared/adapters/probe.ts', source: "import '../../infra/local/stack';\n" },
    { file: 'functions/probe/handler.ts', source: "import '../../infra/aws/stack';\n" },
    { file: 'infra/aws/probe.ts', source: "import '../local/stack';\n" },
    { file: 'infra/local/probe.ts', source: "import '../../cli/run';\n" },
    { file: 'functions/probe/handler.ts', source: "import '../../shared/adapters/wiring';\n" },
  ]);
  expect(coreToAdapter).toEqual([expect.stringContaining('never imports shared/adapters')]);
  expect(coreToSdk).toEqual([expect.stringContaining('never imports an AWS SDK or CDK package')]);
  expect(sharedToLocal).toEqual([expect.stringContaining('shared/ never imports infra/')]);
  expect(handlerToInfra).toEqual([expect.stringContaining('functions/ never imports infra/')]);
  expect(awsToLocal).toEqual([expect.stringContaining('the two infrastructures are twins')]);
  expect(localToCli).toEqual([expect.stringContaining('the twin is a library the command line drives')]);
  expect(handlerToAdapter).toEqual([]);
});
