/**
 * POST /api/accessibility/report: a report of an accessibility problem, as a plain HTML form
 * (answered with a page) or JSON. It is stored and, when STAFF_EMAIL is set, mailed to the
 * staff through the newsletter's outbox. Bad input gets a 4xx in the reader's language and
 * nothing is stored, with the checks every form makes.
 */
import { drainSoon } from '../../../server/jobs/drain';
import { postOnly } from '../../../server/forms/answers';
import { ticked, type Fields } from '../../../server/forms/fields';
import { formPost } from '../../../server/forms/pipeline';
import { reportMail } from '../../../server/mail/templates/report-to-staff';
import { saveReport } from '../../../server/reports/store';
import {
  maxReportBodyBytes,
  maxReportLength,
  parseReport,
  reportProblems,
  type ReportProblem,
} from '../../../server/reports/validate';

export const prerender = false;

/**
 * The form's fields as typed, to give back with a problem (never what made it unsafe, nor an
 * address whose hidden characters would go back with it).
 */
function typedFields(fields: Fields, problem: ReportProblem): App.Locals['reportTyped'] {
  const first = (name: string) => fields.get(name)?.[0]?.replace(/\0/g, '') ?? '';
  return {
    report: first('report').slice(0, 4000),
    page: first('page').slice(0, 200),
    email: problem === 'hidden-characters' ? '' : first('email').slice(0, 254),
    consented: ticked(first('consent')),
  };
}

export const POST = formPost({
  log: { tag: '[reports]', failure: 'report failed:' },
  maxBodyBytes: maxReportBodyBytes,
  checkboxes: ['consent'],
  problems: reportProblems,
  messageVars: { max: maxReportLength },
  parse(fields, siteUrl) {
    const parsed = parseReport(fields, siteUrl);
    return 'problem' in parsed ? parsed : { value: parsed.report };
  },
  typed: typedFields,
  show(locals, problem, typed) {
    locals.reportProblem = problem;
    if (typed) locals.reportTyped = typed;
  },
  problemPage: '/accessibilita/problema/',
  // Signups received earlier and mail due go first; once an hour, what is past its time goes.
  background: drainSoon,
  // Counted apart from signups: a reader may subscribe and report in the same minutes.
  rateBucket: 'report:',
  async store(report, { db, config }) {
    const { staffEmail } = config;
    const now = Date.now();
    await saveReport(
      db,
      report,
      staffEmail
        ? (id) => reportMail(staffEmail, id, report, config.siteUrl, new Date(now))
        : undefined,
      now,
    );
    // The new mail goes now, not at the next request.
    if (staffEmail) drainSoon();
  },
  done: { page: '/accessibilita/grazie/', message: 'report.sent.body' },
});

/** Any other method: 405 with `Allow: POST`. */
export const ALL = postOnly;
