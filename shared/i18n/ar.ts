import { mergeSections, type fr, type FrCore } from './fr';
import type { Texts } from './texts';
import { adminAr } from './sections/admin.ar';
import { billingAr } from './sections/billing.ar';
import { glpiAr } from './sections/glpi.ar';
import { syncAr } from './sections/sync.ar';
import { salesAr } from './sections/sales.ar';
import { portalAr } from './sections/portal.ar';
import { backofficeAr } from './sections/backoffice.ar';
import { securityAr } from './sections/security.ar';
import { replicasAr } from './sections/replicas.ar';
import { glpiAccountAr } from './sections/glpi-account.ar';
import { companyUsersAr } from './sections/company-users.ar';
import { siteAr } from './sections/site.ar';
import { ticketsMoreAr } from './sections/tickets-more.ar';
import { ticketFilesAr } from './sections/ticket-files.ar';
import { satisfactionAr } from './sections/satisfaction.ar';
import { subscriptionChangesAr } from './sections/subscription-changes.ar';
import { reportsAr } from './sections/reports.ar';

/**
 * Arabic texts (ar-DZ), read right to left. Each section is typed by its French twin, so a French
 * key without its Arabic text is a type error where the text belongs. Amounts, references and
 * e-mail addresses stay in Latin digits and letters, as on Algerian documents.
 */
