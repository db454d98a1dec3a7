import { FormAlert } from '~/components/form-alert';
import type { AdminActionResult } from '~/utils/admin.server';

/** The outcome of an administration form: a success line or the refusal, announced. */
export function AdminNotice({ result }: { result: AdminActionResult | undefined }) {
  if (!result) return null;
  if (result.ok) return <FormAlert tone="success" message={result.message} params={result.params} />;
  const fieldError = Object.values(result.fieldErrors)[0];
  return <FormAlert message={result.formError ?? fieldError} params={result.params} />;
}
