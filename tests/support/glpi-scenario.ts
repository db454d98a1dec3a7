import type { GlpiApiDriver } from './glpi-api-driver';

/**
 * A seeded random life of one GLPI entity, played through GLPI's API the way technicians, mass
 * actions and imports change it: bulk creates and bulk updates (rows sharing one `date_mod`
 * second), trash, restore, purge, tickets changing status, follow-ups on open and closed tickets
 * (public and private), operating systems and warranties set, changed and removed. Between steps
 * the caller runs a sync cycle and compares the cache with GLPI; a failure names its seed and the
 * steps played, so that it can be replayed.
 */
export type ScenarioStep = { op: string; detail: string };

const assetTypes = ['Computer', 'Monitor', 'Printer'] as const;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
    chance: (p: number) => next() < p,
  };
}

export class GlpiScenario {
  private readonly random;
  private counter = 0;
  readonly steps: ScenarioStep[] = [];
  private osIds: number[] = [];
  /** A site of the client: a sub-entity technicians file some of its items under. */
  private siteId = 0;

  constructor(
    private readonly driver: GlpiApiDriver,
    private readonly entityId: number,
    readonly seed: number,
  ) {
    this.random = prng(seed);
  }

  /** The operating systems the scenario picks from (shared dropdowns, created once per scenario), and the client's site. */
  async prepare(): Promise<void> {
    this.osIds = await this.driver.create(
      'OperatingSystem',
      [1, 2, 3].map((n) => ({ name: `OS ${this.seed}-${n}` })),
    );
    this.siteId = await this.driver.createOne('Entity', { name: `Site ${this.seed}-${this.entityId}`, entities_id: this.entityId });
  }

  /** Plays one random operation. */
  async step(): Promise<void> {
    const operations: Array<[number, () => Promise<string>]> = [
      [3, () => this.createAssets()],
      [3, () => this.bulkUpdateAssets()],
      [2, () => this.trashAssets()],
      [1, () => this.restoreAssets()],
      [1, () => this.purgeAssets()],
      [3, () => this.createTickets()],
      [3, () => this.bulkTicketStatus()],
      [1, () => this.trashOrRestoreTicket()],
      [3, () => this.addFollowups()],
      [2, () => this.operatingSystems()],
      [2, () => this.warranties()],
      [1, () => this.renameOperatingSystem()],
      [2, () => this.moveBetweenSites()],
    ];
    const total = operations.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.random.int(1, total);
    for (const [weight, operation] of operations) {
      roll -= weight;
      if (roll > 0) continue;
      const detail = await operation();
      this.steps.push({ op: operation.name, detail });
      return;
    }
  }

  describe(): string {
    return `seed ${this.seed}:\n${this.steps.map((step, index) => `  ${index + 1}. ${step.detail}`).join('\n')}`;
  }

  private name(prefix: string) {
    this.counter += 1;
    return `${prefix}-${this.seed}-${this.counter}`;
  }

  private async live(itemtype: string, trash = false): Promise<number[]> {
    await this.driver.switchTo(this.entityId, true);
    const rows = await this.driver.all(itemtype, { trash });
    await this.driver.switchTo(0, true);
    return rows.filter((row) => row.is_template !== 1).map((row) => row.id);
  }

  private async createAssets() {
    const itemtype = this.random.pick(assetTypes);
    const count = this.random.int(1, 25);
    await this.driver.create(
      itemtype,
      Array.from({ length: count }, () => ({ name: this.name(itemtype.slice(0, 3).toUpperCase()), entities_id: this.entityId })),
    );
    return `create ${count} ${itemtype} in one request`;
  }

  /** Items filed under the client's site or back under the client itself, as a technician reorganises them. */
  private async moveBetweenSites() {
    const itemtype = this.random.pick([...assetTypes, 'Ticket']);
    const ids = this.random.some(await this.live(itemtype), this.random.int(1, 5));
    const to = this.random.chance(0.7) ? this.siteId : this.entityId;
    await this.driver.update(
      itemtype,
      ids.map((id) => ({ id, entities_id: to })),
    );
    return `move ${itemtype} ${ids.join(',')} to ${to === this.siteId ? 'the site' : 'the client entity'}`;
  }

  private async bulkUpdateAssets() {
    const itemtype = this.random.pick(assetTypes);
    const ids = this.random.some(await this.live(itemtype), this.random.int(1, 30));
    await this.driver.update(
      itemtype,
      ids.map((id) => ({ id, name: this.name('REN'), comment: `mass ${this.counter}` })),
    );
    return `rename ${ids.length} ${itemtype} in one request`;
  }

  private async trashAssets() {
    const itemtype = this.random.pick(assetTypes);
    const ids = this.random.some(await this.live(itemtype), this.random.int(1, 5));
    await this.driver.trash(itemtype, ids);
    return `trash ${itemtype} ${ids.join(',')}`;
  }

  private async restoreAssets() {
    const itemtype = this.random.pick(assetTypes);
    const ids = this.random.some(await this.live(itemtype, true), this.random.int(1, 3));
    await this.driver.restore(itemtype, ids);
    return `restore ${itemtype} ${ids.join(',')}`;
  }

