import { shapeDifferences, type ShapeOptions } from './compare';
import type { RawResponse } from './world';

const contentRange = /^\d+-\d+\/\d+$/;
const acceptRange = /^(\w+) \d+$/;
const httpDate = /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * What a client relies on in the two answers to one request, real GLPI first: the status, GLPI's
 * own headers (Content-Range and Accept-Range present in both or neither, well formed, for the same
 * item type), the Content-Type, a Date, the error code of an error, and the body's shape (keys and
 * JSON types, recursively; a null matches anything, since nullable columns hold data). Values are
 * compared only where a probe says they are the point.
 */
export function answerDifferences(real: RawResponse, sim: RawResponse, shape: ShapeOptions = {}): string[] {
  const differences: string[] = [];
  if (real.status !== sim.status) differences.push(`status: GLPI ${real.status}, simulator ${sim.status}`);
  for (const name of ['content-range', 'accept-range'] as const) {
    const [left, right] = [real.headers[name], sim.headers[name]];
    if ((left === undefined) !== (right === undefined)) {
      differences.push(
        `${name}: GLPI ${left === undefined ? 'sends none' : `"${left}"`}, simulator ${right === undefined ? 'sends none' : `"${right}"`}`,
      );
    }
  }
  const range = sim.headers['content-range'];
  if (range !== undefined && !contentRange.test(range)) differences.push(`content-range: malformed "${range}"`);
  const [realAccept, simAccept] = [
    acceptRange.exec(real.headers['accept-range'] ?? ''),
    acceptRange.exec(sim.headers['accept-range'] ?? ''),
  ];
  if (realAccept && simAccept?.[1] !== realAccept[1])
    differences.push(`accept-range: GLPI "${realAccept[0]}", simulator "${sim.headers['accept-range']}"`);
  if ((real.headers['content-type'] ?? '').toLowerCase() !== (sim.headers['content-type'] ?? '').toLowerCase()) {
    differences.push(`content-type: GLPI "${real.headers['content-type']}", simulator "${sim.headers['content-type']}"`);
  }
  if (!httpDate.test(sim.headers.date ?? '')) differences.push(`date: simulator sends "${sim.headers.date ?? 'none'}"`);
  const [realCode, simCode] = [errorCode(real.body), errorCode(sim.body)];
  if (realCode !== simCode) differences.push(`error code: GLPI ${realCode ?? 'none'}, simulator ${simCode ?? 'none'}`);
  for (const difference of shapeDifferences(real.body, sim.body, shape)) differences.push(`body ${difference}`);
  return differences;
}

/**
 * Write answers are keyed by item id (`[{"12": true, "message": ""}]`, and inside a 207's second
 * element), and ids differ between the two servers: those keys compare as one `<id>`.
 */
export const writeAnswerShape: ShapeOptions = { idKeyedAt: ['[0]', '[1]', '[2]', '[1][0]', '[1][1]', '[1][2]'] };

/** `["ERROR_…", "message"]` bodies: their code. */
export function errorCode(body: unknown): string | undefined {
  return Array.isArray(body) && typeof body[0] === 'string' && body[0].startsWith('ERROR') ? body[0] : undefined;
}

/** Where two values a probe projects from the answers differ, as readable text. */
export function valueDifference(what: string, real: unknown, sim: unknown): string[] {
  const [left, right] = [JSON.stringify(real), JSON.stringify(sim)];
  return left === right ? [] : [`${what}: GLPI ${left}, simulator ${right}`];
}
