#!/usr/bin/env node
// Entry point of the `pantau` command: runs the TypeScript CLI through tsx, so no build step is needed.
'use strict';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
require('../cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`pantau: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
