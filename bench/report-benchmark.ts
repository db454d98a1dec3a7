/**
 * `npm run bench:report`: the monthly reports of 200 client companies, generated as the worker does
 * on the 1st (queued by the run of the 1st, consumed at the worker's concurrency of 2 in a process
 * with the worker's own heap limit: `npm run worker`'s NODE_OPTIONS), figures computed from a
 * seeded cache, PDFs rendered in each manager's language and mails queued (not sent: SMTP is not
 * what is measured). Targets: under 2 minutes, under 300 MB. Its own database
 * (`ytech_bench_report`) and Redis prefix. Writes bench/results/report.json with the machine's
 * load average before and after (the machine may be shared). Not a test.
 */
import { spawn } from 'node:child_process';
import { buildShippedWorker } from '../scripts/stack/shipped-worker';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryTypes } from 'sequelize';
import { machineState } from './machine-state';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
const scale = {
  companies: Number(process.env.BENCH_COMPANIES ?? 200),
  managersPerCompany: 3,
  ticketsPerCompany: Number(process.env.BENCH_TICKETS ?? 300),
  assetsPerCompany: Number(process.env.BENCH_ASSETS ?? 150),
};
const uploadDir = `/tmp/ytech-bench-report-${process.pid}`;
Object.assign(process.env, {
  DATABASE_URL: `${serverUrl}/ytech_bench_report`,
  REDIS_PREFIX: 'ytech-bench-report',
  UPLOAD_DIR: uploadDir,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});

const { createDatabase } = await import('../db/create-database');
const { createMigrator } = await import('../db/migrator');
const { seedCatalog } = await import('../db/seeds/seed-catalog');
const { sequelize } = await import('../server/db/sequelize');
const { Company, Service, Subscription, User } = await import('../server/db/models');
const { getQueue, closeQueues } = await import('../server/jobs/queues');
const { closeRedis } = await import('../server/redis');
const { previousMonth, monthBounds } = await import('../server/reports/report-month');
const { queueDueReports } = await import('../server/reports/queue-reports');

await createDatabase(process.env.DATABASE_URL!, { dropFirst: true });
await createMigrator(sequelize).up();
await seedCatalog();
for (const name of ['monthly-reports', 'mail'] as const) await getQueue(name).obliterate({ force: true });

