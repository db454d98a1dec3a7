import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedWorker } from '../../scripts/stack/shipped-worker';
import { compiledTemplate } from '../../server/mail/render-mail';
import { mailTemplateNames } from '../../server/mail/mail-templates';
import { locales } from '../../shared/i18n/locales';
import { prebuiltMailTemplatesFile } from '../../worker/prebuilt-mail-templates';

// The worker is shipped as a bundle with its mail templates compiled beside it (decision 270).
const outdir = mkdtempSync(path.join(tmpdir(), 'ytech-worker-build-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the worker as shipped', () => {
  it('is built into one module with every mail template compiled as the sources compile it', async () => {
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/build-worker.ts', '--outdir', outdir], { stdio: 'pipe' });
    expect(existsSync(path.join(outdir, 'main.js'))).toBe(true);
    const table = JSON.parse(readFileSync(path.join(outdir, prebuiltMailTemplatesFile), 'utf8')) as Record<string, string>;
    expect(Object.keys(table)).toHaveLength(mailTemplateNames.length * locales.length);
    for (const name of mailTemplateNames) {
      for (const locale of locales) expect(table[`${name}:${locale}`], `${name}:${locale}`).toBe(await compiledTemplate(name, locale));
    }
  }, 120_000);

  it('runs in docker-compose as npm run worker runs it', () => {
    const { nodeFlags, script } = shippedWorker();
    const compose = readFileSync('docker-compose.yml', 'utf8');
    const service = compose.slice(compose.indexOf('\n  worker:'));
    expect(service).toContain(`command: ['node', '${path.relative(process.cwd(), script)}']`);
    expect(service).toContain(`NODE_OPTIONS: ${nodeFlags.join(' ')}`);
  });
});
