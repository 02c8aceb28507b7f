/**
 * Desks and networks. A desk (sportello) receives the public during the opening hours; a
 * network (the Tavolo territoriale) is the Polo working with other bodies, so it is listed
 * apart and its page has no hours, no status line and no card.
 */
import type { ActivityKind } from '../schemas/content';

interface WithKind {
  entry: { data: { kind: ActivityKind; order: number } };
}

/** True for a desk the public visits, e.g. Lavoro; false for the Tavolo territoriale. */
export function isDesk(item: WithKind): boolean {
  return item.entry.data.kind === 'desk';
}

/**
 * The activities split by kind, each part in its `order`, e.g.
 * [tavolo (network, 3), lavoro (desk, 2), istruzione (desk, 1)] =>
 * { desks: [istruzione, lavoro], networks: [tavolo] }.
 */
export function activitiesByKind<T extends WithKind>(
  items: readonly T[],
): { desks: T[]; networks: T[] } {
  const sorted = [...items].sort((a, b) => a.entry.data.order - b.entry.data.order);
  return { desks: sorted.filter(isDesk), networks: sorted.filter((item) => !isDesk(item)) };
}
