/** The sender's progress line and its closing summary, for the operator's terminal. */

/** A duration in words, e.g. 95_000 => '1 min 35 s', 4_000 => '4 s'. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/**
 * One line of progress, e.g. progressLine(120, 10_000, 60_000) =>
 * 'done 120 / 10000 · 2.0 mails/s · about 1 h 22 min left'.
 */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? duration(((total - done) / rate) * 1000) : '…';
  return `done ${done} / ${total} · ${rate.toFixed(1)} mails/s · about ${left} left`;
}

export interface Summary {
  sent: number;
  skipped: number;
  failed: number;
  /** Waiting for a retry after a temporary refusal, or not reached because the run stopped. */
  left: number;
}

/** The closing line, e.g. 'Sent 9 998, skipped 1 (left or suppressed), failed 1 (refused for good), 0 left for a retry.' */
export function summaryLine({ sent, skipped, failed, left }: Summary): string {
  return `Sent ${sent}, skipped ${skipped} (left or suppressed), failed ${failed} (refused for good), ${left} left for a retry.`;
}
