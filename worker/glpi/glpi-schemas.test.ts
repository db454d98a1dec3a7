import { describe, expect, it } from 'vitest';
import { GlpiSchemaError } from './glpi-errors';
import { decodeGlpiHtml } from './glpi-html';
import { parseContentRange, ticketSchema } from './glpi-schemas';

describe('decodeGlpiHtml', () => {
  it('decodes the entities GLPI emits, once', () => {
    // get_Ticket_id_after_post_sanitized_default: a user's literal "&amp;" is stored as "&#38;amp;".
    const stored = '&#60;p&#62;Café &#38;amp; shows error &#60;b&#62;E-52&#60;/b&#62; "B2"&#60;/p&#62;';
    expect(decodeGlpiHtml(stored)).toBe('<p>Café &amp; shows error <b>E-52</b> "B2"</p>');
    expect(decodeGlpiHtml('a &lt; b &gt; c &amp; d &#x27;e&#x27; &unknown;')).toBe("a < b > c & d 'e' &unknown;");
  });
});

describe('parseContentRange', () => {
  it('reads start, end and total, including the end-of-list form', () => {
    expect(parseContentRange('0-4/52')).toEqual({ start: 0, end: 4, total: 52 });
    expect(parseContentRange('38-37/38')).toEqual({ start: 38, end: 37, total: 38 });
    expect(parseContentRange(null)).toBeNull();
    expect(parseContentRange('bytes 0-4/52')).toBeNull();
  });
});

describe('GlpiSchemaError', () => {
  it('names the item type, the field and the row', () => {
    const parsed = ticketSchema.array().safeParse([
      {
        id: 1,
        entities_id: 1,
        name: 'ok',
        content: null,
        status: 1,
        urgency: 3,
        impact: 3,
        priority: 3,
        type: 1,
        itilcategories_id: 0,
        requesttypes_id: 1,
        users_id_recipient: 2,
        locations_id: 0,
        date: null,
        takeintoaccountdate: null,
        solvedate: null,
        closedate: null,
        time_to_own: null,
        time_to_resolve: null,
        date_mod: null,
        date_creation: null,
        is_deleted: 0,
      },
      {
        id: 2,
        entities_id: 1,
        name: 'bad',
        content: null,
        status: 1,
        urgency: 3,
        impact: 3,
        priority: 3,
        type: 1,
        itilcategories_id: 0,
        requesttypes_id: 1,
        users_id_recipient: 2,
        locations_id: 0,
        date: '29/11/2026',
        takeintoaccountdate: null,
        solvedate: null,
        closedate: null,
        time_to_own: null,
        time_to_resolve: null,
        date_mod: null,
        date_creation: null,
        is_deleted: 0,
      },
    ]);
    expect(parsed.success).toBe(false);
    const error = new GlpiSchemaError('Ticket', parsed.error?.issues ?? [], null);
    expect(error).toMatchObject({ itemtype: 'Ticket', field: 'date' });
    expect(error.message).toBe('GLPI Ticket: unexpected field "date" in row 1: expected "YYYY-MM-DD HH:MM:SS"');
  });
});
