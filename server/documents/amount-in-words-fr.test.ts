import { describe, expect, it } from 'vitest';
import { amountInWordsFr, integerInWordsFr } from './amount-in-words-fr';

describe('integerInWordsFr', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [10, 'dix'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [19, 'dix-neuf'],
    [20, 'vingt'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [31, 'trente et un'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [72, 'soixante-douze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [89, 'quatre-vingt-neuf'],
    [90, 'quatre-vingt-dix'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [121, 'cent vingt et un'],
    [180, 'cent quatre-vingts'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [999, 'neuf cent quatre-vingt-dix-neuf'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [1100, 'mille cent'],
    [2000, 'deux mille'],
    [21_000, 'vingt et un mille'],
    [80_000, 'quatre-vingt mille'],
    [81_000, 'quatre-vingt-un mille'],
    [100_000, 'cent mille'],
    [119_000, 'cent dix-neuf mille'],
    [200_000, 'deux cent mille'],
    [280_000, 'deux cent quatre-vingt mille'],
    [95_200, 'quatre-vingt-quinze mille deux cents'],
    [1_000_000, 'un million'],
    [1_001_000, 'un million mille'],
    [2_000_000, 'deux millions'],
    [80_000_000, 'quatre-vingts millions'],
    [200_000_000, 'deux cents millions'],
    [1_234_567, 'un million deux cent trente-quatre mille cinq cent soixante-sept'],
    [1_000_000_000, 'un milliard'],
    [3_200_000_080, 'trois milliards deux cents millions quatre-vingts'],
  ])('%d → %s', (n, words) => {
    expect(integerInWordsFr(n)).toBe(words);
  });

  it('refuses what it cannot write', () => {
    expect(() => integerInWordsFr(-1)).toThrow(RangeError);
    expect(() => integerInWordsFr(1.5)).toThrow(RangeError);
    expect(() => integerInWordsFr(1e12)).toThrow(RangeError);
  });
});

describe('amountInWordsFr', () => {
  it.each([
    [0, 'zéro dinar algérien'],
    [1, 'un dinar algérien'],
    [2, 'deux dinars algériens'],
    [21, 'vingt et un dinars algériens'],
    [80, 'quatre-vingts dinars algériens'],
    [200, 'deux cents dinars algériens'],
    [1000, 'mille dinars algériens'],
    [119_000, 'cent dix-neuf mille dinars algériens'],
    [95_200.5, 'quatre-vingt-quinze mille deux cents dinars algériens et cinquante centimes'],
    [1_000_000, 'un million de dinars algériens'],
    [2_000_000, 'deux millions de dinars algériens'],
    [2_000_000_000, 'deux milliards de dinars algériens'],
    [1_500_000, 'un million cinq cent mille dinars algériens'],
    [1_234_567.89, 'un million deux cent trente-quatre mille cinq cent soixante-sept dinars algériens et quatre-vingt-neuf centimes'],
    [0.01, 'un centime'],
    [0.8, 'quatre-vingts centimes'],
    [1.01, 'un dinar algérien et un centime'],
    [142_800, 'cent quarante-deux mille huit cents dinars algériens'],
  ])('%d → %s', (amount, words) => {
    expect(amountInWordsFr(amount)).toBe(words);
  });

  it('rounds to the centime without float noise', () => {
    expect(amountInWordsFr(0.1 + 0.2)).toBe('trente centimes');
    expect(amountInWordsFr(95_200.499)).toBe('quatre-vingt-quinze mille deux cents dinars algériens et cinquante centimes');
  });

  it('refuses negative and non-finite amounts', () => {
    expect(() => amountInWordsFr(-5)).toThrow(RangeError);
    expect(() => amountInWordsFr(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWordsFr(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
