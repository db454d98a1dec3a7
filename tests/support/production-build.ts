import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runStep } from '../../scripts/stack/run-step';
import { buildShippedWorker } from '../../scripts/stack/shipped-worker';
import { testRunId } from './test-databases';

const cacheDir = path.resolve('node_modules/.cache/ytech-test-build');
const lockDir = path.join(cacheDir, 'lock');
const stampFile = path.join(cacheDir, 'built-for-run');

/**
 * `remix build` and the worker's build once per vitest run, whichever test file asks first: test
 * files in parallel would otherwise rewrite build/ and public/build under each other's running servers.
 */
export async function ensureProductionBuild(): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  await acquire();
  try {
    const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
    if (built === testRunId() && existsSync('build/index.js')) return;
    await runStep('remix build', [path.resolve('node_modules/.bin/remix'), 'build'], { ...process.env, NODE_ENV: 'production' });
    await buildShippedWorker(process.env);
    writeFileSync(stampFile, testRunId());
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function acquire(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('waited 3 minutes for another test file’s remix build');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
