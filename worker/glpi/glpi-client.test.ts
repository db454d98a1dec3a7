import { afterEach, describe, expect, it } from 'vitest';
import { GlpiSchemaError } from './glpi-errors';
import { clientEntityIds, liveIds, startHarness, type Harness } from './glpi-test-support';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const rangeStarts = (h: Harness, path: string) =>
  h.requests((p) => p === path).map((request) => Number(new URLSearchParams(request.query).get('range')?.split('-')[0]));

describe('GlpiClient reads', () => {
  it('pages a list across page boundaries to its exact end, never asking past it', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const expected = liveIds(sim, 'Computer', entityId);
    expect(expected.length).toBeGreaterThan(6);

    for (const pageSize of [expected.length, 3, 5]) {
      sim.state.requests.length = 0;
      const pages = await pool.withEntity(entityId, async (client) => {
        const seen = [];
        for await (const page of client.pages('Computer', { pageSize })) seen.push(page);
        return seen;
      });
      expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(expected);
      expect(pages.every((page) => page.total === expected.length)).toBe(true);
      expect(pages).toHaveLength(Math.ceil(expected.length / pageSize));
      const starts = rangeStarts(harness, '/Computer');
      expect(starts.every((start) => start < expected.length)).toBe(true);
      expect(harness.requests().filter((request) => request.status >= 400)).toEqual([]);
    }
  });

  it('stops cleanly when the list shrinks while it is being paged', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const ids = liveIds(sim, 'Computer', entityId);
    const seen: number[] = [];
    await pool.withEntity(entityId, async (client) => {
      for await (const page of client.pages('Computer', { pageSize: 4 })) {
        // A technician purges most items after the first page: the next start is past the new end.
        if (seen.length === 0) for (const id of ids.slice(2)) sim.state.purge('Computer', id);
        seen.push(...page.items.map((item) => item.id));
      }
    });
    expect(seen).toEqual(ids.slice(0, 4));
    expect(harness.requests((path) => path === '/Computer').map((request) => request.status)).toEqual([206, 400]);
  });

  it('reads the trash only when asked, and skips template rows', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const [trashed = 0, other = 0] = liveIds(sim, 'Monitor', entityId);
    sim.state.trash('Monitor', trashed);
    sim.state.addItem('Monitor', { name: 'Modèle écran', entities_id: entityId, is_template: 1, template_name: 'Modèle' });
    const { live, trash } = await pool.withEntity(entityId, async (client) => ({
      live: await client.listAll('Monitor'),
      trash: await client.listAll('Monitor', { isDeleted: true }),
    }));
    expect(trash.map((item) => item.id)).toContain(trashed);
    expect(trash.every((item) => item.is_deleted === 1)).toBe(true);
    expect(live.map((item) => item.id)).toContain(other);
    expect(live.map((item) => item.id)).not.toContain(trashed);
    expect(live.some((item) => item.is_template === 1)).toBe(false);
  });

  it('never shows one entity’s items while another entity is active', async () => {
    harness = await startHarness({ maxSessions: 2 });
    const { sim, pool } = harness;
    const [first = 0, second = 0] = clientEntityIds(sim);
    // Both jobs at once: each gets its own session, scoped to its own entity.
    const [a, b] = await Promise.all([
      pool.withEntity(first, (client) => client.listAll('Ticket', { pageSize: 7 })),
      pool.withEntity(second, (client) => client.listAll('Ticket', { pageSize: 7 })),
    ]);
    expect(a.map((ticket) => ticket.id)).toEqual(liveIds(sim, 'Ticket', first));
    expect(b.map((ticket) => ticket.id)).toEqual(liveIds(sim, 'Ticket', second));
    expect(new Set(a.map((ticket) => ticket.entities_id))).toEqual(new Set([first]));
    expect(new Set(b.map((ticket) => ticket.entities_id))).toEqual(new Set([second]));

    // One session reused for the next job is switched to the new entity before it reads.
    const again = await pool.withEntity(first, (client) => client.search('Computer'));
    expect(again.rows.length).toBe(liveIds(sim, 'Computer', first).length);
    expect(pool.size).toBe(2);
  });

  it('searches changes since a watermark and lists (id, date_mod) pairs', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const rows = sim.state.rows('Ticket', entityId).filter((row) => row.is_deleted === 0);
    const dates = rows.map((row) => String(row.date_mod)).sort();
    const watermark = dates[Math.floor(dates.length / 2)] ?? '';
    const { changed, pairs, licences } = await pool.withEntity(entityId, async (client) => ({
      changed: await client.search('Ticket', {
        criteria: [{ field: 19, searchtype: 'morethan', value: watermark }],
        forcedisplay: [2, 19],
        sort: 19,
        order: 'ASC',
        pageSize: 3,
      }),
      pairs: await client.listIdDates('Ticket', { pageSize: 4 }),
      licences: await client.listIdDates('SoftwareLicense'),
    }));
    const expectedChanged = rows.filter((row) => String(row.date_mod) > watermark).length;
    expect(changed.total).toBe(expectedChanged);
    expect(changed.rows.every((row) => String(row['19']) > watermark)).toBe(true);
    expect(pairs).toEqual(rows.map((row) => ({ id: row.id, date_mod: row.date_mod })));
    expect(licences.map((pair) => pair.id)).toEqual(liveIds(sim, 'SoftwareLicense', entityId));
  });

  it('returns ticket and follow-up text decoded from GLPI’s HTML encoding', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const content = '<p>Café & "B2" <b>E-52</b> &amp; plus</p>';
    const { ticket, followups } = await pool.withEntity(entityId, async (client) => {
      const { id } = await client.create('Ticket', {
        name: 'Imprimante & <scanner>',
        content,
        entities_id: entityId,
        _users_id_requester: 2,
      });
      await client.addFollowup(id, '<p>Réponse <i>rapide</i> & claire</p>');
      return { ticket: await client.getItem('Ticket', id), followups: await client.getFollowups(id) };
    });
    expect(ticket.content).toBe(content);
    expect(ticket.name).toBe('Imprimante & <scanner>');
    expect(followups.map((followup) => followup.content)).toEqual(['<p>Réponse <i>rapide</i> & claire</p>']);
    const stored = sim.state.store.table('Ticket').rows.get(ticket.id);
    expect(String(stored?.content)).toContain('&#60;p&#62;Café &#38; "B2"');
  });

  it('reports an unexpected shape as a schema error naming the item type and field', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const [ticketId = 0] = liveIds(sim, 'Ticket', entityId);
    sim.state.update('Ticket', ticketId, { status: 'solved' });
    const error = await pool.withEntity(entityId, (client) => client.getItem('Ticket', ticketId)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GlpiSchemaError);
    expect(error).toMatchObject({ itemtype: 'Ticket', field: 'status' });
    expect(String(error)).toMatch(/GLPI Ticket: unexpected field "status"/);
  });
});
