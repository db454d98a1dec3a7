import { GlpiAsset } from '../db/models';
import { assetOrder, assetRow, assetWhere, assetFilterSchema, type AssetFilterInput } from './list-assets';
import { columnsBySlug, frenchHeaders } from './asset-types';

/** Spreadsheet programs read a leading BOM as "this is UTF-8": accents then open right. */
const bom = '\uFEFF';
/** French spreadsheets split on semicolons (the comma is the decimal separator). */
const separator = ';';
const exportLimit = 50_000;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet: GLPI text must stay text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The filtered list (every page, same order), as CSV with French headers, UTF-8 with BOM. */
export async function assetsCsv(companyId: number, input: AssetFilterInput): Promise<{ filename: string; body: string }> {
  const filter = assetFilterSchema.parse(input);
  const columns = columnsBySlug[filter.type];
  const assets = await GlpiAsset.findAll({ where: assetWhere(companyId, filter), order: assetOrder(filter), limit: exportLimit });
  const lines = [
    ['ID GLPI', ...columns.map((column) => frenchHeaders[column])].map(cell).join(separator),
    ...assets.map((asset) => {
      const row = assetRow(asset, columns);
      return [row.glpiId, ...columns.map((column) => row.values[column])].map(cell).join(separator);
    }),
  ];
  return { filename: `parc-${filter.type}.csv`, body: `${bom}${lines.join('\r\n')}\r\n` };
}