  private async purgeAssets() {
    const itemtype = this.random.pick(assetTypes);
    const ids = this.random.some([...(await this.live(itemtype)), ...(await this.live(itemtype, true))], this.random.int(1, 3));
    await this.driver.purge(itemtype, ids);
    return `purge ${itemtype} ${ids.join(',')}`;
  }

  private async createTickets() {
    const count = this.random.int(1, 8);
    // Some logged as closed at once: GLPI never takes those into account, and a later follow-up leaves them untouched.
    const inputs = Array.from({ length: count }, () => ({
      name: `${this.name('Ticket')} <${this.random.pick(['écran', 'imprimante', 'réseau'])}> & co`,
      content: '<p>Signalé par téléphone</p>',
      entities_id: this.entityId,
      ...(this.random.chance(0.3) ? { status: 6 } : {}),
    }));
    await this.driver.create('Ticket', inputs);
    return `create ${count} tickets in one request`;
  }

  private async bulkTicketStatus() {
    const ids = this.random.some(await this.live('Ticket'), this.random.int(1, 20));
    const status = this.random.pick([2, 4, 5, 6]);
    await this.driver.update(
      'Ticket',
      ids.map((id) => ({ id, status })),
    );
    return `status ${status} on ${ids.length} tickets in one request`;
  }

  private async trashOrRestoreTicket() {
    if (this.random.chance(0.5)) {
      const ids = this.random.some(await this.live('Ticket', true), 1);
      await this.driver.restore('Ticket', ids);
      return `restore ticket ${ids.join(',')}`;
    }
    const ids = this.random.some(await this.live('Ticket'), 1);
    await this.driver.trash('Ticket', ids);
    return `trash ticket ${ids.join(',')}`;
  }

  private async addFollowups() {
    const ids = this.random.some(await this.live('Ticket'), this.random.int(1, 4));
    for (const id of ids) {
      await this.driver.createOne('ITILFollowup', {
        itemtype: 'Ticket',
        items_id: id,
        content: `<p>${this.name('Réponse')}</p>`,
        is_private: this.random.chance(0.3) ? 1 : 0,
      });
    }
    return `follow-ups on tickets ${ids.join(',')}`;
  }

  private async operatingSystems() {
    const computers = await this.live('Computer');
    await this.driver.switchTo(this.entityId, true);
    const rows = await this.driver.all('Item_OperatingSystem');
    await this.driver.switchTo(0, true);
    const roll = this.random.int(1, 3);
    if (roll === 1 || rows.length === 0) {
      const without = computers.filter((id) => !rows.some((row) => row.items_id === id));
      const chosen = this.random.some(without, this.random.int(1, 5));
      await this.driver.create(
        'Item_OperatingSystem',
        chosen.map((id) => ({
          itemtype: 'Computer',
          items_id: id,
          operatingsystems_id: this.random.pick(this.osIds),
          entities_id: this.entityId,
        })),
      );
      return `OS set on computers ${chosen.join(',')}`;
    }
    const row = this.random.pick(rows);
    if (roll === 2) {
      await this.driver.update('Item_OperatingSystem', [{ id: row.id, operatingsystems_id: this.random.pick(this.osIds) }]);
      return `OS changed on computer ${String(row.items_id)}`;
    }
    await this.driver.purge('Item_OperatingSystem', [row.id]);
    return `OS removed from computer ${String(row.items_id)}`;
  }

  private async warranties() {
    const itemtype = this.random.pick(assetTypes);
    const assets = await this.live(itemtype);
    await this.driver.switchTo(this.entityId, true);
    const rows = (await this.driver.all('Infocom')).filter((row) => row.itemtype === itemtype);
    await this.driver.switchTo(0, true);
    const roll = this.random.int(1, 3);
    const day = () => new Date(Date.UTC(2025, this.random.int(0, 11), this.random.int(1, 28))).toISOString().slice(0, 10);
    if (roll === 1 || rows.length === 0) {
      const without = assets.filter((id) => !rows.some((row) => row.items_id === id));
      const chosen = this.random.some(without, this.random.int(1, 5));
      await this.driver.create(
        'Infocom',
        chosen.map((id) => ({
          itemtype,
          items_id: id,
          warranty_date: day(),
          warranty_duration: this.random.pick([12, 24, 36]),
          entities_id: this.entityId,
        })),
      );
      return `warranty set on ${itemtype} ${chosen.join(',')}`;
    }
    const row = this.random.pick(rows);
    if (roll === 2) {
      await this.driver.update('Infocom', [{ id: row.id, warranty_date: day(), warranty_duration: this.random.pick([12, 24, 36]) }]);
      return `warranty changed on ${itemtype} ${String(row.items_id)}`;
    }
    await this.driver.purge('Infocom', [row.id]);
    return `warranty removed from ${itemtype} ${String(row.items_id)}`;
  }

  private async renameOperatingSystem() {
    const id = this.random.pick(this.osIds);
    const name = this.name('OS');
    await this.driver.update('OperatingSystem', [{ id, name }]);
    return `operating system ${id} renamed ${name}`;
  }
}
