import { z } from 'zod';
import { linkEntity, provisioningState, retryProvisioning } from '../../glpi-provisioning/provisioning-admin';
import { router, staffProcedure } from '../init';
import { recordId } from '../../validation/fields';

const companyInput = z.object({ companyId: recordId });

/** Staff view of a company's GLPI provisioning; the worker does the GLPI side. */
export const glpiRouter = router({
  provisioningState: staffProcedure.input(companyInput).query(({ input }) => provisioningState(input.companyId)),
  retryProvisioning: staffProcedure.input(companyInput).mutation(async ({ input, ctx }) => {
    await retryProvisioning(input.companyId, ctx.user.id);
    return { ok: true as const };
  }),
  linkEntity: staffProcedure
    .input(
      companyInput.extend({
        entityId: z.coerce.number({ error: 'validation.glpiEntityId' }).int('validation.glpiEntityId').positive('validation.glpiEntityId'),
      }),
    )
    .mutation(async ({ input, ctx }) => {
      await linkEntity(input.companyId, input.entityId, ctx.user.id);
      return { ok: true as const };
    }),
});
