/** How a quote request is named to people (mails, pages): its id, zero-padded. */
export const quoteReference = (id: number) => `DV-${String(id).padStart(5, '0')}`;
