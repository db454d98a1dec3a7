import { afterAll, describe, expect, it } from 'vitest';
import { refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createUser, loggedIn } from '../support/fixtures';
import { testClient } from '../support/trpc-caller';

afterAll(closeTestResources);

describe('FAQ administration', () => {
  it('a hidden entry stays off the public FAQ until published; order and edits show there', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const visitor = testClient();
    const word = `zorglub${process.pid}${Date.now()}`;
    const entry = (n: number) => ({
      questionFr: `Question ${word} ${n} ?`,
      answerFr: `Réponse ${n}`,
      questionEn: `Question ${word} ${n}?`,
      answerEn: `Answer ${n}`,
    });
    const first = await admin.run((api) => api.admin.faq.create({ ...entry(1), published: false }));
    const second = await admin.run((api) => api.admin.faq.create({ ...entry(2), published: true }));
    const search = () => visitor.run((api) => api.catalog.faq({ q: word }));

    expect((await search()).map((e) => e.id)).toEqual([second.id]);
    await admin.run((api) => api.admin.faq.setPublished({ id: first.id, published: true }));
    expect((await search()).map((e) => e.id)).toEqual([first.id, second.id]);

    await admin.run((api) => api.admin.faq.move({ id: second.id, direction: 'up' }));
    expect((await search()).map((e) => e.id)).toEqual([second.id, first.id]);

    const all = (await admin.run((api) => api.admin.faq.list())).map((f) => f.id);
    const reordered = [first.id, ...all.filter((id) => id !== first.id)];
    await admin.run((api) => api.admin.faq.reorder({ ids: reordered }));
    expect((await admin.run((api) => api.admin.faq.list())).map((f) => f.id)).toEqual(reordered);
    expect((await search()).map((e) => e.id)).toEqual([first.id, second.id]);
    expect(await refusal(admin.run((api) => api.admin.faq.reorder({ ids: [first.id] })))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'errors.admin.faqOrderIncomplete',
    });

    await admin.run((api) => api.admin.faq.update({ id: first.id, ...entry(1), answerFr: 'Réponse corrigée', published: false }));
    expect((await search()).map((e) => e.id)).toEqual([second.id]);
    await admin.run((api) => api.admin.faq.update({ id: first.id, ...entry(1), answerFr: 'Réponse corrigée', published: true }));
    expect((await search()).find((e) => e.id === first.id)?.answerFr).toBe('Réponse corrigée');
  });

  it('an entry written in Arabic is found by Arabic words; one without its Arabic keeps none (the page shows French)', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const visitor = testClient();
    const word = `كلمة${process.pid}${Date.now()}`;
    const base = {
      questionFr: 'Horaires ?',
      answerFr: 'De 8 h à 17 h.',
      questionEn: 'Opening hours?',
      answerEn: 'From 8 am to 5 pm.',
      published: true,
    };
    const translated = await admin.run((api) => api.admin.faq.create({ ...base, questionAr: `ما هي ${word}؟`, answerAr: 'من 8 إلى 17.' }));
    const plain = await admin.run((api) => api.admin.faq.create({ ...base, questionAr: '   ', answerAr: '' }));

    expect(await visitor.run((api) => api.catalog.faq({ q: word }))).toEqual([
      expect.objectContaining({ id: translated.id, questionAr: `ما هي ${word}؟`, answerAr: 'من 8 إلى 17.' }),
    ]);
    const listed = await admin.run((api) => api.admin.faq.list());
    expect(listed.find((f) => f.id === plain.id)).toMatchObject({ questionAr: null, answerAr: null });
    expect(await refusal(admin.run((api) => api.admin.faq.create({ ...base, questionAr: 'س'.repeat(301) })))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
