import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestResources } from '../support/close-resources';
import { startBuiltApp, type BuiltApp } from './built-app';
import { buildWorld, type World } from './security-world';

/** Issue 13, point 10: an id no column can hold is a page that does not exist, not a server error. */
let app: BuiltApp;
let world: World;

beforeAll(async () => {
  world = await buildWorld();
  app = await startBuiltApp();
}, 120_000);

afterAll(async () => {
  await app.close();
  await closeTestResources();
});

// Past INT UNSIGNED, past Number.MAX_SAFE_INTEGER, past any integer type; exponent and hex forms.
const oversized = ['4294967296', '9007199254740993', '99999999999999999999', '1e21', '0x10'];

const clientPages = (id: string) => [
  `/documents/invoice/${id}`,
  `/documents/credit-note/${id}`,
  `/purchase-orders/${id}/file`,
  `/portal/proformas/${id}`,
  `/portal/tickets/${id}`,
  `/portal/park/computers/${id}`,
  `/reports/${id}`,
];
const staffPages = (id: string) => [
  `/backoffice/invoices/${id}`,
  `/backoffice/proformas/${id}`,
  `/backoffice/quotes/${id}`,
  `/backoffice/quotes/${id}/proforma`,
  `/backoffice/companies/${id}`,
  `/backoffice/companies/${id}/glpi`,
  `/reports/${id}`,
];

describe('ids in download and page URLs past what any column holds', () => {
  it('answer 404 to the client and the staff, never 500', async () => {
    const wrong: string[] = [];
    for (const id of oversized) {
      for (const path of clientPages(id)) {
        const res = await app.request(path, world.people.superClientA);
        if (res.status !== 404) wrong.push(`${path} as client: ${res.status}`);
      }
      for (const path of staffPages(id)) {
        const res = await app.request(path, world.people.admin);
        if (res.status !== 404) wrong.push(`${path} as admin: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers an oversized id given to a procedure over HTTP with 400, not 500', async () => {
    const input = encodeURIComponent('{"json":{"kind":"invoice","id":99999999999999999999}}');
    const res = await app.request(`/api/trpc/documents.pdf?input=${input}`, world.people.superClientA);
    expect(res.status).toBe(400);
  });
});
