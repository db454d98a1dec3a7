import type { SellerIdentityInput } from '../../documents/commercial-document-schema';

/**
 * Y-tech's own identity, printed on every pro-forma, invoice and credit note. Algerian documents
 * must carry the seller's RC, NIF, NIS, AI and bank details. Fictitious values for the demo: the
 * real ones are set here by the company before going live (they change only with the company).
 */
export const sellerIdentity = {
  name: 'Y-tech SARL',
  address: '27 boulevard Krim Belkacem, Télemly, 16000 Alger',
  phone: '+213 21 63 45 10',
  email: 'facturation@ytech.dz',
  rc: '16/00-1029384B22',
  nif: '002216102938475',
  nis: '002216010293847',
  ai: '16102938475',
  bankName: 'BNA — agence Didouche Mourad',
  rib: '001 00607 0300000482 17',
} as const satisfies SellerIdentityInput;

/** What the contact page shows: the same office and switchboard as the documents, and the sales address. */
export const publicContact = { address: sellerIdentity.address, phone: sellerIdentity.phone, email: 'contact@ytech.dz' } as const;
