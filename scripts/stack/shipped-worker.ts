import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runStep } from './run-step';

/**
 * The worker as `npm run worker` ships it (package.json is the one place that says so): the bundle
 * `npm run build:worker` writes, run by plain Node with the heap flags beside it. The demo, the
 * end-to-end stack, the fault tests and the benchmarks start this, not the sources.
 */
export function shippedWorker(root = process.cwd()): { nodeFlags: string[]; script: string; command: string[] } {
  const command = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    .worker!;
  const node = /&& exec node ((?:--\S+ )*)(\S+\.js)$/.exec(command);
  if (!node) throw new Error(`package.json's worker script is not "… && exec node [flags] file.js": ${command}`);
  const nodeFlags = node[1]!.trim().split(' ').filter(Boolean);
  const script = path.join(root, node[2]!);
  // This process's node: Node 24 when started through npm (node_modules/.bin).
  return { nodeFlags, script, command: [process.execPath, ...nodeFlags, script] };
}

/** `npm run build:worker` with this environment: the bundle and its compiled mail templates. */
export function buildShippedWorker(env: NodeJS.ProcessEnv, root = process.cwd()): Promise<void> {
  return runStep('worker build', [path.join(root, 'node_modules/.bin/tsx'), 'scripts/build-worker.ts'], env, root);
}
