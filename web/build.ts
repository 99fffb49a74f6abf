/**
 * Builds the console page into one folder a static host serves as it is:
 *
 *   npx tsx web/build.ts [outDir]      (default web/dist)
 *
 * esbuild bundles `web/src/main.ts` (Preact, htm, uPlot; minified, ES2020) into
 * `app-<hash>.js` and `web/styles.css` (with uPlot's CSS) into `styles-<hash>.css`, each with a
 * linked source map, and writes `index.html` pointing at them. The hashed files never change
 * once written (cache them for a year); `index.html` and `config.json` must be revalidated.
 * Builds of the page that a new one replaces are removed from the folder; nothing else is.
 */
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB = __dirname;
const ROOT = resolve(WEB, '..');
/** What a build writes, by name: earlier builds' files matching these are removed. */
const BUILT = /^(app|styles)-[A-Z0-9]+\.(js|css)(\.map)?$/;

export interface PageBuild {
  /** The files written, relative to the folder. */
  readonly files: string[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  /** The modules bundled into the page, relative to the repository (for checking what reached it). */
  readonly inputs: string[];
}

export async function buildPage(outDir: string): Promise<PageBuild> {
  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  const result = await build({
    entryPoints: { app: join(WEB, 'src/main.ts'), styles: join(WEB, 'styles.css') },
    outdir: out,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'linked',
    metafile: true,
    charset: 'utf8',
    tsconfig: join(WEB, 'tsconfig.json'),
    logLevel: 'silent',
  });

  const outputs = Object.entries(result.metafile.outputs);
  const entry = (suffix: string): string => {
    const found = outputs.find(([, o]) => o.entryPoint?.endsWith(suffix));
    if (!found) throw new Error(`web/build: esbuild wrote nothing for ${suffix}`);
    return basename(found[0]);
  };
  const js = entry('src/main.ts');
  const css = entry('styles.css');

  const template = await readFile(join(WEB, 'index.html'), 'utf8');
  for (const asset of ['./app.js', './styles.css']) {
    if (!template.includes(`"${asset}"`)) throw new Error(`web/build: index.html no longer refers to "${asset}"`);
  }
  await writeFile(join(out, 'index.html'), template.replace('"./app.js"', `"./${js}"`).replace('"./styles.css"', `"./${css}"`));

  const written = new Set([...outputs.map(([path]) => basename(path)), 'index.html']);
  for (const name of await readdir(out)) if (BUILT.test(name) && !written.has(name)) await rm(join(out, name));

  const code = await readFile(join(out, js));
  return {
    files: [...written].sort(),
    jsBytes: code.length,
    jsGzipBytes: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs).map((p) => relative(ROOT, resolve(p))),
  };
}

if (require.main === module) {
  const outDir = process.argv[2] ?? join(WEB, 'dist');
  buildPage(outDir)
    .then((page) => {
      process.stdout.write(
        `web/build: ${relative(process.cwd(), resolve(outDir)) || '.'}: ${page.files.join(', ')}; JavaScript ${page.jsBytes} bytes, ${page.jsGzipBytes} gzipped\n`,
      );
    })
    .catch((err: unknown) => {
      process.stderr.write(`web/build: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    });
}
