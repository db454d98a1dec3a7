import type { CaughtMessage } from './main';

/** Every value that reaches the page is escaped: mail content is attacker-controlled text. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium' });

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1f2937; background: #f8fafc; }
  header { background: #1e3a8a; color: #fff; padding: .75rem 1.5rem; }
  header a { color: #fff; text-decoration: none; font-weight: 600; }
  main { padding: 1.5rem; max-width: 72rem; margin: 0 auto; }
  table { width: 100%; border-collapse: collapse; background: #fff; }
  th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid #e5e7eb; }
  th { background: #f1f5f9; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  iframe { width: 100%; height: 70vh; border: 1px solid #cbd5e1; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; padding: 1rem; border: 1px solid #cbd5e1; }
</style>
</head>
<body>
<header><a href="/">Boîte de réception locale (Y-tech)</a></header>
<main>${body}</main>
</body>
</html>`;
}

export function renderList(messages: CaughtMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td>${escapeHtml(dateFormat.format(m.date))}</td>
  <td>${escapeHtml(m.from)}</td>
  <td>${escapeHtml(m.to || m.envelope.to.join(', '))}</td>
  <td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(sans objet)')}</a></td>
</tr>`,
    )
    .join('\n');
  const body = messages.length
    ? `<h1>Courriels reçus (${messages.length})</h1>
<table>
<thead><tr><th>Date</th><th>De</th><th>À</th><th>Objet</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : '<h1>Courriels reçus</h1><p>Aucun message pour le moment.</p>';
  // Refreshes itself so a mail sent during the demo shows up without a click.
  return layout('Courriels reçus', body, '<meta http-equiv="refresh" content="5">');
}

export function renderMessage(m: CaughtMessage): string {
  const attachments = m.attachments.length
    ? `<ul>${m.attachments
        .map(
          (a, i) =>
            `<li><a href="/messages/${m.id}/attachments/${i}" download>${escapeHtml(a.filename)}</a> (${escapeHtml(a.contentType)}, ${formatSize(a.size)})</li>`,
        )
        .join('')}</ul>`
    : '<p>Aucune pièce jointe.</p>';
  // sandbox="" : no script, no form, no navigation of the parent; srcdoc holds the escaped HTML.
  const content = m.html
    ? `<iframe sandbox="" title="Contenu du message" srcdoc="${escapeHtml(m.html)}"></iframe>
<details><summary>Version texte</summary><pre>${escapeHtml(m.text)}</pre></details>`
    : `<pre>${escapeHtml(m.text)}</pre>`;
  const body = `<p><a href="/">← Retour à la liste</a></p>
<h1>${escapeHtml(m.subject || '(sans objet)')}</h1>
<dl>
  <dt>Date</dt><dd>${escapeHtml(dateFormat.format(m.date))}</dd>
  <dt>De</dt><dd>${escapeHtml(m.from)}</dd>
  <dt>À</dt><dd>${escapeHtml(m.to)}</dd>
  <dt>Destinataires (enveloppe)</dt><dd>${escapeHtml(m.envelope.to.join(', '))}</dd>
</dl>
<h2>Pièces jointes</h2>
${attachments}
<h2>Contenu</h2>
${content}`;
  return layout(m.subject || 'Message', body);
}
