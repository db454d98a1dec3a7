import type { Texts } from '../texts';
import type { subscriptionChangesFr } from './subscription-changes.fr';

/** Arabic texts of subscription changes, merged into shared/i18n/ar.ts. */
export const subscriptionChangesAr: Texts<typeof subscriptionChangesFr> = {
  subscriptionChanges: {
    title: 'تعديل الاشتراك',
    contract: 'العقد',
    status: {
      active: 'ساري',
      cancelled_at_term: 'يتوقف عند نهايته',
      replaced: 'مستبدل (تغيير الشريحة)',
      cancelled: 'ملغى بفاتورة تصحيحية',
    },
    autoRenewColumn: 'التجديد التلقائي',
    yes: 'نعم',
    no: 'لا',
    changeTitle: 'تغيير الشريحة',
    tier: 'الشريحة الجديدة',
    chooseTier: 'اختر شريحة',
    tierOption: 'حتى {{max}} — {{price}} دون رسوم / شهريًا',
    currentTier: 'الشريحة الحالية: حتى {{max}} ({{price}} دون رسوم / شهريًا).',
    effectiveOn: 'ابتداءً من',
    effectiveOnHint: 'بين اليوم واليوم السابق لنهاية الفترة ({{end}}).',
    changeExplain:
      'الشريحة الأعلى تصدر لها فاتورة شكلية بالتناسب مع الأيام المتبقية، تُقبل وتُسدَّد كأي فاتورة شكلية، وتسري عند تفعيل فاتورتها. الشريحة الأدنى تسري من التاريخ المختار، دون استرجاع ما دُفع عن الفترة.',
    changeSubmit: 'تغيير الشريحة',
    proformaIssued: 'صدرت الفاتورة الشكلية {{number}} لتغيير الشريحة ({{amount}} دون رسوم).',
    changeApplied: 'تسري الشريحة الجديدة من التاريخ المختار.',
    changeScheduled: 'شريحة جديدة (حتى {{tier}}) ابتداءً من {{date}}.',
    changePending: 'تغيير شريحة في الانتظار: الفاتورة الشكلية {{number}}.',
    renewTitle: 'التجديد',
    autoRenewLabel: 'التجديد التلقائي: تصدر فاتورة شكلية للتجديد قبل النهاية بثلاثين يومًا',
    autoRenewSave: 'حفظ',
    autoRenewSaved: 'حُفظ اختيار التجديد.',
    cancelTitle: 'الإيقاف عند النهاية',
    cancelExplain: 'تستمر الخدمة حتى {{end}} ثم تتوقف، ولن يُقترح أي تجديد.',
    cancelConfirm: 'أؤكد إيقاف الاشتراك عند نهايته',
    cancelSubmit: 'الإيقاف عند النهاية',
    cancelSaved: 'سُجّل طلب الإيقاف عند النهاية.',
    cancelledAtTerm: 'طُلب الإيقاف: ينتهي الاشتراك في {{end}} دون تجديد.',
    balanceTitle: 'رصيد الحساب',
  },
  documentLines: { quantity: 'الكمية', unitPrice: 'سعر الوحدة دون رسوم', discount: 'التخفيض', noDiscount: 'دون تخفيض' },
  notifications: {
    subscriptionTierChanged: 'ينتقل اشتراككم {{service}} إلى الشريحة حتى {{tier}} من {{start}} إلى {{end}}.',
    subscriptionTierChangedStaff: 'اشتراك {{service}}: الشريحة حتى {{tier}} ابتداءً من {{start}}.',
    subscriptionCancelledAtTerm: 'سيتوقف اشتراككم {{service}} عند نهايته في {{end}}.',
    subscriptionCancelRequested: 'يطلب عميل إيقاف اشتراكه {{service}} عند نهايته في {{end}}.',
    renewalProformaIssued: 'صدرت الفاتورة الشكلية للتجديد التلقائي {{number}}.',
    tierChangeProformaIssued: 'صدرت الفاتورة الشكلية {{number}} لتغيير شريحة.',
  },
  mailSubscription: {
    tierChangedSubject: 'تتغيّر شريحة اشتراككم في Y-tech',
    tierChangedBody: 'ينتقل اشتراككم <strong>{{service}}</strong> إلى الشريحة حتى {{tier}} من {{start}} إلى {{end}}.',
    cancelledAtTermSubject: 'سيتوقف اشتراككم في Y-tech عند نهايته',
    cancelledAtTermBody:
      'تلقّينا طلبكم: يستمر اشتراككم <strong>{{service}}</strong> حتى {{end}} ثم يتوقف دون تجديد. يمكنكم طلب عرض سعر جديد في أي وقت.',
    cancelRequestedSubject: 'طلب إيقاف اشتراك',
    cancelRequestedBody: 'يطلب عميل إيقاف اشتراكه <strong>{{service}}</strong> عند نهايته في {{end}}.',
    openCompany: 'عرض المؤسسة',
  },
  errors: {
    subscriptionChanges: {
      noQuote: 'هذا الاشتراك لا يعود إلى طلب عرض سعر: يُرجى التواصل مع مسؤولكم التجاري.',
      notRunning: 'لا يمكن تغيير شريحة اشتراك إلا إذا كان ساريًا.',
      changePending: 'تغيير شريحة ينتظر فاتورته الشكلية بالفعل.',
      notRenewable: 'لم يعد تعديل التجديد ممكنًا: حالة الاشتراك «{{status}}».',
    },
  },
  validation: {
    subscriptionChanges: {
      tier: 'اختر إحدى شرائح الخدمة.',
      sameTier: 'هذه هي شريحة الاشتراك الحالية.',
      confirm: 'ضع علامة في الخانة لتأكيد الإيقاف عند النهاية.',
      effectiveOn: 'اختر تاريخًا بين اليوم واليوم السابق لنهاية الفترة.',
    },
  },
};
