import { describe, expect, it } from 'vitest';
import { activitiesByKind, isDesk } from '../../src/page-data/activities';

const item = (slug: string, kind: 'desk' | 'network', order: number) => ({
  slug,
  entry: { data: { kind, order } },
});

describe('desks and networks', () => {
  it('tells a desk from a network', () => {
    expect(isDesk(item('lavoro', 'desk', 2))).toBe(true);
    expect(isDesk(item('tavolo', 'network', 3))).toBe(false);
  });

  it('splits the activities, each part in its order, whatever order they come in', () => {
    const { desks, networks } = activitiesByKind([
      item('tavolo', 'network', 3),
      item('mentoring', 'desk', 5),
      item('lavoro', 'desk', 2),
      item('rete', 'network', 1),
      item('istruzione', 'desk', 1),
    ]);
    expect(desks.map((d) => d.slug)).toEqual(['istruzione', 'lavoro', 'mentoring']);
    expect(networks.map((n) => n.slug)).toEqual(['rete', 'tavolo']);
  });

  it('gives an empty part when there is no network', () => {
    expect(activitiesByKind([item('lavoro', 'desk', 2)]).networks).toEqual([]);
  });
});
