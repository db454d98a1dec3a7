import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { adoptPrebuiltMailTemplates } from '../server/mail/render-mail';

/** Written by the build beside the worker's bundle (scripts/build-worker.ts). */
export const prebuiltMailTemplatesFile = 'mail-templates.json';

/**
 * Uses the mail templates the build compiled into `dir`, when it did (the shipped worker): mjml,
 * about 60 MB of the worker's memory, is then never loaded (decision 270). Run from the sources,
 * each template is compiled by its first mail instead.
 */
export function loadPrebuiltMailTemplates(dir: string): boolean {
  const file = path.join(dir, prebuiltMailTemplatesFile);
  if (!existsSync(file)) return false;
  adoptPrebuiltMailTemplates(z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(file, 'utf8'))));
  return true;
}
