import { spawn, type ChildProcess } from 'node:child_process';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiSyncEvent, GlpiSyncState, Notification } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { notifyPendingSyncEvents } from '../../worker/sync/notify-sync-events';
import { closeTestResources } from '../support/close-resources';
import { createUser } from '../support/fixtures';
import { cacheSnapshot, duplicateKeys, glpiSnapshot, startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { waitFor } from '../support/wait-for';

let h: SyncHarness;
let entityId: number;
let companyId: number;
const childOptions = { pageSize: 5, firstPageSize: 5, overlapRows: 2, lockTtlMs: 1_500 };

function startChild(): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sync-child.ts'], {
    env: {
      ...process.env,
      SYNC_CHILD_SIM_URL: h.sim.url,
      SYNC_CHILD_TOKEN: h.sim.userToken,
      SYNC_CHILD_COMPANY: String(companyId),
      SYNC_CHILD_OPTIONS: JSON.stringify(childOptions),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
  return { child, done };
}

async function runChild(): Promise<string> {
  const { done } = startChild();
  const result = await done;
  expect(result.code, result.output).toBe(0);
  return result.output;
}

const cachedRows = async () => {
  const [row] = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM glpi_assets WHERE glpi_entity_id = :entityId', {
    replacements: { entityId },
    type: QueryTypes.SELECT,
  });
  return Number(row?.n ?? 0);
};

beforeAll(async () => {
  h = await startSyncHarness({ sim: { seed: { seed: 31, entities: 1, assets: 400, tickets: 40 } } });
  entityId = h.entityIds[0]!;
  companyId = h.companyOf.get(entityId)!;
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('a worker killed or restarted', () => {
  it('killed with SIGKILL in the middle of a first sync, then restarted, converges with no duplicate and no missing row', async () => {
    h.sim.state.setKnobs({ latencyMs: 15 });
    const { child, done } = startChild();
    await waitFor(async () => (await cachedRows()) >= 40, { timeoutMs: 20_000, intervalMs: 20, what: 'the first pages' });
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const glpi = glpiSnapshot(h.sim, entityId);
    const total = Object.entries(glpi)
      .filter(([t]) => t !== 'Ticket' && t !== 'ITILFollowup')
      .reduce((sum, [, rows]) => sum + rows.length, 0);
    expect(await cachedRows()).toBeLessThan(total);
    expect((await GlpiSyncState.findAll({ where: { companyId } })).some((state) => state.watermark === null)).toBe(true);

    h.sim.state.setKnobs({ latencyMs: 0 });
    // The killed worker's lock expires on its own (lockTtlMs), as after a real crash.
    await waitFor(
      async () => {
        const output = await runChild();
        return !output.includes('already-running');
      },
      { timeoutMs: 15_000, intervalMs: 300, what: 'the restarted sync' },
    );
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
    expect(await duplicateKeys(entityId)).toBe(0);
    expect(await GlpiSyncEvent.count({ where: { companyId } })).toBe(0);
  }, 60_000);

  it('records a ticket solved in GLPI once, even when a restarted worker reads it again, and notifies it once', async () => {
    const user = await createUser('client', companyId);
    const ticket = h.sim.state.tickets(entityId).find((row) => row.is_deleted === 0 && Number(row.status) < 5)!;
    h.sim.state.setTicketStatus(Number(ticket.id), 5);
    await runChild();
    // As if the worker had died after the page's commit but before the watermark moved.
    await GlpiSyncState.update({ watermark: '2000-01-01 00:00:00' }, { where: { companyId, itemtype: 'Ticket' } });
    await runChild();
    await runChild();
    const events = await GlpiSyncEvent.findAll({ where: { companyId, glpiTicketId: Number(ticket.id) } });
    expect(events.map((event) => event.kind)).toEqual(['ticket_solved']);
    await notifyPendingSyncEvents({ companyId });
    await notifyPendingSyncEvents({ companyId });
    expect(await Notification.count({ where: { userId: user.id, kind: 'glpiTicketSolved' } })).toBe(1);
    expect((await GlpiSyncEvent.findByPk(events[0]!.id))?.notifiedAt).toBeInstanceOf(Date);
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
  }, 60_000);
});
