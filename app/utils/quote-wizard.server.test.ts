import { describe, expect, it } from 'vitest';
import { subscriptionDurations } from '../../server/catalog/catalog-data';
import { submitInputFrom, validateStep } from './quote-wizard.server';

describe('the quote wizard’s duration step', () => {
  it('refuses no duration with the field’s own message, and takes a listed one', () => {
    expect(validateStep('duration', {})).toEqual({ durationMonths: 'validation.durationRequired' });
    expect(validateStep('duration', { durationMonths: 'douze' })).toEqual({ durationMonths: 'validation.durationRequired' });
    const listed = subscriptionDurations[0]!;
    expect(validateStep('duration', { durationMonths: String(listed) })).toEqual({});
    expect(submitInputFrom({ durationMonths: String(listed) }).durationMonths).toBe(listed);
  });
});
