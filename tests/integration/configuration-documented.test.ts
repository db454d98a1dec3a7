import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../server/config';
import { workerEnvSchema } from '../../worker/worker-config';

/**
 * Every variable the web and the worker read is documented in .env.example, and every worker
 * variable can be set through docker-compose.yml; test tunables sit apart, labelled as such.
 */
const envExample = readFileSync('.env.example', 'utf8');
const compose = readFileSync('docker-compose.yml', 'utf8');
const testSection = envExample.slice(envExample.indexOf('# --- demo and test tunables'));
const documented = (text: string) => new Set([...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
const composeVariables = new Set([...compose.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]));
const testTunables = ['JOB_BACKOFF_MS'];

describe('configuration', () => {
  it('documents every variable of the web and the worker in .env.example', () => {
    const names = [...Object.keys(configSchema.shape), ...Object.keys(workerEnvSchema.shape)];
    expect(names.filter((name) => !documented(envExample).has(name))).toEqual([]);
  });

  it('lets docker-compose.yml set every worker variable', () => {
    expect(Object.keys(workerEnvSchema.shape).filter((name) => !composeVariables.has(name))).toEqual([]);
  });

  it('keeps the test tunables in their own labelled section, out of the compose file', () => {
    expect(testSection).not.toBe(envExample);
    for (const name of testTunables) {
      expect(documented(testSection).has(name)).toBe(true);
      expect(composeVariables.has(name)).toBe(false);
    }
    expect(Object.keys(configSchema.shape)).toEqual(expect.arrayContaining(testTunables));
  });
});
