/**
 * The FAQ entries a new platform starts with, in its three languages. Data only: the FAQ seed and
 * the migration that gave existing FAQs their Arabic both read it (a migration must not load the
 * models, which bind the connection when imported).
 */
export const faqEntries = [
  {
    questionFr: 'Comment demander un devis ?',
    answerFr:
      'Cliquez sur « Demander un devis », décrivez votre entreprise et votre besoin. Un commercial vous appelle sous 24 heures ouvrables et vous envoie une facture pro-forma.',
    questionEn: 'How do I request a quote?',
    answerEn:
      'Click "Request a quote" and describe your company and your needs. A sales representative calls you within one working day and sends you a pro-forma invoice.',
    questionAr: 'كيف أطلب عرض سعر؟',
    answerAr: 'انقروا على «طلب عرض سعر» وصِفوا مؤسستكم وحاجتكم. يتصل بكم مندوب تجاري خلال يوم عمل واحد ويرسل إليكم فاتورة شكلية.',
  },
  {
    questionFr: 'Quels moyens de paiement acceptez-vous ?',
    answerFr: "Espèces à l'agence, virement bancaire, chèque ou bon de commande.",
    questionEn: 'Which payment methods do you accept?',
    answerEn: 'Cash at our office, bank transfer, cheque or purchase order.',
    questionAr: 'ما هي وسائل الدفع التي تقبلونها؟',
    answerAr: 'نقدًا في الوكالة، أو بتحويل بنكي، أو بصكّ، أو بسند طلب.',
  },
  {
    questionFr: 'Puis-je suivre mes tickets de support ?',
    answerFr:
      'Oui : dès que votre abonnement est actif, votre espace client montre vos tickets, les réponses des techniciens et les statistiques de votre parc.',
    questionEn: 'Can I follow my support tickets?',
    answerEn:
      'Yes: once your subscription is active, your client area shows your tickets, the technicians’ answers and statistics about your IT park.',
    questionAr: 'هل يمكنني متابعة تذاكر الدعم الخاصة بي؟',
    answerAr: 'نعم: بمجرد تفعيل اشتراككم، يعرض فضاء الزبون تذاكركم وردود التقنيين وإحصائيات حظيرتكم المعلوماتية.',
  },
  {
    questionFr: 'Que se passe-t-il à la fin de mon abonnement ?',
    answerFr: 'Nous vous prévenons 30, 7 et 1 jour avant la fin. Vous pouvez renouveler en un clic ; vos données restent disponibles.',
    questionEn: 'What happens when my subscription ends?',
    answerEn: 'We remind you 30, 7 and 1 day before it ends. You can renew in one click; your data stays available.',
    questionAr: 'ماذا يحدث عند نهاية اشتراكي؟',
    answerAr: 'نذكّركم قبل النهاية بـ 30 و7 ويوم واحد. يمكنكم التجديد بنقرة واحدة، وتبقى بياناتكم متاحة.',
  },
];
