import type { UiKey } from '../../schemas/ui';
import type { Problem } from './validate';

/** The UI string that explains a problem to the subscriber. */
export function problemMessageKey(problem: Problem): UiKey {
  switch (problem) {
    case 'method-not-allowed':
    case 'unsupported-type':
    case 'bad-body':
      return 'problem.bad-request';
    default:
      return `problem.${problem}`;
  }
}
