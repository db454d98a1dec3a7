import type { Texts } from '../texts';
import type { securityFr } from './security.fr';

/** Arabic texts of the security hardening (issue 13), merged into shared/i18n/ar.ts. */
export const securityAr: Texts<typeof securityFr> = {
  errors: {
    tooManyAttemptsOnAccount:
      'محاولات دخول كثيرة إلى هذا الحساب من أجهزة غير معروفة. أعيدوا المحاولة بعد {{minutes}} دقيقة، أو سجّلوا الدخول من جهاز استعملتموه سابقًا، أو أعيدوا تعيين كلمة المرور: الرابط المرسل بالبريد يجعل هذا الجهاز معروفًا.',
    registrationInvalid: 'رابط التفعيل هذا غير صالح أو مستعمل أو منتهي الصلاحية. أنشئوا حسابكم من جديد، أو سجّلوا الدخول إن كان قد أُنشئ.',
  },
  validation: {
    singleLine: 'هذا الحقل يُكتب في سطر واحد: احذفوا الرجوع إلى السطر.',
  },
  auth: {
    registrationSent:
      'اقتربنا من النهاية: أرسلنا بريدًا إلكترونيًا إلى {{email}}. اتبعوا الرابط الذي يحتويه (صالح 24 ساعة) لتفعيل حسابكم. لم يصلكم شيء؟ تحققوا من مجلد الرسائل غير المرغوب فيها.',
    confirmTitle: 'تفعيل حسابكم',
    confirmLead: 'نقرة أخيرة: فعّلوا حسابكم في Y-tech للوصول إلى فضائكم.',
    confirmSubmit: 'تفعيل حسابي',
  },
  mail: {
    confirmSubject: 'فعّلوا حسابكم في Y-tech',
    confirmBody: 'أنشأتم للتو حسابًا في Y-tech بهذا العنوان. اتبعوا هذا الرابط، الصالح لمدة 24 ساعة، لتفعيله:',
    confirmCta: 'تفعيل حسابي',
    confirmIgnore: 'إذا لم تطلبوا ذلك، تجاهلوا هذه الرسالة: لن يُنشأ أي حساب.',
    accountExistsSubject: 'لديكم حساب في Y-tech مسبقًا',
    accountExistsBody: 'شخص ما (ربما أنتم) أراد إنشاء حساب في Y-tech بهذا العنوان، الذي له حساب مسبقًا. لم يُنشأ أي حساب جديد.',
    accountExistsCta: 'تسجيل الدخول',
    accountExistsReset: 'نسيتم كلمة المرور؟ <a href="{{url}}">اختاروا كلمة جديدة</a>. إذا لم تطلبوا ذلك، تجاهلوا هذه الرسالة.',
  },
};
