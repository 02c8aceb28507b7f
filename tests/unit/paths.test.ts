import { describe, expect, it } from 'vitest';
import { localeOfPath, localePath, stripLocale } from '../../src/lib/paths';

describe('paths', () => {
  it('puts the language first', () => {
    expect(localePath('ar', '/orari/')).toBe('/ar/orari/');
    expect(localePath('it')).toBe('/it/');
    expect(localePath('fr', 'avvisi/')).toBe('/fr/avvisi/');
  });

  it('reads the language of a path, and only of a known language', () => {
    expect(localeOfPath('/ar/orari/')).toBe('ar');
    expect(localeOfPath('/en')).toBe('en');
    expect(localeOfPath('/de/orari/')).toBeUndefined();
    expect(localeOfPath('/')).toBeUndefined();
    expect(localeOfPath('/orari/it/')).toBeUndefined();
  });

  it('strips the language to find the same page in another one', () => {
    expect(stripLocale('/ar/orari/')).toBe('/orari/');
    expect(stripLocale('/ar/')).toBe('/');
    expect(stripLocale('/ar')).toBe('/');
    expect(stripLocale('/xx/orari/')).toBe('/xx/orari/');
  });
});
