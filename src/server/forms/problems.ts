/**
 * What can be wrong with a form's request, each problem with its HTTP status and the UI string
 * that explains it, so that the answer speaks the reader's language. Each form adds its own.
 */
import type { UiKey } from '../../schemas/ui.ts';
import type { AddressProblem } from '../../lib/email-address.ts';

export interface ProblemAnswer {
  status: number;
  message: UiKey;
}

export type ProblemTable<Code extends string> = Record<Code, ProblemAnswer>;

/** Problems of the request itself, found by the pipeline whatever the form. */
export const requestProblems = {
  'method-not-allowed': { status: 405, message: 'problem.bad-request' },
  'unsupported-type': { status: 415, message: 'problem.bad-request' },
  'too-large': { status: 413, message: 'problem.too-large' },
  'cross-site': { status: 403, message: 'problem.cross-site' },
  'bad-body': { status: 400, message: 'problem.bad-request' },
  'too-many-requests': { status: 429, message: 'problem.too-many-requests' },
  'server-error': { status: 503, message: 'problem.server-error' },
} as const satisfies ProblemTable<string>;

export type RequestProblem = keyof typeof requestProblems;

/** Problems of the fields forms share: an address to answer, the reader's language. */
export const fieldProblems = {
  'invalid-email': { status: 400, message: 'problem.invalid-email' },
  'email-too-long': { status: 400, message: 'problem.email-too-long' },
  'several-addresses': { status: 400, message: 'problem.several-addresses' },
  'address-only': { status: 400, message: 'problem.address-only' },
  'hidden-characters': { status: 400, message: 'problem.hidden-characters' },
  'unknown-language': { status: 400, message: 'problem.unknown-language' },
} as const satisfies ProblemTable<AddressProblem | 'unknown-language'>;
