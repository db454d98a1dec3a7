/** JSON type as the fidelity suite compares it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type ShapeOptions = {
  /** Paths (e.g. `data`, `[0]`) whose object keys are item ids: compared as one `<id>` key. */
  idKeyedAt?: readonly string[];
};

/**
 * Differences of shape between a recorded body and the simulator's: same keys, same JSON types.
 * `null` matches any type (GLPI's nullable columns hold null or a value depending on the data), and
 * arrays are compared element by element over their common length (their lengths are data).
 */
export function shapeDifferences(expected: unknown, actual: unknown, options: ShapeOptions = {}, at = ''): string[] {
  if (expected === null || actual === null) return [];
  const expectedType = jsonType(expected);
  const actualType = jsonType(actual);
  if (expectedType !== actualType) return [`${at || '(body)'}: expected ${expectedType}, got ${actualType}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.min(expected.length, actual.length, 3);
    return Array.from({ length }, (_, index) => shapeDifferences(expected[index], actual[index], options, `${at}[${index}]`)).flat();
  }
  if (!isRecord(expected) || !isRecord(actual)) return [];
  const normalize = (record: Record<string, unknown>) =>
    options.idKeyedAt?.includes(at)
      ? Object.fromEntries(Object.entries(record).map(([key, value]) => [/^\d+$/.test(key) ? '<id>' : key, value]))
      : record;
  const left = normalize(expected);
  const right = normalize(actual);
  const differences: string[] = [];
  for (const key of Object.keys(left)) {
    if (!(key in right)) differences.push(`${at}.${key}: missing`);
    else differences.push(...shapeDifferences(left[key], right[key], options, at === '' ? key : `${at}.${key}`));
  }
  for (const key of Object.keys(right)) if (!(key in left)) differences.push(`${at}.${key}: unexpected`);
  return differences;
}

const contentRange = /^\d+-(-?\d+)\/\d+$/;
const acceptRange = /^\w+ \d+$/;

/** Header differences that matter to a client: presence, format and name case of GLPI's own headers. */
export function headerDifferences(expected: Record<string, string>, rawNames: string[], actual: Record<string, string>): string[] {
  const differences: string[] = [];
  const watched = ['Content-Range', 'Accept-Range', 'Last-Modified', 'location', 'link', 'Content-Type', 'Access-Control-Expose-Headers'];
  for (const name of watched) {
    const recordedName = Object.keys(expected).find((key) => key.toLowerCase() === name.toLowerCase());
    const sentName = rawNames.find((key) => key.toLowerCase() === name.toLowerCase());
    if ((recordedName === undefined) !== (sentName === undefined)) {
      differences.push(`${name}: ${recordedName ? 'missing' : 'unexpected'}`);
      continue;
    }
    if (recordedName === undefined || sentName === undefined) continue;
    if (recordedName !== sentName) differences.push(`${name}: sent as "${sentName}", GLPI sends "${recordedName}"`);
    const value = actual[name.toLowerCase()] ?? '';
    if (name === 'Content-Range' && !contentRange.test(value)) differences.push(`Content-Range: bad format "${value}"`);
    if (name === 'Accept-Range') {
      if (!acceptRange.test(value)) differences.push(`Accept-Range: bad format "${value}"`);
      else if (value.split(' ')[0] !== expected[recordedName]?.split(' ')[0])
        differences.push(`Accept-Range: "${value}" vs "${expected[recordedName]}"`);
    }
    if (name === 'Content-Type' && value !== expected[recordedName]) differences.push(`Content-Type: "${value}"`);
  }
  return differences;
}
