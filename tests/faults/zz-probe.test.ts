import { it } from 'vitest';
import { startFaultPlatform } from '../support/fault-harness';

it('probe', async () => {
  const p = await startFaultPlatform({});
  let worker = await p.startWorker();
  await p.smtp.setMode('hold');
  for (let i = 0; i < 10; i++) await p.app.enqueueMail({ to: `probe${i}@example.dz`, template: 'welcome', locale: 'fr', params: { name: 'X', portalUrl: 'http://x/portal' } });
  const q = p.app.getQueue('mail');
  const t0 = Date.now();
  const show = async (label: string) => console.log(label, Math.round((Date.now() - t0) / 1000), JSON.stringify(await q.getJobCounts()), p.smtp.accepted(), p.catcher.messages().length);
  await new Promise((r) => setTimeout(r, 2000));
  await show('before kill');
  await worker.kill('SIGKILL');
  await p.smtp.setMode('pass');
  worker = await p.startWorker();
  for (let i = 0; i < 30; i++) { await show('after'); await new Promise((r) => setTimeout(r, 2000)); if (p.catcher.messages().length >= 10) break; }
  console.log(worker.output().split('\n').filter((l) => !l.includes('"request"')).slice(-15).join('\n'));
  await p.close();
}, 120_000);
