import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The worker as `npm run worker` ships it (package.json is the one place that says so): the bundle
 * `npm run build:worker` writes, run by plain Node with the heap flags beside it. The demo, the
 * end-to-end stack, the fault tests and the benchmarks start this, not the sources.
 */
export function shippedWorker(root = process.cwd()): { nodeFlags: string[]; script: string } {
  const command = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    .worker!;
  const node = /&& exec node ((?:--\S+ )*)(\S+\.js)$/.exec(command);
  if (!node) throw new Error(`package.json's worker script is not "… && exec node [flags] file.js": ${command}`);
  return { nodeFlags: node[1]!.trim().split(' ').filter(Boolean), script: path.join(root, node[2]!) };
}
