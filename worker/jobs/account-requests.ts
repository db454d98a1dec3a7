import type { Job } from 'bullmq';
import { handlePasswordResetRequest, handleRegistrationRequest } from '../../server/accounts/account-requests';
import { queueDefinitions } from '../../server/jobs/queues';

/** Registrations and password-reset requests, decided away from the visitor's request (server/accounts/account-requests.ts). */
export function accountRequestsProcessor() {
  return async (job: Job): Promise<void> => {
    const request = queueDefinitions['account-requests'].payload.parse(job.data);
    if (request.kind === 'registration') await handleRegistrationRequest(request.registrationId);
    else await handlePasswordResetRequest(request.email, request.locale);
  };
}
