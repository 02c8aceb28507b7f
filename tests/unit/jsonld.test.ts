/** The schema.org description: the timetables with their validity, the place's facts. */
import { describe, expect, it } from 'vitest';
import { placeJsonLd } from '../../src/lib/hours/jsonld';
import { poloWeek } from '../support/polo-week';

const facts = {
  name: 'Polo',
  description: 'Orienta',
  url: 'https://example.org/it/',
  city: 'Siracusa',
};

describe('the JSON-LD of the Polo', () => {
  it('gives today’s timetable until the day before the next one, and the next from its day', () => {
    const tuesday = [{ opens: '09:00', closes: '13:00' }];
    const json = placeJsonLd(
      { ...poloWeek, next: { from: '2027-02-01', weekly: { ...poloWeek.weekly, tuesday } } },
      [],
      facts,
    );
    const specs = (json as unknown as { openingHoursSpecification: Record<string, unknown>[] })
      .openingHoursSpecification;
    const before = specs.filter((s) => s['validThrough'] === '2027-01-31');
    const after = specs.filter((s) => s['validFrom'] === '2027-02-01');
    expect(before.length).toBeGreaterThan(0);
    expect(JSON.stringify(before)).not.toContain('Tuesday');
    expect(JSON.stringify(after)).toContain('https://schema.org/Tuesday');
    expect(before.length + after.length).toBe(specs.length);
  });

  it('names the city, and the street, phone and e-mail only when they are known', () => {
    const bare = JSON.stringify(placeJsonLd(poloWeek, [], facts));
    expect(bare).toContain('"addressLocality":"Siracusa"');
    expect(bare).not.toContain('streetAddress');
    expect(bare).not.toContain('telephone');
    const full = placeJsonLd(poloWeek, [], {
      ...facts,
      streetAddress: 'Via Esempio 1',
      telephone: '+39 0931 000000',
      email: 'polo@example.org',
    });
    expect(full).toMatchObject({
      address: { streetAddress: 'Via Esempio 1' },
      telephone: '+39 0931 000000',
      email: 'polo@example.org',
    });
  });
});
