import type { Texts } from '../texts';
import type { ticketsMoreFr } from './tickets-more.fr';

/** Arabic texts of solutions, categories, assets and attachments on tickets, merged into shared/i18n/ar.ts. */
export const ticketsMoreAr: Texts<typeof ticketsMoreFr> = {
  ticketMore: {
    category: 'الفئة',
    noCategory: '— اختر فئة (اختياري) —',
    asset: 'الجهاز المعني',
    noAsset: '— لا يخص جهازاً بعينه —',
    assetHint: 'اختر جهاز حظيرتكم المعني: يجده التقني مباشرة.',
    linkedAsset: 'الأجهزة المعنية',
    openAbout: 'فتح تذكرة بخصوص هذا الجهاز',
    ticketsAbout: 'التذاكر الخاصة بهذا الجهاز',
    noTicketsAbout: 'لا توجد تذكرة تخص هذا الجهاز.',
    solutions: 'حل الدعم التقني',
    solution: 'الحل المقترح',
    solutionStates: { waiting: 'في انتظار موافقتكم', accepted: 'مقبول', refused: 'مرفوض' },
    decideTitle: 'هل يناسبكم هذا الحل؟',
    decideLead: 'اقبلوه لإغلاق التذكرة، أو ارفضوه مع ذكر السبب: تعود التذكرة إلى التقني.',
    comment: 'تعليق',
    commentHint: 'اختياري عند القبول، إلزامي عند الرفض.',
    approve: 'قبول الحل',
    refuse: 'رفض الحل وإعادة فتح التذكرة',
    decisionWaiting: { approve: 'قبولكم قيد الإرسال إلى الدعم التقني.', refuse: 'رفضكم قيد الإرسال إلى الدعم التقني.' },
    decisionFailed: 'تعذر إرسال ردكم: يمكنكم إرساله من جديد.',
    decided: 'تم تسجيل ردكم: سيُرسل إلى الدعم التقني بعد لحظات.',
    attachment: 'مرفق (اختياري)',
    attachmentHint: 'لقطة شاشة أو وثيقة: PDF أو PNG أو JPEG، بحد أقصى 10 ميغابايت. يُرسل الملف إلى التقني مع رسالتكم.',
  },
  errors: {
    ticketAttachment: {
      empty: 'هذا الملف فارغ: اختاروا ملفاً آخر. تم الاحتفاظ بنصكم.',
      tooLarge: 'يتجاوز هذا الملف {{max}} ميغابايت: قلّصوا حجمه أو أرسلوا لقطة شاشة. تم الاحتفاظ بنصكم.',
      type: 'هذا الملف ليس PDF ولا صورة PNG أو JPEG (تم فحص محتواه وليس اسمه فقط). تم الاحتفاظ بنصكم.',
      pdf: 'يحتوي ملف PDF هذا على محتوى نشط أو لا يمكن قراءته: احفظوه من جديد بصيغة PDF بسيطة. تم الاحتفاظ بنصكم.',
    },
    ticketNotSolved: 'هذه التذكرة لا تنتظر موافقة: لا يمكن قبول أو رفض إلا حل مقترح.',
    approvalWaiting: 'ردكم على هذا الحل قيد الإرسال بالفعل.',
  },
};
