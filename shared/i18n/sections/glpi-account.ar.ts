import type { Texts } from '../texts';
import type { glpiAccountFr } from './glpi-account.fr';

/** Arabic texts of a company's GLPI link and its identity (issue 23), merged into shared/i18n/ar.ts. */
export const glpiAccountAr: Texts<typeof glpiAccountFr> = {
  glpiAccount: {
    awaitingAccount: 'في انتظار إنشاء حسابكم لدى الدعم',
    linkLostTitle: 'فُقد الربط مع GLPI',
    linkLost: 'اختفى كيان GLPI الخاص بهذه المؤسسة أو أصبح تابعًا لمؤسسة أخرى: توقفت مزامنة تذاكرها وإرسالها.',
    linkLostSince: 'منذ {{date}}',
    linkLostWhatToDo:
      'المطلوب: إعادة إطلاق التهيئة (يُنشأ كيان جديد أو يُعثر عليه باسمه)، أو الربط بكيان آخر موجود. عندها تُرسل التذاكر المنتظرة مرة واحدة فقط.',
  },
  notifications: {
    glpiLinkLost:
      'GLPI: فُقد ربط {{company}} (الكيان {{entityId}}) — توقفت المزامنة وإرسال التذاكر. أعيدوا إطلاق التهيئة أو اربطوا كيانًا آخر.',
  },
};
