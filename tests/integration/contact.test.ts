import { afterAll, describe, expect, it } from 'vitest';
import { config } from '../../server/config';
import { ContactMessage, EmailLogEntry } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { uniqueAddress } from '../support/unique-address';

afterAll(closeTestResources);

const message = (email = uniqueEmail('contact')) => ({
  name: 'Karim Belkacem',
  email,
  phone: '0770 11 22 33',
  company: 'Atlas',
  message: 'Bonjour, quels délais ?',
});

describe('the contact form', () => {
  it('stores the message and e-mails it to the sales team', async () => {
    const input = message();
    expect(await testClient(uniqueAddress()).run((api) => api.contact.submit(input))).toEqual({ ok: true });
    const stored = await ContactMessage.findOne({ where: { email: input.email } });
    expect(stored).toMatchObject({ name: 'Karim Belkacem', phone: '+213770112233', company: 'Atlas', message: 'Bonjour, quels délais ?' });
    const mail = await EmailLogEntry.findOne({ where: { template: 'contact-message', params: { email: input.email } } });
    expect(mail?.recipient).toBe(config.STAFF_EMAIL);
  });

  it('silently drops a message whose honeypot is filled', async () => {
    const input = { ...message(), website: 'http://spam.example' };
    expect(await testClient(uniqueAddress()).run((api) => api.contact.submit(input))).toEqual({ ok: true });
    expect(await ContactMessage.count({ where: { email: input.email } })).toBe(0);
    expect(await EmailLogEntry.count({ where: { template: 'contact-message', params: { email: input.email } } })).toBe(0);
  });

  it('rate-limits per IP: the sixth message within the hour is refused, other IPs are not', async () => {
    const ip = uniqueAddress();
    const browser = testClient(ip);
    for (let i = 0; i < 5; i++) await browser.run((api) => api.contact.submit(message()));
    const refused = message();
    await expect(browser.run((api) => api.contact.submit(refused))).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'errors.tooManyRequests',
    });
    expect(await ContactMessage.count({ where: { email: refused.email } })).toBe(0);
    expect(await testClient(uniqueAddress()).run((api) => api.contact.submit(message()))).toEqual({ ok: true });
  });

  it('refuses bad input field by field', async () => {
    const error = await testClient(uniqueAddress())
      .run((api) => api.contact.submit({ name: '', email: 'nope', phone: '123', message: ' ' }))
      .then(
        () => null,
        (e: Error) => e,
      );
    const issues = JSON.parse(error!.message) as { path: string[]; message: string }[];
    expect(Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]))).toMatchObject({
      name: 'validation.required',
      email: 'validation.email',
      phone: 'validation.phone',
      message: 'validation.required',
    });
  });
});
