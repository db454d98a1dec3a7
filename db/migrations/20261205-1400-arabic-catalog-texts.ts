import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';
import { paymentNamesAr, serviceNamesAr, serviceScopeAr } from '../seeds/catalog-texts';
import { faqEntries } from '../seeds/faq-texts';

/**
 * Arabic beside French and English in what staff write (services, payment methods, FAQ). Nullable:
 * a text not translated yet shows in French on Arabic pages. Catalogs and FAQs that already exist
 * get the Arabic of the entries the platform seeded, where nobody has written one.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.addColumn('services', 'name_ar', { type: DataTypes.STRING(200), allowNull: true });
  await qi.addColumn('services', 'scope_ar', { type: DataTypes.JSON, allowNull: true });
  await qi.addColumn('payment_methods', 'name_ar', { type: DataTypes.STRING(100), allowNull: true });
  await qi.addColumn('faqs', 'question_ar', { type: DataTypes.STRING(300), allowNull: true });
  await qi.addColumn('faqs', 'answer_ar', { type: DataTypes.TEXT, allowNull: true });

  const db = qi.sequelize;
  for (const [code, name] of Object.entries(serviceNamesAr)) {
    await db.query('UPDATE services SET name_ar = ?, scope_ar = ? WHERE code = ? AND name_ar IS NULL', {
      replacements: [name, JSON.stringify(serviceScopeAr[code] ?? []), code],
    });
  }
  for (const [code, name] of Object.entries(paymentNamesAr)) {
    await db.query('UPDATE payment_methods SET name_ar = ? WHERE code = ? AND name_ar IS NULL', { replacements: [name, code] });
  }
  for (const entry of faqEntries) {
    await db.query('UPDATE faqs SET question_ar = ?, answer_ar = ? WHERE question_fr = ? AND answer_fr = ? AND question_ar IS NULL', {
      replacements: [entry.questionAr, entry.answerAr, entry.questionFr, entry.answerFr],
    });
  }
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.removeColumn('faqs', 'answer_ar');
  await qi.removeColumn('faqs', 'question_ar');
  await qi.removeColumn('payment_methods', 'name_ar');
  await qi.removeColumn('services', 'scope_ar');
  await qi.removeColumn('services', 'name_ar');
};
