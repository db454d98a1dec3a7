import type { Texts } from '../texts';
import type { replicasFr } from './replicas.fr';

/** Arabic texts of the read replicas on the platform page, merged into shared/i18n/ar.ts. */
export const replicasAr: Texts<typeof replicasFr> = {
  admin: {
    replicas: {
      title: 'قاعدة البيانات: النسخ المتماثلة للقراءة',
      lead: 'القراءات التي تحتمل الانتظار بضع ثوانٍ (القوائم، لوحات القيادة) تُخدَم من النسخ المتماثلة؛ إذا تجاوز تأخر نسخة {{maxLag}} ثا، أو لم تستجب، تُستبعد وتتولى القاعدة الرئيسية الرد، إلى أن تستدرك تأخرها.',
      none: 'لا توجد أي نسخة متماثلة مهيأة: كل القراءات تذهب إلى القاعدة الرئيسية (DATABASE_REPLICA_URLS).',
      caption: 'النسخ المتماثلة كما يراها مسار الويب هذا',
      replica: 'النسخة المتماثلة',
      state: 'الحالة',
      lag: 'التأخر',
      checkedAt: 'قيس في',
      error: 'الخطأ',
      lagSeconds: '{{seconds}} ثا',
      states: { ok: 'في الخدمة', lagging: 'مستبعدة: تأخر كبير', down: 'مستبعدة: لا تستجيب', unknown: 'لم تُقَس بعد' },
    },
  },
};
