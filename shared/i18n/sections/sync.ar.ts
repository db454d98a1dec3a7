import type { Texts } from '../texts';
import type { syncFr } from './sync.fr';

/** Arabic texts of the GLPI sync (ticket events, freshness), merged into shared/i18n/ar.ts. */
export const syncAr: Texts<typeof syncFr> = {
  sync: {
    dataAsOf: 'بيانات محيَّنة في {{date}}',
    neverSynced: 'لم تُزامَن البيانات بعد',
    ticketStatus: {
      '1': 'جديدة',
      '2': 'قيد المعالجة (مُسندة)',
      '3': 'قيد المعالجة (مُبرمجة)',
      '4': 'في الانتظار',
      '5': 'محلولة',
      '6': 'مغلقة',
    },
  },
  notifications: {
    glpiTicketSolved: 'تذكرتكم رقم {{ticketId}} «{{ticketTitle}}» محلولة.',
    glpiTicketClosed: 'تذكرتكم رقم {{ticketId}} «{{ticketTitle}}» مغلقة.',
    glpiTicketStatusChanged: 'تغيّرت حالة تذكرتكم رقم {{ticketId}} «{{ticketTitle}}».',
    glpiTicketReceived: 'استلم الدعم تذكرتكم «{{ticketTitle}}» تحت الرقم {{ticketId}}.',
    glpiTicketAnswered: 'ردّ تقني على تذكرتكم رقم {{ticketId}} «{{ticketTitle}}».',
  },
  mailSync: {
    hello: 'مرحبًا،',
    cta: 'عرض التذكرة',
    solvedSubject: 'التذكرة رقم {{ticketId}} محلولة',
    solvedBody: 'حلّ تقنيونا تذكرتكم رقم {{ticketId}} «{{ticketTitle}}». إذا استمر المشكل، ردّوا عليها من فضائكم.',
    closedSubject: 'التذكرة رقم {{ticketId}} مغلقة',
    closedBody: 'تذكرتكم رقم {{ticketId}} «{{ticketTitle}}» مغلقة.',
    statusSubject: 'تحديث التذكرة رقم {{ticketId}}',
    statusBody: 'تغيّرت حالة تذكرتكم رقم {{ticketId}} «{{ticketTitle}}». اطّلعوا عليها في فضائكم.',
    receivedSubject: 'استلم الدعم التذكرة رقم {{ticketId}}',
    receivedBody: 'سُجّل طلبكم «{{ticketTitle}}» لدى تقنيينا تحت الرقم {{ticketId}}.',
    answerSubject: 'رد جديد على التذكرة رقم {{ticketId}}',
    answerBody: 'ردّ تقني على تذكرتكم رقم {{ticketId}} «{{ticketTitle}}».',
  },
};
