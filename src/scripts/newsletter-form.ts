/**
 * Sends the signup form in the background and shows the outcome in place, in the page's
 * language (the server's message). Without this script the form posts as usual.
 */
interface Answer {
  ok: boolean;
  message: string;
  problem?: string;
}

function enhance(form: HTMLFormElement) {
  const outcome = form.querySelector<HTMLElement>('[data-outcome]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const email = form.querySelector<HTMLInputElement>('input[name="email"]');
  const consent = form.querySelector<HTMLInputElement>('input[name="consent"]');
  if (!outcome || !button || !email || !consent) return;
  // The server's messages are clearer, and in the page's language, than the browser's.
  form.noValidate = true;
  const show = (kind: 'sent' | 'problem' | 'busy', message: string) => {
    outcome.dataset['kind'] = kind;
    outcome.textContent = message;
  };
  // Every failure is caught inside: the listener's promise never rejects.
  const submit = async () => {
    const data = new FormData(form);
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    button.disabled = true;
    show('busy', form.dataset['sending'] ?? '');
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          email: field('email'),
          consent: consent.checked ? 'yes' : '',
          lang: field('lang'),
          website: field('website'),
        }),
      });
      const answer = (await response.json()) as Answer;
      email.removeAttribute('aria-invalid');
      consent.removeAttribute('aria-invalid');
      if (answer.ok) {
        show('sent', answer.message);
        form.reset();
      } else {
        show('problem', answer.message);
        const field = answer.problem === 'missing-consent' ? consent : email;
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    } catch {
      show('problem', form.dataset['networkError'] ?? '');
    } finally {
      button.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-newsletter-form]').forEach(enhance);