const core: Texts<FrCore> = {
  brand: 'Y-tech',
  tagline: 'خدمات معلوماتية مُدارة للمؤسسات الجزائرية',
  nav: {
    home: 'الرئيسية',
    services: 'الخدمات والأسعار',
    faq: 'الأسئلة الشائعة',
    contact: 'اتصل بنا',
    login: 'تسجيل الدخول',
    register: 'إنشاء حساب',
    logout: 'تسجيل الخروج',
    account: 'ملفي الشخصي',
    portal: 'فضائي',
    backoffice: 'المكتب الخلفي',
    mainMenu: 'القائمة الرئيسية',
    language: 'اللغة',
    switchTo: 'العربية',
    skipToContent: 'الانتقال إلى المحتوى',
  },
  home: {
    title: 'معلوماتيتكم في أيدٍ أمينة',
    lead: 'الدعم التقني، تسيير الحظيرة المعلوماتية والباقة الكاملة: تتكفل Y-tech بمعلوماتية مؤسستكم، مع متابعة شفافة لكل تذكرة ولكل جهاز.',
    cta: 'طلب عرض سعر',
    ctaServices: 'اطلع على الخدمات',
    point1Title: 'دعم سريع الاستجابة',
    point1: 'طلباتكم يعالجها تقنيونا، وتتابعونها لحظة بلحظة من فضائكم.',
    point2Title: 'حظيرة تحت السيطرة',
    point2: 'حواسيب، طابعات، رخص: جرد محيَّن وتنبيهات الضمان.',
    point3Title: 'أسعار واضحة',
    point3: 'شرائح شهرية بالدينار، بلا مفاجآت، تُدفع بسند طلب أو تحويل أو صك أو نقدًا.',
  },
  services: {
    title: 'الخدمات والأسعار',
    perMonth: '{{price}} / شهريًا',
    range: 'من {{min}} إلى {{max}}',
    included: 'يشمل',
    tiers: 'الشرائح الشهرية',
    tierColumn: 'الشريحة',
    priceColumn: 'السعر الشهري دون رسوم',
    pricedBy_tickets_per_month: 'السعر حسب عدد التذاكر شهريًا',
    pricedBy_pcs: 'السعر حسب عدد المناصب',
    pricedBy_max: 'السعر حسب الأكبر بينهما: المناصب أو التذاكر شهريًا',
    aboveTop: 'ما بعد الشريحة الأخيرة، يُحدَّد السعر مع مندوبكم التجاري.',
    paymentMethods: 'طرق الدفع',
  },
  auth: {
    loginTitle: 'تسجيل الدخول',
    registerTitle: 'إنشاء حساب',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    passwordHint: '10 أحرف على الأقل.',
    firstName: 'الاسم',
    lastName: 'اللقب',
    phone: 'الهاتف',
    phoneHint: 'بالصيغة 0XXXXXXXXX أو ‎+213XXXXXXXXX.',
    submitLogin: 'تسجيل الدخول',
    submitRegister: 'إنشاء حسابي',
    noAccount: 'ليس لديكم حساب بعد؟ أنشئوا حسابًا.',
    haveAccount: 'لديكم حساب؟ سجّلوا الدخول.',
    forgot: 'نسيتم كلمة المرور؟',
    forgotTitle: 'نسيان كلمة المرور',
    forgotLead: 'أدخلوا بريدكم الإلكتروني: نرسل إليكم رابطًا صالحًا لمدة ساعة.',
    forgotSubmit: 'إرسال الرابط',
    forgotSent: 'إذا كان هناك حساب بهذا العنوان، فقد أُرسل إليه بريد إلكتروني للتو. الرابط صالح لمدة ساعة.',
    resetTitle: 'كلمة مرور جديدة',
    resetSubmit: 'حفظ كلمة المرور',
    resetDone: 'تم تغيير كلمة المرور. يمكنكم تسجيل الدخول.',
    loggedOut: 'تم تسجيل خروجكم.',
  },
  account: {
    title: 'ملفي الشخصي',
    identity: 'معلوماتكم',
    company: 'مؤسستكم',
    save: 'حفظ',
    saved: 'تم حفظ التعديلات.',
    changePassword: 'تغيير كلمة المرور',
    currentPassword: 'كلمة المرور الحالية',
    newPassword: 'كلمة المرور الجديدة',
    passwordChanged: 'تم تغيير كلمة المرور. أُغلقت جلساتكم الأخرى.',
    companyName: 'التسمية الاجتماعية',
    sector: 'قطاع النشاط',
    employeeRange: 'عدد الموظفين',
    address: 'العنوان',
    rc: 'السجل التجاري (RC)',
    nif: 'رقم التعريف الجبائي (NIF)',
    nis: 'رقم التعريف الإحصائي (NIS)',
    ai: 'مادة الضريبة (AI)',
    noCompany: 'ستُسجَّل مؤسستكم عند أول طلب لعرض سعر.',
    choose: '— اختر —',
  },
  portal: {
    title: 'فضائي',
    welcome: 'مرحبًا {{name}}',
    noSubscription: 'ليس لديكم اشتراك نشط بعد.',
    nextStep: 'اطلبوا عرض سعر: يتصل بكم مندوب تجاري ويرسل إليكم اقتراحًا.',
    activeSubscription: 'اشتراككم نشط.',
    notifications: 'الإشعارات',
    noNotifications: 'لا توجد إشعارات حاليًا.',
  },
  backoffice: {
    title: 'المكتب الخلفي',
    welcome: 'مرحبًا {{name}}، هذا فضاء عملكم.',
  },
  faq: { title: 'الأسئلة الشائعة', search: 'البحث في الأسئلة الشائعة', empty: 'لا يوجد سؤال يطابق بحثكم.' },
  pager: { label: 'ترقيم الصفحات', previous: 'الصفحة السابقة', next: 'الصفحة التالية', page: 'الصفحة {{page}} من {{count}}' },
  form: { required: 'إلزامي', errorSummary: 'يحتوي النموذج على أخطاء:' },
  validation: {
    required: 'هذا الحقل إلزامي.',
    email: 'بريد إلكتروني غير صالح.',
    passwordTooShort: 'يجب أن تحتوي كلمة المرور على 10 أحرف على الأقل.',
    passwordTooLong: 'كلمة المرور طويلة جدًا (128 حرفًا على الأكثر).',
    phone: 'رقم هاتف جزائري غير صالح (0XXXXXXXXX أو ‎+213XXXXXXXXX).',
    tooLong: 'هذا النص طويل جدًا.',
    nif: 'يتكون الـ NIF من 15 أو 20 رقمًا.',
    nis: 'يتكون الـ NIS من 15 رقمًا.',
    ai: 'تتكون مادة الضريبة من 11 رقمًا.',
    rc: 'سجل تجاري غير صالح.',
    choice: 'اختاروا قيمة من القائمة.',
  },
  errors: {
    internal: 'حدث خطأ غير متوقع. أعيدوا المحاولة بعد قليل.',
    unauthenticated: 'سجّلوا الدخول للمتابعة.',
    forbidden: 'لا يمكنكم الوصول إلى هذه الصفحة.',
    notFound: 'غير موجود.',
    subscriptionRequired: 'هذه الصفحة مخصصة للزبائن ذوي الاشتراك النشط.',
    invalidCredentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    tooManyAttempts: 'محاولات دخول كثيرة. أعيدوا المحاولة بعد {{minutes}} دقيقة.',
    tooManyRequests: 'طلبات كثيرة. أعيدوا المحاولة بعد {{minutes}} دقيقة.',
    emailTaken: 'يوجد حساب بهذا البريد الإلكتروني.',
    resetInvalid: 'رابط إعادة التعيين هذا غير صالح أو مستعمل أو منتهي الصلاحية. اطلبوا رابطًا جديدًا.',
    wrongCurrentPassword: 'كلمة المرور الحالية غير صحيحة.',
    foreignOrigin: 'طلب مرفوض: مصدر غير مسموح به.',
    pageNotFound: 'الصفحة غير موجودة',
    pageNotFoundLead: 'الصفحة المطلوبة غير موجودة أو نُقلت.',
    serverError: 'خطأ في الخادم',
    serverErrorLead: 'حدث مشكل من جهتنا. أعيدوا المحاولة بعد قليل.',
    unavailable: 'الخدمة غير متاحة مؤقتًا',
    illegalTransition: {
      quote: 'هذا الإجراء غير ممكن: حالة طلب عرض السعر «{{from}}».',
      proforma: 'هذا الإجراء غير ممكن: حالة الفاتورة الشكلية «{{from}}».',
      purchaseOrder: 'سبق فحص سند الطلب هذا («{{from}}»).',
      invoice: 'هذا الإجراء غير ممكن: حالة الفاتورة «{{from}}».',
      subscription: 'هذا الإجراء غير ممكن: حالة الاشتراك «{{from}}».',
      paymentProof: 'سبق فحص هذا الإثبات.',
    },
    backHome: 'العودة إلى الرئيسية',
  },
  mail: {
    greeting: 'مرحبًا {{name}}،',
    signature: 'فريق Y-tech',
    welcomeSubject: 'مرحبًا بكم في Y-tech',
    welcomeBody: 'تم إنشاء حسابكم في Y-tech. يمكنكم من الآن طلب عرض سعر ومتابعة وثائقكم من فضائكم.',
    welcomeCta: 'الدخول إلى فضائي',
    resetSubject: 'إعادة تعيين كلمة المرور',
    resetBody: 'طلبتم تغيير كلمة المرور. هذا الرابط صالح لمدة ساعة ويُستعمل مرة واحدة:',
    resetCta: 'اختيار كلمة مرور جديدة',
    resetIgnore: 'إذا لم تطلبوا ذلك، تجاهلوا هذه الرسالة: كلمة مروركم تبقى دون تغيير.',
    footer: 'Y-tech — خدمات معلوماتية مُدارة — الجزائر العاصمة',
  },
  notifications: { welcome: 'مرحبًا بكم في Y-tech يا {{name}}! اطلبوا عرض سعر للبدء.' },
  footer: { siteMenu: 'الموقع', rights: 'جميع الحقوق محفوظة.', address: 'الجزائر العاصمة، الجزائر' },
};

export const ar: Texts<typeof fr> = mergeSections(
  core,
  salesAr,
  billingAr,
  adminAr,
  glpiAr,
  syncAr,
  portalAr,
  backofficeAr,
  securityAr,
  replicasAr,
  glpiAccountAr,
  ticketsMoreAr,
  ticketFilesAr,
  satisfactionAr,
  siteAr,
  companyUsersAr,
  subscriptionChangesAr,
  reportsAr,
);
