import { randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { expect, it } from 'vitest';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiApiDriver } from './glpi-api-driver';
import { addLinkedClient } from './linked-client';

export type SitesGlpi = {
  /** The Super-Admin, on the root entity, recursive. */
  driver: GlpiApiDriver;
  /** Where client entities are created (the clients' parent entity). */
  parentEntityId: number;
  /** What the worker does for one company in a cycle. */
  cycle(companyId: number): Promise<unknown>;
};

/** GLPI ids of what the company's portal shows (live cache rows). */
async function shown(companyId: number): Promise<{ computers: number[]; tickets: number[] }> {
  const ids = async (sql: string) =>
    (await sequelize.query<{ id: number }>(sql, { replacements: { companyId }, type: QueryTypes.SELECT })).map((row) => Number(row.id));
  return {
    computers: await ids(
      "SELECT glpi_id AS id FROM glpi_assets WHERE company_id = :companyId AND itemtype = 'Computer' AND deleted_at IS NULL ORDER BY glpi_id",
    ),
    tickets: await ids('SELECT glpi_id AS id FROM glpi_tickets WHERE company_id = :companyId AND deleted_at IS NULL ORDER BY glpi_id'),
  };
}

/**
 * A client's sites (sub-entities of its entity) belong to the client (decision 300), unless staff
 * linked a site to a company of its own. Registered by the simulator's and the real GLPI's files,
 * so that both GLPIs answer the same checks.
 */
export function clientSitesChecks(glpi: () => SitesGlpi): void {
  const tag = randomBytes(3).toString('hex');

  it("a site created after the company's first sync is read at the next cycle, its computers and tickets with it", async () => {
    const { driver, parentEntityId, cycle } = glpi();
    const client = await addLinkedClient(driver, parentEntityId, `Client avec sites ${tag}`);
    await driver.create('Computer', [{ name: `PC-SIEGE-${tag}`, entities_id: client.entityId }]);
    await cycle(client.companyId);
    const site = await driver.createOne('Entity', { name: `Site Oran ${tag}`, entities_id: client.entityId });
    await driver.switchTo(0, true);
    const [computer] = await driver.create('Computer', [{ name: `PC-ORAN-${tag}`, entities_id: site }]);
    const ticket = await driver.createOne('Ticket', {
      name: `Imprimante Oran ${tag}`,
      content: '<p>Bourrage papier</p>',
      entities_id: site,
    });

    await cycle(client.companyId);

    const seen = await shown(client.companyId);
    expect(seen.computers).toContain(computer);
    expect(seen.computers).toHaveLength(2);
    expect(seen.tickets).toEqual([ticket]);
  });

  it("a company linked to another's site reads that site; the other stops showing it, and an item moved there", async () => {
    const { driver, parentEntityId, cycle } = glpi();
    const group = await addLinkedClient(driver, parentEntityId, `Groupe ${tag}`);
    const branch = await addLinkedClient(driver, group.entityId, `Filiale ${tag}`);
    const branchSite = await driver.createOne('Entity', { name: `Filiale Annaba ${tag}`, entities_id: branch.entityId });
    await driver.switchTo(0, true);
    const [groupPc = 0, movedPc = 0] = await driver.create('Computer', [
      { name: `PC-GROUPE-${tag}`, entities_id: group.entityId },
      { name: `PC-DEPLACE-${tag}`, entities_id: group.entityId },
    ]);
    const [branchPc = 0] = await driver.create('Computer', [{ name: `PC-FILIALE-${tag}`, entities_id: branch.entityId }]);
    const [branchSitePc = 0] = await driver.create('Computer', [{ name: `PC-ANNABA-${tag}`, entities_id: branchSite }]);
    const branchTicket = await driver.createOne('Ticket', {
      name: `Réseau filiale ${tag}`,
      content: '<p>Coupure</p>',
      entities_id: branch.entityId,
    });

    await cycle(group.companyId);
    await cycle(branch.companyId);
    expect(await shown(group.companyId)).toEqual({ computers: [groupPc, movedPc], tickets: [] });
    expect(await shown(branch.companyId)).toEqual({ computers: [branchPc, branchSitePc], tickets: [branchTicket] });

    // A technician files one of the group's computers under the branch.
    await driver.update('Computer', [{ id: movedPc, entities_id: branch.entityId }]);
    await cycle(group.companyId);
    await cycle(branch.companyId);
    expect((await shown(group.companyId)).computers).toEqual([groupPc]);
    expect((await shown(branch.companyId)).computers).toEqual([branchPc, movedPc, branchSitePc].sort((a, b) => a - b));
  });
}
