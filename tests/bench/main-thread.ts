/**
 * Where a page's main-thread time goes on a slow phone: a Chromium trace taken by Lighthouse
 * with the CPU really slowed down four times (DevTools throttling; the network is left
 * unthrottled, so that the figures are the page's own work), cut by Lighthouse's task groups
 * (style and layout, script evaluation, parsing, rendering…) and by when the work happens:
 * before the first paint, until the load event, and after it (where the service worker's
 * registration and the scripts that wait for the first paint run).
 */
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';
import lighthouse from 'lighthouse';

/** Milliseconds of main-thread work, by Lighthouse's task group, e.g. { styleLayout: 95 }. */
export type ByGroup = Record<string, number>;

export interface MainThreadWork {
  totalMs: number;
  byGroup: ByGroup;
  /** The same work cut by when it started. */
  beforeFirstPaint: ByGroup;
  untilLoad: ByGroup;
  afterLoad: ByGroup;
  /** The longest task, in ms, and when it started after the navigation began. */
  longestTask: { ms: number; atMs: number };
}

/** How long after the load event the trace keeps recording: the worker's start falls in it. */
const afterLoadMs = 3_000;

const add = (into: ByGroup, group: string, ms: number) => {
  into[group] = (into[group] ?? 0) + ms;
};

/** One traced load of `url`, at 4× CPU slowdown. */
export async function mainThreadWork(port: number, url: string): Promise<MainThreadWork> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    throttlingMethod: 'devtools',
    throttling: {
      cpuSlowdownMultiplier: 4,
      requestLatencyMs: 0,
      downloadThroughputKbps: 0,
      uploadThroughputKbps: 0,
    },
    pauseAfterLoadMs: afterLoadMs,
    networkQuietThresholdMs: 1_000,
  });
  const trace = result?.artifacts.Trace;
  if (!trace) throw new Error(`no trace for ${url}`);
  return workOf(trace);
}

type Trace = Parameters<typeof TraceProcessor.processTrace>[0];

/** What the bench reads of Lighthouse's processed trace (its own types do not resolve here). */
interface ProcessedTrace {
  mainThreadEvents: Parameters<typeof MainThreadTasks.getMainThreadTasks>[0];
  frames: { id: string; url: string }[];
  timestamps: { timeOrigin: number; traceEnd: number };
}
interface Navigation {
  /** Milliseconds after the navigation began. */
  timings: { firstContentfulPaint: number; load?: number };
}

/** The main thread's work in a trace, grouped as above. */
export function workOf(trace: Trace): MainThreadWork {
  const processed = TraceProcessor.processTrace(trace) as unknown as ProcessedTrace;
  const navigation = TraceProcessor.processNavigation(processed) as unknown as Navigation;
  const { timeOrigin, traceEnd } = processed.timestamps;
  const tasks = MainThreadTasks.getMainThreadTasks(
    processed.mainThreadEvents,
    processed.frames,
    traceEnd,
    timeOrigin,
  );
  const firstPaint = navigation.timings.firstContentfulPaint;
  const load = navigation.timings.load ?? Number.POSITIVE_INFINITY;
  const work: MainThreadWork = {
    totalMs: 0,
    byGroup: {},
    beforeFirstPaint: {},
    untilLoad: {},
    afterLoad: {},
    longestTask: { ms: 0, atMs: 0 },
  };
  for (const task of tasks) {
    // Work of the navigation's page only: what came before it started belongs to the last page.
    if (task.startTime < 0) continue;
    const group = task.group.id;
    work.totalMs += task.selfTime;
    add(work.byGroup, group, task.selfTime);
    const phase =
      task.startTime < firstPaint
        ? work.beforeFirstPaint
        : task.startTime < load
          ? work.untilLoad
          : work.afterLoad;
    add(phase, group, task.selfTime);
    if (!task.parent && task.duration > work.longestTask.ms)
      work.longestTask = { ms: task.duration, atMs: task.startTime };
  }
  return work;
}
