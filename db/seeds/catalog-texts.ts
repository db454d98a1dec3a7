/**
 * The catalog's texts in English and Arabic. catalog.json (../shared/domain) is French only; these
 * are ours. Data only: the catalog seed and the migration that gave existing catalogs their Arabic
 * both read it.
 */
const supportEn = ['Incident resolution', 'E-mail', 'Hardware maintenance', 'IT security'];
const managementEn = ['Server management', 'Software management', 'Printer management', 'Computer management'];
const supportAr = ['حل الأعطال', 'البريد الإلكتروني', 'صيانة العتاد', 'أمن المعلوماتية'];
const managementAr = ['إدارة الخوادم', 'إدارة البرمجيات', 'إدارة الطابعات', 'إدارة الحواسيب'];

export const serviceScopeEn: Record<string, string[]> = {
  support: supportEn,
  management: managementEn,
  full: [...supportEn, ...managementEn],
};
export const serviceScopeAr: Record<string, string[]> = {
  support: supportAr,
  management: managementAr,
  full: [...supportAr, ...managementAr],
};
export const serviceNamesAr: Record<string, string> = {
  support: 'الدعم المعلوماتي',
  management: 'إدارة الحظيرة المعلوماتية',
  full: 'الباقة الكاملة (الدعم + الإدارة)',
};

export const paymentNamesEn: Record<string, string> = {
  cash: 'Cash (at our office)',
  transfer: 'Bank transfer',
  cheque: 'Cheque',
  purchase_order: 'Purchase order',
};
export const paymentNamesAr: Record<string, string> = {
  cash: 'نقدًا (في الوكالة)',
  transfer: 'تحويل بنكي',
  cheque: 'صكّ',
  purchase_order: 'سند طلب',
};
