import autocannon from 'autocannon';

export type Measure = {
  requests: number;
  errors: number;
  non2xx: number;
  req_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (value: number) => Math.round(value * 10) / 10;

/** A request the run sends in turn with the others (one per company: its own path or cookie). */
export type Variant = { path: string; headers?: Record<string, string> };

/**
 * One autocannon run; percentiles computed from every response's own time (autocannon reports no
 * p95). With `variants`, successive requests go round them, so many companies are asked at once.
 */
export async function load(input: {
  url: string;
  variants?: Variant[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  label: string;
}): Promise<Measure> {
  const times: number[] = [];
  const variants = input.variants ?? [];
  let next = 0;
  const requests = variants.length
    ? [
        {
          setupRequest: (request: autocannon.Request) => {
            const variant = variants[next++ % variants.length]!;
            return { ...request, path: variant.path, headers: { ...request.headers, ...variant.headers } };
          },
        },
      ]
    : undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: input.url, headers: input.headers, requests, connections: input.connections, duration: input.seconds, timeout: 60 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const measure: Measure = {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    req_per_s: round(result.requests.total / input.seconds),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times.at(-1) ?? 0),
  };
  console.log(
    `${input.label.padEnd(22)} p50 ${measure.p50_ms} ms  p95 ${measure.p95_ms} ms  p99 ${measure.p99_ms} ms  ${measure.req_per_s} req/s  (${measure.requests} requests, ${measure.non2xx} non-2xx, ${measure.errors} errors)`,
  );
  return measure;
}
