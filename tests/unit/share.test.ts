/** What the share block sends and draws: the message, the WhatsApp link, the QR code. */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translate';
import { weekText } from '../../src/i18n/hours-words';
import { pageUrl } from '../../src/lib/paths';
import { mapHref, placeText } from '../../src/page-data/place';
import { qrSvg } from '../../src/images/qr';
import { plainText, shareText, whatsappHref } from '../../src/lib/share';
import { uiKeys, type UiStrings } from '../../src/schemas/ui';

const keys = {
  ...Object.fromEntries(uiKeys.map((k) => [k, k])),
  translation: 'source',
} as UiStrings;
const italian = createTranslator(
  {
    ...keys,
    'hours.range': 'dalle {opens} alle {closes}',
    'share.hours.group': '{days}, {times}',
  },
  'it-IT',
);
const arabic = createTranslator(
  {
    ...keys,
    'hours.range': 'من {opens} إلى {closes}',
    'share.hours.group': '{days}، {times}',
  },
  'ar-u-nu-latn',
  'rtl',
);
const day = [
  { opens: '09:00', closes: '13:00' },
  { opens: '15:00', closes: '18:00' },
];

describe('the week in one line', () => {
  it('puts the days with the same hours together, in the order of the week', () => {
    const week = [
      { day: 'thursday' as const, slots: day },
      { day: 'monday' as const, slots: day },
      { day: 'wednesday' as const, slots: day },
    ];
    expect(weekText(week, 'it-IT', italian)).toBe(
      'lunedì, mercoledì e giovedì, dalle 09:00 alle 13:00 e dalle 15:00 alle 18:00',
    );
  });

  it('keeps days with other hours apart', () => {
    const week = [
      { day: 'monday' as const, slots: day },
      { day: 'friday' as const, slots: [{ opens: '09:00', closes: '12:30' }] },
    ];
    expect(weekText(week, 'it-IT', italian)).toBe(
      'lunedì, dalle 09:00 alle 13:00 e dalle 15:00 alle 18:00 · venerdì, dalle 09:00 alle 12:30',
    );
  });

  it('speaks Arabic with Western digits', () => {
    const text = plainText(weekText([{ day: 'monday', slots: day }], 'ar-u-nu-latn', arabic));
    expect(text).toBe('الاثنين، من 09:00 إلى 13:00 ومن 15:00 إلى 18:00');
  });
});

describe('the message', () => {
  it('gives the name, the Polo, the place and the hours, one a line, without bidi controls', () => {
    const text = shareText({
      name: 'العمل',
      site: '\u2068Polo Sociale Integrato di Siracusa\u2069',
      visit: {
        place: 'المكان: \u2068Comune dei Popoli, Siracusa\u2069.',
        hours: 'أوقات الاستقبال: الاثنين، من \u206809:00\u2069 إلى \u206813:00\u2069',
      },
    });
    expect(text).toBe(
      'العمل – Polo Sociale Integrato di Siracusa\nالمكان: Comune dei Popoli, Siracusa.\n' +
        'أوقات الاستقبال: الاثنين، من 09:00 إلى 13:00',
    );
  });

  it('leaves the full stop after a name outside its isolate, then drops the isolates', () => {
    const t = createTranslator(
      { ...keys, 'place.where': 'المكان: في Comune dei Popoli، {place}.' },
      'ar-u-nu-latn',
      'rtl',
    );
    const place = t('place.where', { place: t.isolate('Siracusa') });
    expect(place).toBe('المكان: في \u2068Comune dei Popoli\u2069، \u2068Siracusa\u2069.');
    const text = shareText({ name: 'العمل', site: 'Polo', visit: { place, hours: '' } });
    expect(text.split('\n')[1]).toBe('المكان: في Comune dei Popoli، Siracusa.');
  });

  it('has no hours line for a page the public does not visit (a network)', () => {
    const text = shareText({ name: 'Tavolo', site: 'Polo Sociale Integrato di Siracusa' });
    expect(text).toBe('Tavolo – Polo Sociale Integrato di Siracusa');
    expect(text).not.toContain('\n');
  });

  it('goes to WhatsApp with the link on its own last line', () => {
    const href = whatsappHref('Lavoro – Polo\nOrari: lunedì', 'https://polo-siracusa.it/it/');
    const url = new URL(href);
    expect(url.origin).toBe('https://wa.me');
    expect(url.searchParams.get('text')).toBe(
      'Lavoro – Polo\nOrari: lunedì\nhttps://polo-siracusa.it/it/',
    );
  });
});

describe('the page address', () => {
  it('is absolute, in the page language, as the canonical link', () => {
    expect(pageUrl('ar', '/orari/', new URL('https://polo-siracusa.it'))).toBe(
      'https://polo-siracusa.it/ar/orari/',
    );
  });
});

describe('the QR code', () => {
  const url = 'https://polo-siracusa.it/ar/sportelli/orientamento-ai-servizi/';

  it('is an SVG image with a label, drawn with paths', async () => {
    const svg = await qrSvg(url, 'Codice "QR" & <indirizzo>');
    expect(svg).toMatch(/^<svg role="img" aria-label="Codice &quot;QR&quot; &amp; &lt;indirizzo>"/);
    expect(svg).toMatch(/<path [^>]*d="M/);
    expect(svg).not.toMatch(/<rect|style=/);
    // Compact enough to travel in every page.
    expect(svg.length).toBeLessThan(3000);
  });

  it('holds the address with a 4-module quiet zone and medium error correction', async () => {
    const long = `${url}scheda/`;
    const svg = await qrSvg(long, 'QR');
    // Level M needs a bigger symbol for this address than level L would (37 modules, not 33).
    const { modules } = QRCode.create(long, { errorCorrectionLevel: 'M' });
    expect(modules.size).toBeGreaterThan(
      QRCode.create(long, { errorCorrectionLevel: 'L' }).modules.size,
    );
    const side = modules.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
  });
});

describe('the place in words', () => {
  const place = { venue: 'Comune dei Popoli', city: 'Siracusa', lastReviewed: '2026-11-27' };

  it('is the venue and the city, in Latin letters in every language', () => {
    expect(placeText(place, 'ar')).toBe('Comune dei Popoli, Siracusa');
    expect(mapHref(place)).toBeUndefined();
  });

  it('adds the name in the language’s script, and the street with a map link once known', () => {
    const full = { ...place, venueInScript: { ar: 'كومونه دي بوبولي' }, address: 'Via Roma 1' };
    expect(placeText(full, 'ar')).toBe(
      'Comune dei Popoli, Via Roma 1, Siracusa (كومونه دي بوبولي)',
    );
    expect(placeText(full, 'fr')).toBe('Comune dei Popoli, Via Roma 1, Siracusa');
    expect(mapHref(full)).toBe(
      'https://www.openstreetmap.org/search?query=Via%20Roma%201%2C%20Siracusa',
    );
  });
});
