import type { Texts } from '../texts';
import type { companyUsersFr } from './company-users.fr';

/** Arabic texts of a client company's people and their roles (issue 18), merged into shared/i18n/ar.ts. */
export const companyUsersAr: Texts<typeof companyUsersFr> = {
  pageTitle: { companyPeople: 'أشخاص المؤسسة', team: 'فريقي' },
  nav: { team: 'فريقي' },
  companyRoles: {
    manager: 'مسؤول',
    member: 'متعاون',
    billing: 'محاسبة',
  },
  companyRoleHelp: {
    manager: 'كل شيء: الفوترة، الوثائق، جميع التذاكر، لوحات المتابعة، الفريق.',
    member: 'تذاكره الخاصة؛ الحظيرة المعلوماتية للاطلاع فقط.',
    billing: 'الوثائق والمدفوعات فقط.',
  },
  team: {
    title: 'فريقي',
    staffTitle: 'أشخاص المؤسسة',
    lead: 'أشخاص مؤسستكم الذين يمكنهم الدخول إلى هذا الفضاء، وما يمكن لكل واحد منهم القيام به.',
    caption: 'الأشخاص والأدوار',
    name: 'الاسم',
    email: 'البريد الإلكتروني',
    role: 'الدور',
    status: 'الحالة',
    active: 'نشط',
    deactivated: 'معطّل',
    pending: 'دعوة في الانتظار',
    you: '(أنتم)',
    actions: 'الإجراءات',
    changeRole: 'تغيير الدور',
    roleOf: 'دور {{name}}',
    deactivate: 'تعطيل',
    reactivate: 'إعادة التفعيل',
    resend: 'إعادة إرسال الدعوة',
    inviteTitle: 'دعوة شخص',
    inviteLead: 'يتلقى بريدًا إلكترونيًا صالحًا لمدة 7 أيام لاختيار كلمة المرور.',
    firstName: 'الاسم',
    lastName: 'اللقب',
    language: 'لغة الرسائل',
    inviteSubmit: 'إرسال الدعوة',
    invited: 'تم إرسال الدعوة إلى {{email}}.',
    roleChanged: 'تم تغيير الدور.',
    deactivatedDone: 'تم تعطيل الدخول: أُغلقت جلساته.',
    reactivatedDone: 'تمت إعادة تفعيل الدخول.',
    resent: 'تم إرسال دعوة جديدة.',
    memberTickets: 'ترون التذاكر التي أنتم صاحب طلبها أو مراقب لها.',
  },
  mailCompany: {
    invitationSubject: 'دخولكم إلى فضاء عملاء Y-tech',
    invitationBody: 'فتح لكم {{invitedBy}} دخولًا إلى فضاء عملاء Y-tech الخاص بـ {{company}}. اختاروا كلمة المرور للدخول:',
  },
  errors: {
    companyRoleRequired: 'دوركم في المؤسسة لا يسمح بهذا الإجراء.',
    companyUsers: {
      notYourself: 'لا يمكنكم دعوة أنفسكم، ولا تغيير دوركم أو دخولكم.',
      alreadyMember: 'هذا الشخص ينتمي بالفعل إلى مؤسستكم.',
      emailTaken: 'لهذا العنوان حساب Y-tech بالفعل: لا يمكنه الانضمام إلى مؤسستكم.',
    },
  },
};
