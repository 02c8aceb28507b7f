/** An instant as wall-clock time with its offset, e.g. (<08:00Z>, 60) => '2026-12-02T09:00:00+01:00'. */
export function offsetIsoString(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}+0${offsetMinutes / 60}:00`;
}