// --- the cache of 200 companies: tickets over 13 months, a park, managers in the three languages --
const now = new Date();
const month = previousMonth(now);
const { start } = monthBounds(month);
const services = await Service.findAll();
const day = 86_400_000;
let seed = 18;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const sqlDate = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
const categories = ['Réseau', 'Imprimantes', 'Messagerie', 'Postes de travail', 'Logiciels', 'Sécurité', null];
const itemtypes = ['Computer', 'Computer', 'Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'SoftwareLicense'];
const seeding = performance.now();
let glpiId = 1;
for (let c = 0; c < scale.companies; c += 1) {
  const company = await Company.create({ name: `Entreprise Banc ${c + 1} SARL`, sector: 'Industrie', employeeRange: '21-50' });
  const service = services[c % services.length]!;
  await Subscription.create({
    companyId: company.id,
    serviceId: service.id,
    tierMaxQty: [10, 20, 30][c % 3]!,
    monthlyPriceDa: 100_000,
    months: 12,
    startAt: new Date(start.getTime() - 200 * day),
    endAt: new Date(start.getTime() + 200 * day),
  });
  await User.bulkCreate(
    Array.from({ length: scale.managersPerCompany }, (_, k) => ({
      email: `manager${k}.c${company.id}@bench.example`,
      passwordHash: 'x',
      firstName: 'Manager',
      lastName: String(k),
      phone: null,
      role: 'client' as const,
      companyId: company.id,
      locale: (['fr', 'en', 'ar'] as const)[k % 3],
    })),
  );
  const entity = 10_000 + company.id;
  const tickets = Array.from({ length: scale.ticketsPerCompany }, () => {
    const opened = new Date(start.getTime() - 365 * day + Math.floor(random() * 395 * day));
    const taken = random() < 0.9 ? new Date(opened.getTime() + random() * 12 * 3600_000) : null;
    const solved = taken && random() < 0.8 ? new Date(taken.getTime() + random() * 96 * 3600_000) : null;
    return [
      entity,
      glpiId++,
      company.id,
      `Ticket ${glpiId}`,
      solved ? 5 : 2,
      3,
      3,
      1,
      categories[Math.floor(random() * categories.length)] ?? null,
      sqlDate(opened),
      taken && sqlDate(taken),
      solved && sqlDate(solved),
      sqlDate(new Date(opened.getTime() + 8 * 3600_000)),
      sqlDate(new Date(opened.getTime() + 72 * 3600_000)),
      sqlDate(solved ?? opened),
      '{}',
      sqlDate(now),
      sqlDate(now),
    ];
  });
  await sequelize.query(
    `INSERT INTO glpi_tickets (glpi_entity_id, glpi_id, company_id, name, status, urgency, priority, type, category, opened_at, taken_at, solved_at,
     time_to_own, time_to_resolve, glpi_updated_at, raw, created_at, updated_at) VALUES ${tickets.map(() => '(?)').join(',')}`,
    { replacements: tickets },
  );
  const assets = Array.from({ length: scale.assetsPerCompany }, (_, k) => {
    const itemtype = itemtypes[k % itemtypes.length]!;
    const created = new Date(start.getTime() - 700 * day + Math.floor(random() * 730 * day));
    const deleted = random() < 0.05 ? sqlDate(new Date(start.getTime() + random() * 28 * day)) : null;
    const due = new Date(start.getTime() + Math.floor(random() * 400 * day)).toISOString().slice(0, 10);
    return [
      entity,
      itemtype,
      glpiId++,
      company.id,
      `${itemtype}-${k}`,
      sqlDate(created),
      itemtype === 'SoftwareLicense' ? null : due,
      itemtype === 'SoftwareLicense' ? due : null,
      '{}',
      deleted,
      sqlDate(now),
      sqlDate(now),
    ];
  });
  await sequelize.query(
    `INSERT INTO glpi_assets (glpi_entity_id, itemtype, glpi_id, company_id, name, glpi_created_at, warranty_end, licence_expires_on, raw, deleted_at, created_at, updated_at)
     VALUES ${assets.map(() => '(?)').join(',')}`,
    { replacements: assets },
  );
}
const seedSeconds = Math.round((performance.now() - seeding) / 100) / 10;
console.log(`seeded ${scale.companies} companies in ${seedSeconds} s`);

// --- the run of the 1st, then the worker -----------------------------------------------------------
// The mail templates as the shipped worker has them: compiled by the build (decision 270).
await buildShippedWorker(process.env, root);
const before = machineState();
const began = performance.now();
const queued = await queueDueReports(month);
const output = await new Promise<string>((resolve, reject) => {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['bench/report-worker.ts'], {
    cwd: root,
    // As `npm run worker` runs it.
    env: {
      ...process.env,
      NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=4',
      BENCH_REPORT_MONTH: month,
      BENCH_REPORT_EXPECTED: String(queued),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`report worker exited ${code}: ${out.slice(-2000)}`))));
});
const totalSeconds = Math.round((performance.now() - began) / 100) / 10;
const after = machineState();
const worker = JSON.parse(/REPORT-BENCH (.*)/.exec(output)![1]!) as {
  seconds: number;
  peak_rss_mb: number;
  failed: number;
  retried_attempts: number;
  errors: Record<string, number>;
  heap_used_mb: number;
};
const [reports, mails] = await Promise.all([
  sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM monthly_reports WHERE month = ?', {
    replacements: [month],
    plain: true,
    type: QueryTypes.SELECT,
  }),
  sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM email_log WHERE template = 'monthly-report'", {
    plain: true,
    type: QueryTypes.SELECT,
  }),
]);

const summary = {
  measured_at: new Date().toISOString(),
  what: 'monthly reports of every subscribed company for the month before, as the worker makes them on the 1st: figures from the cache, one PDF per language read, mails queued',
  machine: { before, after },
  conditions: {
    worker_concurrency: 2,
    worker_node_options: '--max-old-space-size=160 --max-semi-space-size=4',
    mysql_and_redis: 'local, shared with the other engineers of this session',
  },
  scale: {
    ...scale,
    month,
    reports: Number(reports?.n ?? 0),
    mails_queued: Number(mails?.n ?? 0),
    failed_jobs: worker.failed,
    failed_attempts_retried: worker.retried_attempts,
    errors: worker.errors,
  },
  seconds_total: totalSeconds,
  seconds_in_worker: worker.seconds,
  per_company_ms: Math.round((worker.seconds * 1000) / Math.max(1, queued)),
  worker_peak_rss_mb: worker.peak_rss_mb,
  targets: { seconds_total: 120, worker_peak_rss_mb: 300 },
  met: totalSeconds < 120 && worker.peak_rss_mb < 300 && worker.failed === 0 && Number(reports?.n ?? 0) === scale.companies,
};
console.log(JSON.stringify(summary, null, 2));
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results/report.json'), `${JSON.stringify(summary, null, 2)}\n`);
// The queued mails and finished jobs are the benchmark's own: nothing left behind in Redis.
for (const name of ['monthly-reports', 'mail'] as const) await getQueue(name).obliterate({ force: true });
await closeQueues();
await closeRedis();
await sequelize.close();
await rm(uploadDir, { recursive: true, force: true });
