/** The quote wizard's steps, in order (shared by the page and its server helper). */
export const wizardSteps = ['account', 'company', 'service', 'details', 'duration', 'review'] as const;
export type WizardStep = (typeof wizardSteps)[number];
export const isStep = (value: unknown): value is WizardStep => wizardSteps.includes(value as WizardStep);
