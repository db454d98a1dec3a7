import type { GlpiCompanyLink } from '../../server/db/models';
import { checkEntityIdentity, newIdentityMarker, stampEntity } from '../provisioning/entity-identity';
import { flagLostLink } from '../provisioning/lost-link';
import type { CircuitBreaker } from './circuit-breaker';
import type { SyncContext } from './sync-context';

/**
 * Once per company cycle (one request): is the entity at the link's id still the company's? If
 * not, nothing of it is read into this company's cache: the link is flagged for staff and the
 * cycle ends (provisioning repairs it). Read from the clients' parent entity, where a purged id
 * answers 404 instead of failing the switch of the active entity.
 */
export async function linkStillHolds(
  ctx: SyncContext & { breaker: CircuitBreaker },
  link: GlpiCompanyLink & { glpiEntityId: number },
): Promise<boolean> {
  return ctx.breaker.run(() =>
    ctx.pool.withEntity(
      ctx.options.parentEntityId,
      async (client) => {
        const verdict = await checkEntityIdentity(client, link, ctx.options.parentEntityId);
        if (!verdict.ok) {
          await flagLostLink(link.companyId, link.glpiEntityId, verdict.problem);
          return false;
        }
        if (verdict.adopted) {
          // A link made before markers: its entity, found by its name, is marked now.
          const marker = newIdentityMarker();
          await stampEntity(client, verdict.entity, marker);
          await link.update({ identityMarker: marker });
        }
        return true;
      },
      { recursive: true },
    ),
  );
}
