import { z } from 'zod';
import { createPrng, type Prng } from './sim-prng';
import * as names from './sim-names';
import { insertDropdown } from './sim-dropdowns';
import { seedDropdowns } from './sim-seed-dropdowns';
import { assetTypes, Store, type AssetType, type Scalar } from './sim-store';
import { formatGlpiDate, glpiEncode } from './sim-text';

export const seedOptionsSchema = z.object({
  seed: z.number().int().default(1),
  /** Generated client entities, in addition to `namedEntities`. */
  entities: z.number().int().min(0).default(3),
  /** Client entities created first, with exactly these names (the demo's companies). */
  namedEntities: z.array(z.string().min(1)).default([]),
  /** Parent of every client entity; null puts clients directly under the root entity. */
  parentEntityName: z.string().min(1).nullable().default('Clients Y-tech'),
  /** Total assets over all client entities, spread over the eight asset types. */
  assets: z.number().int().min(0).default(240),
  tickets: z.number().int().min(0).default(60),
  followupsPerTicket: z.number().min(0).default(1.5),
  /**
   * Seeded dates spread over the two years before this instant (ISO); default: today 00:00 UTC. No
   * seeded row is dated after it, nor after the simulator's clock (a later instant counts as now).
   */
  referenceDate: z.string().optional(),
});
export type SeedOptions = z.input<typeof seedOptionsSchema>;
export type ResolvedSeedOptions = z.output<typeof seedOptionsSchema>;

/** The API user of the simulator: `glpi`, Super-Admin on the root entity, recursive (as in the fixtures). */
export const apiUserId = 2;
export const technicianUserId = 4;
export const selfServiceProfileId = 1;
const superAdminProfileId = 4;

const assetWeights: Record<AssetType, number> = {
  Computer: 35,
  Monitor: 25,
  Printer: 8,
  NetworkEquipment: 5,
  Peripheral: 10,
  Phone: 7,
  Software: 6,
  SoftwareLicense: 4,
};
const day = 86_400_000;

