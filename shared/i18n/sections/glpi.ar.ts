import type { Texts } from '../texts';
import type { glpiFr } from './glpi.fr';

/** Arabic texts of GLPI provisioning (staff) and of the GLPI outbox, merged into shared/i18n/ar.ts. */
export const glpiAr: Texts<typeof glpiFr> = {
  glpiAdmin: {
    title: 'GLPI — {{company}}',
    lead: 'حضور المؤسسة في GLPI: كيانها وحسابات مستخدميها، التي ينشئها الـ worker.',
    back: 'العودة إلى المكتب الخلفي',
    statusTitle: 'التهيئة',
    stateLabel: 'الحالة',
    state: {
      none: 'لم تُطلب قط',
      pending: 'جارية',
      done: 'منتهية',
      failed: 'فاشلة',
    },
    reason: 'السبب',
    entity: 'كيان GLPI',
    noEntity: 'لا يوجد كيان مرتبط',
    entityValue: '{{name}} (رقم {{id}})',
    provisionedAt: 'تمت التهيئة في',
    updatedAt: 'آخر تحديث',
    retry: 'إعادة إطلاق التهيئة',
    retried: 'أُعيد إطلاق التهيئة: الـ worker يتكفل بها.',
    linkTitle: 'الربط بكيان موجود',
    linkLead: 'إذا كانت المؤسسة موجودة في GLPI، أدخلوا رقم كيانها. يتحقق الـ worker من وجوده ويعرض اسمه هنا للتأكيد.',
    entityId: 'رقم كيان GLPI',
    linkSubmit: 'ربط الكيان',
    linkRequested: 'طُلب الربط: تحققوا من اسم الكيان بعد انتهاء التهيئة.',
    usersTitle: 'حسابات GLPI للمستخدمين',
    usersCaption: 'المستخدمون الزبائن للمؤسسة وحساباتهم في GLPI',
    user: 'المستخدم',
    email: 'البريد الإلكتروني',
    glpiAccount: 'حساب GLPI',
    glpiAccountValue: 'رقم {{id}}',
    notProvisioned: 'لم يُنشأ بعد',
    inactive: 'غير نشط',
    noUsers: 'لا يوجد مستخدم زبون.',
  },
  errors: {
    glpiEntityTaken: 'كيان GLPI رقم {{entityId}} مرتبط بمؤسسة أخرى.',
    queueUnavailable: 'طابور المعالجة غير متاح مؤقتًا. أعيدوا المحاولة بعد قليل.',
    glpiTicketNotSent: 'تعذّر إرسال هذه التذكرة إلى الدعم: لا يمكن الرد عليها.',
  },
  validation: {
    syncCadence: 'أدخلوا عددًا صحيحًا: من 15 إلى 3600 ثانية للتذاكر، ومن 1 إلى 1440 دقيقة للحظيرة.',
    glpiEntityId: 'أدخلوا رقم كيان (عدد صحيح موجب).',
  },
};
