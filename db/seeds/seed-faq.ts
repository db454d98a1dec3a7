import { Faq } from '../../server/db/models';

const entries = [
  {
    questionFr: 'Comment demander un devis ?',
    answerFr:
      "Cliquez sur « Demander un devis », décrivez votre entreprise et votre besoin. Un commercial vous appelle sous 24 heures ouvrables et vous envoie une facture pro-forma.",
    questionEn: 'How do I request a quote?',
    answerEn:
      'Click "Request a quote" and describe your company and your needs. A sales representative calls you within one working day and sends you a pro-forma invoice.',
  },
  {
    questionFr: 'Quels moyens de paiement acceptez-vous ?',
    answerFr: "Espèces à l'agence, virement bancaire, chèque ou bon de commande.",
    questionEn: 'Which payment methods do you accept?',
    answerEn: 'Cash at our office, bank transfer, cheque or purchase order.',
  },
  {
    questionFr: 'Puis-je suivre mes tickets de support ?',
    answerFr:
      'Oui : dès que votre abonnement est actif, votre espace client montre vos tickets, les réponses des techniciens et les statistiques de votre parc.',
    questionEn: 'Can I follow my support tickets?',
    answerEn:
      'Yes: once your subscription is active, your client area shows your tickets, the technicians’ answers and statistics about your IT park.',
  },
  {
    questionFr: "Que se passe-t-il à la fin de mon abonnement ?",
    answerFr:
      'Nous vous prévenons 30, 7 et 1 jour avant la fin. Vous pouvez renouveler en un clic ; vos données restent disponibles.',
    questionEn: 'What happens when my subscription ends?',
    answerEn: 'We remind you 30, 7 and 1 day before it ends. You can renew in one click; your data stays available.',
  },
];

/** A few published FAQ entries, only into an empty table (the back-office owns them afterwards). */
export async function seedFaq(): Promise<void> {
  if ((await Faq.count()) > 0) return;
  await Faq.bulkCreate(entries.map((e, position) => ({ ...e, position, published: true })));
}
