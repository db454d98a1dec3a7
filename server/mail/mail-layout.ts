/** The MJML frame every e-mail shares: header, content blocks, footer. */
export type MailBlock = { kind: 'text'; html: string } | { kind: 'button'; label: string; href: string } | { kind: 'muted'; html: string };

export function mailLayout(options: { title: string; blocks: MailBlock[]; footer: string; lang: string; dir: 'ltr' | 'rtl' }): string {
  // MJML aligns text left unless told: an Arabic mail must start on the right as well as read from it.
  const align = options.dir === 'rtl' ? 'right' : 'left';
  const body = options.blocks
    .map((b) => {
      // White on blue: mj-all's ink colour would otherwise reach the button's label (dark on blue).
      if (b.kind === 'button')
        return `<mj-button background-color="#0b5cab" color="#ffffff" font-weight="600" border-radius="6px" font-size="15px" align="${align}" href="${b.href}">${b.label}</mj-button>`;
      if (b.kind === 'muted') return `<mj-text color="#5f6b7a" font-size="13px" align="${align}">${b.html}</mj-text>`;
      return `<mj-text font-size="15px" line-height="1.6" align="${align}">${b.html}</mj-text>`;
    })
    .join('\n');
  return `<mjml lang="${options.lang}" dir="${options.dir}">
  <mj-head>
    <mj-title>${options.title}</mj-title>
    <mj-attributes><mj-all font-family="Segoe UI, Helvetica, Arial, sans-serif" color="#1d2733" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f5f8">
    <mj-section background-color="#0b2545" padding="18px 24px">
      <mj-column><mj-text color="#ffffff" font-size="22px" font-weight="700" align="${align}">Y-tech</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
${body}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column><mj-text color="#5f6b7a" font-size="12px" align="center">${options.footer}</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}
