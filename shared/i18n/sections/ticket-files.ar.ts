/** ar texts of a ticket's files; same keys as ticket-files.fr.ts (checked through shared/i18n/ar.ts). */
export const ticketFilesAr = {
  ticketFiles: {
    title: 'الملفات المرفقة',
    none: 'لا يوجد ملف مرفق.',
    fromSupport: 'الدعم',
    fromYou: 'أنتم',
    download: 'تنزيل {{name}}',
    notReady: 'جارٍ جلبه من الدعم',
    onMessage: 'الملفات المرفقة بهذه الرسالة',
    states: { pending: 'في انتظار الإرسال', sending: 'جارٍ الإرسال', failed: 'تعذّر إرساله', delivered: 'أُرسل إلى الدعم' },
  },
};
