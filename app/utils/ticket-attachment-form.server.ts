import { unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';
import { MAX_TICKET_ATTACHMENT_BYTES } from '../../server/portal/ticket-attachment';
import { formValues } from '~/trpc.server';

export type TicketForm = {
  values: Record<string, string>;
  attachment?: { fileName: string; bytes: Uint8Array };
  /** The file went past the limit: refused beside the field, the typed text kept. */
  tooLarge: boolean;
};

/**
 * Reads a ticket or reply form that may carry a file (`attachment`). The file part is read up to
 * the limit and then only counted, never kept, so a file too large still lets the text fields
 * come back to the form; the server's body limit caps the whole request at 12 MB.
 */
export async function readTicketForm(request: Request): Promise<TicketForm> {
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data'))
    return { values: formValues(await request.formData()), tooLarge: false };
  let tooLarge = false;
  let file: { fileName: string; bytes: Uint8Array } | undefined;
  const form = await unstable_parseMultipartFormData(
    request,
    unstable_composeUploadHandlers(
      async ({ name, filename, data }) => {
        if (name !== 'attachment') return undefined;
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of data) {
          size += chunk.byteLength;
          if (size <= MAX_TICKET_ATTACHMENT_BYTES) chunks.push(chunk);
        }
        if (size > MAX_TICKET_ATTACHMENT_BYTES) tooLarge = true;
        // A form sent without choosing a file has an empty, nameless part: no attachment.
        else if (size > 0 || filename) file = { fileName: filename ?? '', bytes: Buffer.concat(chunks) };
        return '';
      },
      unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
    ),
  );
  const values = formValues(form);
  delete values.attachment;
  return { values, attachment: file, tooLarge };
}
