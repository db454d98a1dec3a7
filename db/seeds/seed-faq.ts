import { Faq } from '../../server/db/models';
import { faqEntries } from './faq-texts';

/** A few published FAQ entries, only into an empty table (the back-office owns them afterwards). */
export async function seedFaq(): Promise<void> {
  if ((await Faq.count()) > 0) return;
  await Faq.bulkCreate(faqEntries.map((e, position) => ({ ...e, position, published: true })));
}
