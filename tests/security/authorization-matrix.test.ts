import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeInspectionQueues } from '../../server/admin/queues/queue-inspector';
import { config } from '../../server/config';
import {
  adminProcedure,
  authedProcedure,
  billingProcedure,
  clientAccountProcedure,
  clientProcedure,
  companyUserProcedure,
  staffProcedure,
  superClientProcedure,
  supportProcedure,
} from '../../server/trpc/init';
import { appRouter } from '../../server/trpc/root-router';
import { refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { foreignReads, notForMember, procedureAccess, sampleInputs, type AccessLevel } from './procedure-access';
import { buildWorld, roles, sessionFor, type Role, type World } from './security-world';

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-security-matrix-${process.pid}`;
});

/**
 * Every procedure of the router, called by every kind of person, against the rule declared for it
 * in procedure-access.ts. The list of procedures is read from the router, so a procedure added
 * without a declared rule fails here.
 */
type ProcedureDef = { _def: { middlewares: unknown[]; inputs: unknown[]; type: string } };
const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures;
const paths = Object.keys(procedures).sort();

const guardOf = (builder: unknown) => (builder as ProcedureDef)._def.middlewares.at(-1);
/** Strongest first: a chain holding the admin guard is admin, whatever else it holds. */
const guards: [AccessLevel, unknown][] = [
  ['admin', guardOf(adminProcedure)],
  ['staff', guardOf(staffProcedure)],
  ['superClient', guardOf(superClientProcedure)],
  ['support', guardOf(supportProcedure)],
  ['client', guardOf(clientProcedure)],
  ['billing', guardOf(billingProcedure)],
  ['companyUser', guardOf(companyUserProcedure)],
  ['clientAccount', guardOf(clientAccountProcedure)],
  ['authed', guardOf(authedProcedure)],
];
const builderLevel = (path: string): AccessLevel =>
  guards.find(([, guard]) => procedures[path]!._def.middlewares.includes(guard))?.[0] ?? 'public';

const allowed: Record<AccessLevel, readonly Role[]> = {
  public: roles,
  authed: roles.filter((r) => r !== 'anonymous'),
  clientAccount: ['client', 'clientWithoutCompany', 'superClientA', 'superClientB'],
  companyUser: ['client', 'superClientA', 'superClientB', 'memberA', 'billingA'],
  billing: ['client', 'superClientA', 'superClientB', 'billingA'],
  client: ['client', 'superClientA', 'superClientB'],
  support: ['superClientA', 'superClientB', 'memberA'],
  superClient: ['superClientA', 'superClientB'],
  staff: ['commercial', 'admin'],
  admin: ['admin'],
};

function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

let world: World;

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

afterAll(async () => {
  await closeInspectionQueues();
  if (config.UPLOAD_DIR.startsWith('/tmp/ytech-security-matrix-')) await rm(config.UPLOAD_DIR, { recursive: true, force: true });
  await closeTestResources();
});

/** One call as this person, from a fresh session of theirs (log-out or log-in samples then touch nothing else). */
async function answer(path: string, role: Role) {
  const input = await sampleInputs[path]?.(world);
  const browser = await sessionFor(world.people[role]);
  return refusal(browser.run((api) => callPath(api, path, input)));
}

describe('authorization matrix', () => {
  it('declares an access rule for every procedure of the router, and no rule for one that is gone', () => {
    expect(paths.length).toBeGreaterThan(90);
    expect(paths.filter((p) => !(p in procedureAccess))).toEqual([]);
    expect(Object.keys(procedureAccess).filter((p) => !(p in procedures))).toEqual([]);
  });

  it('has a sample input for every procedure that takes one', () => {
    const needInput = paths.filter((p) => procedures[p]!._def.inputs.length > 0);
    expect(needInput.filter((p) => !(p in sampleInputs))).toEqual([]);
  });

  it('builds each procedure from the builder its declared rule names', () => {
    const mismatches = paths
      .map((p) => ({ path: p, declared: procedureAccess[p]!, builder: builderLevel(p) }))
      .filter((m) => m.declared !== m.builder);
    expect(mismatches).toEqual([]);
  });

  it('answers every person as the declared rule says: refused without data, or let past the guard', async () => {
    const wrong: string[] = [];
    for (const path of paths) {
      const level = procedureAccess[path]!;
      const outcomes = await Promise.all(roles.map(async (role) => [role, await answer(path, role)] as const));
      for (const [role, outcome] of outcomes) {
        const seen = outcome ? `${outcome.code} ${outcome.message}` : 'ok';
        if (allowed[level].includes(role)) {
          if (outcome && ['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR'].includes(outcome.code))
            wrong.push(`${path} as ${role} (${level}): ${seen}`);
        } else if (role === 'anonymous') {
          if (seen !== 'UNAUTHORIZED errors.unauthenticated') wrong.push(`${path} as anonymous (${level}): ${seen}`);
        } else if (outcome?.code !== 'FORBIDDEN' || !/^errors\.[A-Za-z.]+$/.test(outcome.message)) {
          wrong.push(`${path} as ${role} (${level}): ${seen}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it("answers NOT_FOUND to a member of company A for A's documents and for a ticket not theirs, which A's manager reads", async () => {
    for (const [path, input] of Object.entries(notForMember)) {
      const asMember = await sessionFor(world.people.memberA);
      const asManager = await sessionFor(world.people.superClientA);
      expect([path, await refusal(asMember.run((api) => callPath(api, path, input(world))))]).toEqual([
        path,
        { code: 'NOT_FOUND', message: 'errors.notFound' },
      ]);
      expect([path, await refusal(asManager.run((api) => callPath(api, path, input(world))))]).toEqual([path, null]);
    }
  });

  it("answers NOT_FOUND to the super-client of company B for company A's records, which A itself reads", async () => {
    for (const [path, input] of Object.entries(foreignReads)) {
      const asB = await sessionFor(world.people.superClientB);
      const asA = await sessionFor(world.people.superClientA);
      expect([path, await refusal(asB.run((api) => callPath(api, path, input(world))))]).toEqual([
        path,
        { code: 'NOT_FOUND', message: 'errors.notFound' },
      ]);
      expect([path, await refusal(asA.run((api) => callPath(api, path, input(world))))]).toEqual([path, null]);
    }
  });
});
