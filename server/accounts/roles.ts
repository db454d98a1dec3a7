export const roles = ['client', 'commercial', 'admin'] as const;
export type Role = (typeof roles)[number];
export const staffRoles: readonly Role[] = ['commercial', 'admin'];
