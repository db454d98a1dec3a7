import { afterAll, beforeAll } from 'vitest';
import type { CompanyRole } from '../../server/accounts/roles';
import { getQueue } from '../../server/jobs/queues';
import { deliverOutboxEntry, type OutboxDeliveryOptions } from '../../worker/jobs/deliver-outbox';
import { provisionCompany, type ProvisioningOptions } from '../../worker/provisioning/provision-company';
import { closeTestResources } from './close-resources';
import { createCompany, createUser } from './fixtures';
import { startRealSyncHarness, type RealSyncHarness } from './real-sync-harness';

export type RealGlpiTickets = {
  /** The file's harness: the real GLPI, its Super-Admin driver and the sync's context. */
  readonly h: RealSyncHarness;
  /** Provisioning as the worker does it, under the file's parent entity, GLPI's profile 1 for clients. */
  readonly options: ProvisioningOptions;
  /** A company with one client user (a manager unless told), provisioned in GLPI: its entity and the user's GLPI account. */
  provisionedClient(companyRole?: CompanyRole): Promise<{
    company: Awaited<ReturnType<typeof createCompany>>;
    user: Awaited<ReturnType<typeof createUser>>;
    entityId: number;
    glpiUserId: number;
  }>;
  /** An outbox entry delivered as the worker does, the sync's options included (its read-back). */
  deliver(outboxId: number, extra?: OutboxDeliveryOptions): Promise<number | null>;
};

/**
 * The preamble of the files that write tickets to a real GLPI 10.0.12 (tests/real-glpi/ticket-*):
 * one harness for the file, started before its tests and closed after them with the queue the
 * deliveries fill. Call it once at the top of the file.
 */
export function realGlpiTickets(): RealGlpiTickets {
  let harness: RealSyncHarness | undefined;
  beforeAll(async () => {
    harness = await startRealSyncHarness();
  }, 300_000);
  afterAll(async () => {
    await getQueue('glpi-sync')
      .obliterate({ force: true })
      .catch(() => undefined);
    await harness?.close();
    await closeTestResources();
  });
  const h = () => {
    if (!harness) throw new Error('realGlpiTickets: the harness is started in beforeAll');
    return harness;
  };
  const options = (): ProvisioningOptions => ({ pool: () => h().ctx.pool, parentEntityId: h().parentEntityId, clientProfileId: 1 });
  return {
    get h() {
      return h();
    },
    get options() {
      return options();
    },
    async provisionedClient(companyRole) {
      const company = await createCompany();
      const user = await createUser('client', company.id, companyRole);
      const { entityId } = (await provisionCompany({ companyId: company.id }, options()))!;
      const [account] = await h().glpi.query<{ id: number }>('SELECT id FROM glpi_users WHERE name = ?', [user.email]);
      return { company, user, entityId, glpiUserId: account!.id };
    },
    deliver: (outboxId, extra = {}) => deliverOutboxEntry(outboxId, { pool: options().pool, syncOptions: h().ctx.options, ...extra }),
  };
}
