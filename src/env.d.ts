declare namespace App {
  interface Locals {
    lang: import('./lib/locales').Locale;
    dir: 'ltr' | 'rtl';
    /** Tag for Intl.* in this language, e.g. 'ar-u-nu-latn'. */
    intl: string;
    t: import('./i18n/translate').Translator;
    /** Who wrote the interface words of this language: source, machine or reviewed. */
    uiTranslation: import('./schemas/ui').UiStrings['translation'];
    /** Set by the signup endpoint when it shows the form again. */
    newsletterProblem?: import('./server/newsletter/validate').Problem;
    newsletterEmail?: string;
    newsletterConsent?: boolean;
    /** Set by the accessibility-report endpoint when it shows the form again. */
    reportProblem?: import('./server/reports/validate').ReportProblem;
    reportTyped?: { report: string; page: string; email: string; consented: boolean };
  }
}
