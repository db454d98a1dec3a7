/** Mail templates of the sales screens (see define-template.ts). */
export const salesMailTemplates = {};
