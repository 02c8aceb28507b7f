/**
 * POST /api/newsletter/subscribe: form encoding (a plain HTML form) or JSON (the page's script).
 * Success is the same answer for every address, whatever its state, after the same work:
 * the signup is written as received, and settled after the answer. Problems get a 4xx in the
 * subscriber's language, and nothing is stored.
 */
import { localeText } from '../../../page-data/content';
import type { ServerSettings } from '../../../server/core/settings';
import { drainSoon } from '../../../server/jobs/drain';
import { postOnly } from '../../../server/forms/answers';
import { ticked } from '../../../server/forms/fields';
import { formPost } from '../../../server/forms/pipeline';
import {
  confirmationMail,
  confirmationText,
  type ConfirmationLinks,
} from '../../../server/mail/templates/confirmation';
import type { OutgoingMail } from '../../../server/mail/transport';
import { confirmLink, leaveLinks } from '../../../server/newsletter/links';
import { receiveSignup } from '../../../server/newsletter/store';
import {
  maxSignupBodyBytes,
  parseSignup,
  signupProblems,
  type Signup,
} from '../../../server/newsletter/validate';

export const prerender = false;

/** The confirmation mail of `signup`, with links on the configured address, never the Host. */
async function composer(signup: Signup, config: ServerSettings) {
  const { t, dir, uiTranslation } = await localeText(signup.lang);
  const origin = config.siteUrl;
  return {
    compose: (links: ConfirmationLinks): OutgoingMail =>
      confirmationMail(signup.email, signup.lang, dir, confirmationText(t, uiTranslation), links),
    links: {
      confirmUrl: (token: string) => confirmLink(origin, signup.lang, token),
      leaveUrls: (token: string) => leaveLinks(origin, signup.lang, token),
    },
  };
}

export const POST = formPost({
  log: { tag: '[newsletter]', failure: 'signup failed:' },
  maxBodyBytes: maxSignupBodyBytes,
  checkboxes: ['consent'],
  problems: signupProblems,
  parse(fields) {
    const parsed = parseSignup(fields);
    return 'problem' in parsed ? parsed : { value: parsed.signup };
  },
  // What the visitor typed, given back with a problem of what they typed: never an address
  // that is unsafe to echo, nor one whose hidden characters would go back with it.
  typed: (fields, problem) =>
    problem === 'too-many-requests' || problem === 'server-error'
      ? undefined
      : {
          email:
            problem === 'control-characters' || problem === 'hidden-characters'
              ? undefined
              : fields.get('email')?.[0]?.slice(0, 254),
          consented: ticked(fields.get('consent')?.[0]),
        },
  show(locals, problem, typed) {
    locals.newsletterProblem = problem;
    if (typed?.email !== undefined) locals.newsletterEmail = typed.email;
    // The box stays ticked if it was.
    locals.newsletterConsent = typed?.consented ?? false;
  },
  problemPage: '/newsletter/problem/',
  // Signups received earlier and mail due go first; once an hour, what is past its time goes.
  background: drainSoon,
  // The signup's counters carry no prefix: they were the first.
  rateBucket: '',
  async store(signup, { db, config }) {
    const { compose, links } = await composer(signup, config);
    await receiveSignup(db, config.secret, signup, compose, links);
    drainSoon();
  },
  // The same answer for every address: see your mail.
  done: { page: '/newsletter/check-email/', message: 'newsletter.sent.body' },
});

/** Any other method: 405 with `Allow: POST`. */
export const ALL = postOnly;
