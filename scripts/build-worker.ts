/**
 * `npm run build:worker` (part of `npm run build`, and run by `npm run worker` before it starts):
 * the worker as it is shipped, one ES module run by plain Node, and every mail template compiled
 * beside it, so that the running worker loads neither tsx's transformer nor mjml (decision 270).
 * `--outdir DIR` builds elsewhere than build/worker (tests).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

// Compiling here is the point: the line each template logs when compiled at run time is not news.
process.env.LOG_LEVEL = 'warn';
const { compileAllMailTemplates } = await import('../server/mail/render-mail');
const { prebuiltMailTemplatesFile } = await import('../worker/prebuilt-mail-templates');

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'build/worker' } } });
const outdir = path.resolve(values.outdir);
await mkdir(outdir, { recursive: true });

await build({
  entryPoints: ['worker/main.ts'],
  outfile: path.join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Packages are imported from node_modules at run time, as under tsx: only our own code is bundled.
  packages: 'external',
  // Not loaded unless NODE_OPTIONS=--enable-source-maps (about 16 MB more): stack traces then name the sources.
  sourcemap: 'linked',
  logLevel: 'warning',
});
await writeFile(path.join(outdir, prebuiltMailTemplatesFile), JSON.stringify(await compileAllMailTemplates()));