export function seedStore(input: SeedOptions = {}): Store {
  const options = seedOptionsSchema.parse(input);
  // A real GLPI never lists a row dated after its own clock (the simulator's is the machine's).
  const reference = Math.min(options.referenceDate ? Date.parse(options.referenceDate) : Math.floor(Date.now() / day) * day, Date.now());
  const rng = createPrng(options.seed);
  const store = new Store();
  const rootStamp = formatGlpiDate(reference - 800 * day);
  seedDropdowns(store, rootStamp);
  store.insert('Entity', {
    id: 0,
    name: 'Root entity',
    entities_id: null,
    completename: 'Root entity',
    level: 1,
    ancestors_cache: null,
    date_mod: null,
    date_creation: null,
  });
  seedBaseUsers(store, rootStamp);
  const parentId = options.parentEntityName === null ? 0 : addEntity(store, options.parentEntityName, 0, rootStamp).id;

  const clientNames = [...options.namedEntities];
  for (let i = 0; i < options.entities; i += 1) clientNames.push(generatedCompanyName(rng, i));
  const clients = clientNames.map((name) => seedClient(store, rng, name, parentId, rootStamp));
  if (clients.length === 0) return store;

  const weights = clients.map(() => 0.5 + rng.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  clients.forEach((client, index) => {
    const share = (weights[index] ?? 1) / weightSum;
    seedAssets(store, rng, client, Math.round(options.assets * share), reference);
  });
  clients.forEach((client, index) => {
    const share = (weights[index] ?? 1) / weightSum;
    seedTickets(store, rng, client, Math.round(options.tickets * share), options.followupsPerTicket, reference);
  });
  // A generator of its own: the rows above stay what they were before assets had these details.
  const detailsRng = createPrng(options.seed + 1);
  for (const client of clients) seedAssetDetails(store, detailsRng, client, reference);
  return store;
}

type Client = { entityId: number; prefix: string; userId: number; locationIds: number[]; email: string };

function generatedCompanyName(rng: Prng, index: number): string {
  const stem = names.companyStems[index % names.companyStems.length] ?? 'Client';
  const round = Math.floor(index / names.companyStems.length);
  const city = rng.pick(names.cities);
  return `${rng.pick(names.legalForms)} ${stem}${round > 0 ? ` ${round + 1}` : ''} ${city}`;
}

export function addEntity(store: Store, rawName: string, parentId: number, stamp: string) {
  const parent = store.table('Entity').rows.get(parentId);
  const name = glpiEncode(rawName);
  const parentAncestors = typeof parent?.ancestors_cache === 'string' ? z.array(z.number()).parse(JSON.parse(parent.ancestors_cache)) : [];
  const ancestors = [...parentAncestors, parentId];
  return store.insert('Entity', {
    name,
    entities_id: parentId,
    completename: `${store.entityCompleteName(parentId)} > ${name}`,
    level: Number(parent?.level ?? 1) + 1,
    ancestors_cache: JSON.stringify(ancestors),
    date_mod: stamp,
    date_creation: stamp,
    max_closedate: stamp,
  });
}

function seedBaseUsers(store: Store, stamp: string): void {
  const base: Array<[number, string, number]> = [
    [2, 'glpi', superAdminProfileId],
    [3, 'post-only', 1],
    [4, 'tech', 6],
    [5, 'normal', 2],
  ];
  for (const [id, login, profileId] of base) {
    store.insert('User', { id, name: login, date_mod: stamp, list_limit: id === 2 ? 20 : null });
    store.insert('Profile_User', { users_id: id, profiles_id: profileId, entities_id: 0, is_recursive: 1 });
  }
  store.insert('User', { id: 6, name: 'glpi-system', realname: 'Support', date_mod: stamp });
  store.table('User').nextId = 7;
}

function seedClient(store: Store, rng: Prng, name: string, parentId: number, stamp: string): Client {
  const entity = addEntity(store, name, parentId, stamp);
  // Asset names start with the company's distinctive word: "Client Beta" → BETA-PC-001.
  const words = name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const distinctive = words.find((word) => !/^(SARL|SPA|EURL|SNC|Client|Societe|Entreprise)$/i.test(word)) ?? words[0] ?? 'CLI';
  const prefix = distinctive.slice(0, 5).toUpperCase();
  const first = rng.pick(names.firstNames);
  const last = rng.pick(names.lastNames);
  const domain = `${prefix.toLowerCase()}${entity.id}.dz`;
  const email =
    `${first}.${last}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase() + `@${domain}`;
  const user = store.insert('User', {
    name: email,
    realname: glpiEncode(last),
    firstname: glpiEncode(first),
    entities_id: entity.id,
    phone: `+213 ${rng.int(21, 49)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
    date_mod: stamp,
    date_creation: stamp,
    password_last_update: stamp,
  });
  store.insert('UserEmail', { users_id: user.id, is_default: 1, email });
  store.insert('Profile_User', {
    users_id: user.id,
    profiles_id: selfServiceProfileId,
    entities_id: entity.id,
    is_recursive: 0,
  });
  const city = rng.pick(names.cities);
  const locationIds = [`Siège ${city}`, `Agence ${rng.pick(names.cities)}`].map(
    (label) =>
      insertDropdown(store, 'Location', {
        name: glpiEncode(label),
        entities_id: entity.id,
        is_recursive: 0,
        date_mod: stamp,
        date_creation: stamp,
      }).id,
  );
  return { entityId: entity.id, prefix, userId: user.id, locationIds, email };
}

function datesBetween(rng: Prng, reference: number): { created: number; modified: number } {
  const created = reference - rng.next() * 730 * day;
  return { created, modified: created + rng.next() * (reference - created) };
}

