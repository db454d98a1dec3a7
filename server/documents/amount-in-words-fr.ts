/**
 * Amounts in French words. Algerian invoices (and the pro-formas and credit notes built like them)
 * must state their total in words as well as in figures, so that a figure altered by hand cannot
 * change what was agreed: "Arrêtée la présente facture à la somme de : …".
 *
 * Traditional spelling (the one accounting documents still use, not the 1990 all-hyphens one):
 * hyphens only between tens and units below one hundred, "et" before "un" and "onze" after the
 * tens (vingt et un, soixante et onze, but quatre-vingt-un), "vingts" and "cents" plural only when
 * multiplied and nothing follows them except the nouns million/milliard ("deux cents", "quatre-vingts
 * millions", but "deux cent un", "quatre-vingt mille": "mille" is an adjective and never varies).
 */

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
] as const;

const TENS: Record<number, string> = { 2: 'vingt', 3: 'trente', 4: 'quarante', 5: 'cinquante', 6: 'soixante' };

/** Largest amount we write: the milliards are the last named group we support. */
const MAX_DINARS = 999_999_999_999;

function below20(n: number): string {
  return n < 17 ? UNITS[n] : `dix-${UNITS[n - 10]}`;
}

/**
 * `endsGroup`: nothing but million(s)/milliard(s) or the currency follows, so "vingts"/"cents"
 * may take their plural s. False before "mille", which keeps them invariable.
 */
function below100(n: number, endsGroup: boolean): string {
  if (n < 20) return below20(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  // 70-79 and 90-99 are counted as 60 + 10-19 and 80 + 10-19.
  if (tens === 7 || tens === 9) {
    const base = tens === 7 ? 'soixante' : 'quatre-vingt';
    return tens === 7 && units === 1 ? 'soixante et onze' : `${base}-${below20(10 + units)}`;
  }
  if (tens === 8) {
    if (units === 0) return endsGroup ? 'quatre-vingts' : 'quatre-vingt';
    return `quatre-vingt-${UNITS[units]}`;
  }
  const word = TENS[tens];
  if (units === 0) return word;
  return units === 1 ? `${word} et un` : `${word}-${UNITS[units]}`;
}

function below1000(n: number, endsGroup: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return below100(rest, endsGroup);
  // "cent" alone means one hundred ("un cent" is not said); it is plural only when multiplied and last.
  const hundredWord = hundreds === 1 ? 'cent' : `${UNITS[hundreds]} ${rest === 0 && endsGroup ? 'cents' : 'cent'}`;
  return rest === 0 ? hundredWord : `${hundredWord} ${below100(rest, endsGroup)}`;
}

/** A whole number from 0 to 999 999 999 999 in French words, e.g. 71 → "soixante et onze". */
export function integerInWordsFr(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DINARS) {
    throw new RangeError(`integerInWordsFr: expected a whole number from 0 to ${MAX_DINARS}, got ${n}`);
  }
  if (n === 0) return UNITS[0];

  const milliards = Math.floor(n / 1_000_000_000);
  const millions = Math.floor(n / 1_000_000) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;

  const words: string[] = [];
  // Million and milliard are nouns: they take an s, and the number before them behaves as if it
  // ended there ("quatre-vingts millions", "deux cents milliards").
  if (milliards > 0) words.push(`${below1000(milliards, true)} milliard${milliards > 1 ? 's' : ''}`);
  if (millions > 0) words.push(`${below1000(millions, true)} million${millions > 1 ? 's' : ''}`);
  // "mille", never "un mille"; and the number before it keeps "vingt"/"cent" invariable.
  if (thousands > 0) words.push(thousands === 1 ? 'mille' : `${below1000(thousands, false)} mille`);
  if (rest > 0) words.push(below1000(rest, true));
  return words.join(' ');
}

/**
 * A dinar amount in words as an Algerian invoice states it, e.g. 95 200.50 →
 * "quatre-vingt-quinze mille deux cents dinars algériens et cinquante centimes".
 * The amount is rounded to the centime. Negative amounts are refused: a credit note states the
 * (positive) amount it credits.
 */
export function amountInWordsFr(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`amountInWordsFr: expected a non-negative amount, got ${amount}`);
  }
  // Work in whole centimes so that 0.1 + 0.2 style float noise cannot produce "29 centimes".
  const totalCentimes = Math.round(amount * 100);
  const dinars = Math.floor(totalCentimes / 100);
  const centimes = totalCentimes % 100;
  if (dinars > MAX_DINARS) {
    throw new RangeError(`amountInWordsFr: amount too large (${amount})`);
  }

  const centimesPart = centimes > 0 ? `${integerInWordsFr(centimes)} centime${centimes > 1 ? 's' : ''}` : '';
  if (dinars === 0 && centimesPart) return centimesPart;

  // "un million de dinars": a number ending on the noun million/milliard takes "de" before what it counts.
  const de = dinars >= 1_000_000 && dinars % 1_000_000 === 0 ? 'de ' : '';
  const currency = dinars >= 2 ? 'dinars algériens' : 'dinar algérien';
  const dinarsPart = `${integerInWordsFr(dinars)} ${de}${currency}`;
  return centimesPart ? `${dinarsPart} et ${centimesPart}` : dinarsPart;
}
