import { it } from 'vitest';
import { appRouter } from '../../server/trpc/root-router';
it('list', () => {
  const procs = (appRouter._def as any).procedures;
  for (const [k, v] of Object.entries<any>(procs)) console.log(k, v._def.type, v._def.middlewares.length, v._def.inputs.length);
});