function serial(rng: Prng, letters: string): string {
  return `${letters}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

function uuid(rng: Prng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

const assetLabels: Record<AssetType, string> = {
  Computer: 'PC',
  Monitor: 'MON',
  Printer: 'PRN',
  NetworkEquipment: 'SW',
  Peripheral: 'PER',
  Phone: 'TEL',
  Software: '',
  SoftwareLicense: '',
};

function seedAssets(store: Store, rng: Prng, client: Client, total: number, reference: number): void {
  const weightSum = Object.values(assetWeights).reduce((a, b) => a + b, 0);
  const softwareIds: number[] = [];
  for (const itemtype of assetTypes) {
    const count = Math.round((total * assetWeights[itemtype]) / weightSum);
    for (let n = 1; n <= count; n += 1) {
      const { created, modified } = datesBetween(rng, reference);
      const fields = assetFields(rng, client, itemtype, n, softwareIds);
      const row = store.insert(itemtype, {
        ...fields,
        entities_id: client.entityId,
        date_creation: formatGlpiDate(created),
        date_mod: formatGlpiDate(modified),
        is_deleted: rng.chance(0.02) ? 1 : 0,
      });
      if (itemtype === 'Software') softwareIds.push(row.id);
    }
  }
}

const warrantedTypes = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone'] as const;

/**
 * What GLPI keeps beside an asset's own row: most computers' operating system
 * (Item_OperatingSystem) and, for most hardware, a financial record with its warranty (Infocom):
 * a start within the last three years and 12, 24 or 36 months, so some end within 90 days.
 */
function seedAssetDetails(store: Store, rng: Prng, client: Client, reference: number): void {
  // Each detail is as old as its asset.
  const createdOf = (itemtype: AssetType, id: number) =>
    String(store.table(itemtype).value(store.table(itemtype).rows.get(id)!, 'date_creation'));
  for (const computerId of store.table('Computer').idsOfEntity(client.entityId)) {
    if (!rng.chance(0.9)) continue;
    const stamp = createdOf('Computer', computerId);
    store.insert('Item_OperatingSystem', {
      items_id: computerId,
      itemtype: 'Computer',
      entities_id: client.entityId,
      operatingsystems_id: rng.int(1, names.operatingSystems.length),
      date_mod: stamp,
      date_creation: stamp,
    });
  }
  for (const itemtype of warrantedTypes) {
    for (const itemId of store.table(itemtype).idsOfEntity(client.entityId)) {
      if (!rng.chance(0.7)) continue;
      const start = formatGlpiDate(reference - rng.int(0, 3 * 365) * day).slice(0, 10);
      const stamp = createdOf(itemtype, itemId);
      store.insert('Infocom', {
        items_id: itemId,
        itemtype,
        entities_id: client.entityId,
        buy_date: start,
        warranty_date: start,
        warranty_duration: rng.pick([12, 24, 36]),
        date_mod: stamp,
        date_creation: stamp,
      });
    }
  }
}

function assetFields(rng: Prng, client: Client, itemtype: AssetType, n: number, softwareIds: number[]): Record<string, Scalar> {
  const common = {
    locations_id: rng.pick(client.locationIds),
    manufacturers_id: rng.int(1, names.manufacturers.length),
    states_id: rng.chance(0.9) ? rng.int(1, 2) : rng.int(3, 4),
  };
  const label = `${client.prefix}-${assetLabels[itemtype]}-${String(n).padStart(3, '0')}`;
  // The draw above stays (the seed's sequence, hence every other value, is unchanged); its value is
  // mapped to a maker of this kind of item.
  const makers: readonly number[] | undefined =
    itemtype in names.makersByType ? names.makersByType[itemtype as keyof typeof names.makersByType] : undefined;
  if (makers) common.manufacturers_id = makers[(common.manufacturers_id - 1) % makers.length]!;
  switch (itemtype) {
    case 'Computer': {
      const base = {
        ...common,
        name: label,
        serial: serial(rng, 'DZ'),
        otherserial: `INV-${client.prefix}-${1000 + n}`,
        contact: rng.chance(0.6) ? client.email : '',
        users_id: rng.chance(0.6) ? client.userId : 0,
      };
      const model = rng.int(1, 5);
      return {
        ...base,
        manufacturers_id: names.makersByType.computerByModel[model - 1]!,
        computermodels_id: model,
        computertypes_id: rng.int(1, names.computerTypes.length),
        groups_id_tech: 2,
        uuid: uuid(rng),
        comment: rng.chance(0.2) ? "Sous garantie jusqu'en 2027" : '',
      };
    }
    case 'Monitor':
      return {
        ...common,
        name: label,
        serial: serial(rng, 'MN'),
        size: rng.pick(['21.50', '23.80', '27.00']),
        monitormodels_id: rng.int(6, 7),
        have_hdmi: 1,
      };
    case 'Printer':
      return {
        ...common,
        name: label,
        serial: serial(rng, 'PR'),
        printermodels_id: rng.int(8, 9),
        have_usb: 1,
        have_ethernet: 1,
        init_pages_counter: rng.int(0, 5000),
        last_pages_counter: rng.int(5000, 90_000),
      };
    case 'NetworkEquipment':
      return {
        ...common,
        name: label.toLowerCase(),
        serial: serial(rng, 'FOC'),
        networkequipmentmodels_id: 10,
        networkequipmenttypes_id: rng.int(1, 3),
        ram: rng.pick([1024, 2048, 4096]),
      };
    case 'Peripheral':
      return { ...common, name: label, serial: serial(rng, 'LG'), peripheraltypes_id: rng.int(1, 4) };
    case 'Phone':
      return {
        ...common,
        name: label,
        serial: serial(rng, 'YL'),
        phonemodels_id: 11,
        number_line: `0${rng.int(21, 49)}${rng.int(100000, 999999)}`,
      };
    case 'Software':
      return {
        name: glpiEncode(names.softwareNames[(n - 1) % names.softwareNames.length] ?? 'Logiciel'),
        manufacturers_id: common.manufacturers_id,
        softwarecategories_id: rng.int(1, 4),
        is_helpdesk_visible: 1,
      };
    case 'SoftwareLicense': {
      const softwareId = softwareIds.length > 0 ? rng.pick(softwareIds) : 0;
      const expires = rng.chance(0.6) ? formatGlpiDate(Date.UTC(2026, rng.int(0, 23), rng.int(1, 28))).slice(0, 10) : null;
      const name = `${names.softwareNames[softwareId % names.softwareNames.length] ?? 'Licence'} - Site ${n}`;
      return {
        softwares_id: softwareId,
        name: glpiEncode(name),
        completename: glpiEncode(name),
        number: rng.pick([-1, 5, 10, 25, 50]),
        softwarelicensetypes_id: rng.int(1, 3),
        serial: `${serial(rng, 'K')}-${rng.int(10000, 99999)}`,
        expire: expires,
      };
    }
  }
}

/** Priority from urgency × impact, GLPI's default matrix. */
export function ticketPriority(urgency: number, impact: number): number {
  const matrix = [
    [1, 1, 2, 2, 2],
    [1, 2, 2, 3, 3],
    [2, 2, 3, 4, 4],
    [2, 3, 4, 4, 5],
    [2, 3, 4, 5, 5],
  ];
  return matrix[urgency - 1]?.[impact - 1] ?? 3;
}

function seedTickets(store: Store, rng: Prng, client: Client, count: number, followupsPerTicket: number, reference: number): void {
  for (let n = 0; n < count; n += 1) {
    const opened = reference - rng.next() * 730 * day;
    const status = pickStatus(rng);
    const drawnTaken = status >= 2 ? opened + rng.int(600, 86_400) * 1000 : null;
    const drawnSolved = status >= 5 ? (drawnTaken ?? opened) + rng.int(1, 10) * day * rng.next() : null;
    const drawnClosed = status === 6 && drawnSolved !== null ? drawnSolved + rng.int(1, 7) * day : null;
    const title = rng.pick(names.ticketTitles);
    const urgency = rng.int(1, 5);
    const impact = rng.int(1, 5);
    const followups = Math.floor(followupsPerTicket * 2 * rng.next() + 0.5);
    const drawnLast = Math.max(opened, drawnTaken ?? 0, drawnSolved ?? 0, drawnClosed ?? 0) + rng.next() * day;
    // A ticket opened shortly before the reference lives its drawn course faster, so that it ends by
    // then (a solution, a closing or a take into account dated after GLPI's clock is no GLPI's): the
    // draws stay, and with them every other value of the seed.
    const pace = drawnLast > reference ? (reference - opened) / (drawnLast - opened) : 1;
    const paced = (at: number | null) => (at === null ? null : opened + (at - opened) * pace);
    const takenAt = paced(drawnTaken);
    const solved = paced(drawnSolved);
    const closed = paced(drawnClosed);
    const lastEvent = opened + (drawnLast - opened) * pace;
    // One closed ticket in four was imported closed and never taken into account: a follow-up on it
    // leaves its date_mod alone, as GLPI does (sim-write-tickets.ts, touchTicket).
    const taken = status === 6 && n % 4 === 3 ? null : takenAt;
    const ticket = store.insert('Ticket', {
      entities_id: client.entityId,
      name: glpiEncode(title),
      content: glpiEncode(`<p>${title}.</p><p>Signalé par ${client.email} — réf. #${n + 1}</p>`),
      date: formatGlpiDate(opened),
      date_creation: formatGlpiDate(opened),
      date_mod: formatGlpiDate(lastEvent),
      takeintoaccountdate: taken === null ? null : formatGlpiDate(taken),
      solvedate: solved === null ? null : formatGlpiDate(solved),
      closedate: closed === null ? null : formatGlpiDate(closed),
      takeintoaccount_delay_stat: taken === null ? 0 : Math.round((taken - opened) / 1000),
      solve_delay_stat: solved === null ? 0 : Math.round((solved - opened) / 1000),
      close_delay_stat: closed === null ? 0 : Math.round((closed - opened) / 1000),
      time_to_resolve: rng.chance(0.5) ? formatGlpiDate(opened + 3 * day) : null,
      status,
      urgency,
      impact,
      priority: ticketPriority(urgency, impact),
      type: rng.chance(0.7) ? 1 : 2,
      itilcategories_id: rng.int(1, names.itilCategories.length),
      requesttypes_id: rng.int(1, 2),
      users_id_recipient: apiUserId,
      users_id_lastupdater: apiUserId,
    });
    store.insert('Ticket_User', { tickets_id: ticket.id, users_id: client.userId, type: 1, use_notification: 1, alternative_email: '' });
    if (status >= 2) {
      store.insert('Ticket_User', {
        tickets_id: ticket.id,
        users_id: technicianUserId,
        type: 2,
        use_notification: 1,
        alternative_email: '',
      });
    }
    // A solved ticket's solution waits for the requester; a closed one's was accepted. No draw from
    // the generator: the rest of the world stays what it was before solutions were simulated.
    if (solved !== null && status >= 5) {
      const at = formatGlpiDate(solved);
      store.insert('ITILSolution', {
        itemtype: 'Ticket',
        items_id: ticket.id,
        users_id: technicianUserId,
        content: glpiEncode(`<p>${solutionText(title)}</p>`),
        status: status === 6 ? 3 : 2,
        users_id_approval: status === 6 ? client.userId : 0,
        date_approval: closed === null ? null : formatGlpiDate(closed),
        date_creation: at,
        date_mod: at,
      });
    }
    for (let f = 0; f < followups; f += 1) {
      const isPrivate = rng.chance(0.2);
      const at = formatGlpiDate(opened + (lastEvent - opened) * ((f + 1) / (followups + 1)));
      const fromTech = isPrivate || f % 2 === 0;
      store.insert('ITILFollowup', {
        itemtype: 'Ticket',
        items_id: ticket.id,
        users_id: fromTech ? technicianUserId : client.userId,
        content: glpiEncode(`<p>${isPrivate ? rng.pick(names.privateNotes) : fittingAnswer(title, rng.pick(names.followupTexts))}</p>`),
        is_private: isPrivate ? 1 : 0,
        date: at,
        date_mod: at,
        date_creation: at,
        timeline_position: fromTech ? 4 : 1,
      });
    }
  }
}

/**
 * A technician's answer that fits the ticket: a toner or a part belongs to hardware tickets only,
 * otherwise a generic answer chosen from the same draw (the seed's sequence stays unchanged).
 */
function fittingAnswer(title: string, drawn: string): string {
  const hardware = /imprimante|toner|clavier|écran|projecteur|téléphone/i.test(title);
  const fits = drawn.includes('toner') ? /toner|imprimante/i.test(title) : drawn.includes('Pièce') ? hardware : true;
  if (fits) return drawn;
  return names.genericFollowups[drawn.length % names.genericFollowups.length]!;
}

function solutionText(title: string): string {
  return `Intervention terminée : « ${title} » est réglé. Merci de valider la solution si tout fonctionne.`;
}

function pickStatus(rng: Prng): number {
  const roll = rng.next();
  if (roll < 0.15) return 1;
  if (roll < 0.35) return 2;
  if (roll < 0.4) return 3;
  if (roll < 0.5) return 4;
  if (roll < 0.7) return 5;
  return 6;
}
