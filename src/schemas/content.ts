/**
 * Zod schemas of the content under `content/`. Messages are written for the Polo's editors:
 * the build prints them next to the file and the field that is wrong. A field's `.meta()` holds
 * its words in the editor at /admin/, in Italian: `label`, `hint` (a help line) and `choices`
 * (the name of each value of a list of choices).
 */
import { z } from 'astro/zod';
import { localeCodes, type Locale } from '../lib/locales.ts';
import { isCalendarDate } from '../lib/calendar-days.ts';
import { revisionPattern } from '../lib/text-revision.ts';

/** A calendar date written as YYYY-MM-DD, e.g. 2026-11-26. */
export const isoDate = z
  .string({ error: 'write a date as YYYY-MM-DD, for example 2026-11-26' })
  // abort: a date written another way (31/12/2026) gets this one message, not also "does not exist".
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'write a date as YYYY-MM-DD, for example 2026-11-26',
    abort: true,
  })
  .refine((value) => {
    const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
    return isCalendarDate(year, month, day);
  }, 'this date does not exist in the calendar');

// YAML reads an unquoted 2026-11-26 as a Date: accept both spellings, keep a string.
const dateField = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  isoDate,
);

/** The day someone checked that the entry is true; pages show it. */
const lastReviewed = dateField.meta({
  label: 'Ultima verifica',
  hint: 'Il giorno in cui qualcuno ha controllato che il testo è vero; la pagina lo mostra.',
});

/** The first day of a closure or of a timetable. */
const fromDay = dateField.meta({ label: 'Dal giorno' });

/** A time of day on a 24-hour clock, e.g. 09:00 or 18:30. */
export const timeOfDay = z
  .string({ error: 'write a time as HH:MM, for example 09:00' })
  // abort: 9.00 gets this one message, not also "closing before opening" from the period.
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'write a time as HH:MM between 00:00 and 23:59',
    abort: true,
  });

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .min(1, `${what} is empty`);

/**
 * Who wrote the text: `source` is the Italian original; a translation is `reviewed` once a
 * person has checked it, `machine` until then.
 */
export const translationStatus = z
  .enum(['source', 'reviewed', 'machine'], {
    error: 'translation must be one of: source (Italian original), reviewed, machine',
  })
  .meta({
    choices: {
      source: 'Originale italiano',
      machine: 'Traduzione automatica, da rivedere',
      reviewed: 'Traduzione rivista da una persona',
    },
  });

/**
 * On a translation: the revision of the Italian words it was made from (`textRevision`,
 * src/lib/text-revision.ts). When the Italian words change, the revisions differ and the page
 * says the translation is out of date. The editor writes it; so does
 * `npm run content -- translations --stamp`.
 */
const translationOf = z
  .string({ error: 'translationOf must be written as eight digits and letters, e.g. 5c1f09a2' })
  .regex(revisionPattern, 'translationOf must be eight digits and letters a to f, e.g. 5c1f09a2')
  .meta({
    label: 'Traduzione della versione italiana',
    hint: 'Lo scrive l’editor: quale versione del testo italiano questa traduzione traduce.',
  });

/** On the Italian original: the day its words last changed; an out-of-date translation names it. */
const textChanged = dateField.meta({
  label: 'Testo cambiato il',
  hint: 'Lo scrive l’editor: il giorno in cui sono cambiate le parole del testo italiano.',
});

/**
 * A recording of the entry read aloud, in this language (for example Somali read by one of the
 * Polo's mediators): an Opus or MP3 file the editor puts in `content/recordings/` and names
 * as /audio/{file}. The build checks the file itself (src/page-data/recording.ts).
 */
const recording = z
  .string({
    error: 'recording must be written as /audio/ and the file name, e.g. /audio/lavoro-so.opus',
  })
  .regex(/^\/audio\/[^/\\]+\.(?:opus|ogg|mp3)$/i, {
    message:
      'recording must be /audio/ and the name of an .opus or .mp3 file, e.g. /audio/lavoro-so.opus',
  })
  .meta({
    label: 'Registrazione della pagina letta ad alta voce',
    hint: 'Facoltativo: un file Opus o MP3 di al massimo 3 MB, per esempio la pagina letta da una mediatrice in questa lingua. Come registrarla: guida per la redazione.',
  });

/**
 * Beside a recording: the revision of the Italian words when it was attached, as translationOf
 * for a translation. When the Italian words change, the page says the recording is out of date.
 */
const recordingOf = z
  .string({ error: 'recordingOf must be written as eight digits and letters, e.g. 5c1f09a2' })
  .regex(revisionPattern, 'recordingOf must be eight digits and letters a to f, e.g. 5c1f09a2')
  .meta({
    label: 'Registrazione della versione italiana',
    hint: 'Lo scrive l’editor: quale versione del testo italiano c’era quando la registrazione è stata aggiunta.',
  });

/** Fields every text entry has, in every language. */
const textEntry = {
  title: nonEmpty('the title').meta({ label: 'Titolo' }),
  summary: nonEmpty('the summary').meta({
    label: 'Riassunto',
    hint: 'Una frase, mostrata negli elenchi e sotto il titolo.',
  }),
  lastReviewed,
  translation: translationStatus.meta({ label: 'Stato della traduzione' }),
  translationOf: translationOf.optional(),
  textChanged: textChanged.optional(),
  recording: recording.optional(),
  recordingOf: recordingOf.optional(),
};

type RevisionFields = {
  translation: string;
  translationOf?: string | undefined;
  textChanged?: string | undefined;
};

/**
 * Each revision field on its own side: the Italian original (`translation: source`) dates its
 * words, a translation names the Italian words it translates. Never inherited either way: a
 * translation's `textChanged` would hide the Italian's, an original's `translationOf` means
 * nothing. (The loader makes `source` the Italian files and only them.)
 */
function checkRevisionFields(entry: RevisionFields, ctx: z.RefinementCtx) {
  if (entry.translation === 'source' && entry.translationOf !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['translationOf'],
      message:
        'translationOf is for a translation (the Italian words it was made from); the Italian original has none: take it out',
    });
  }
  if (entry.translation !== 'source' && entry.textChanged !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['textChanged'],
      message:
        'textChanged is for the Italian original (the day its words changed); a translation takes that day from there: take it out of this translation',
    });
  }
}

// Contacts: the same words for a desk and for the Polo.
const phone = nonEmpty('the phone number').meta({ label: 'Telefono', hint: 'Facoltativo.' });
const email = z
  .email({ error: 'the e-mail address is not valid' })
  .meta({ label: 'E-mail', hint: 'Facoltativo.' });
const address = (what: string) =>
  nonEmpty(what).meta({
    label: 'Indirizzo',
    hint: 'Facoltativo: solo se il Polo lo ha pubblicato.',
  });

/**
 * What an activity is: a `desk` (sportello) the public visits during the opening hours, or a
 * `network` (such as the Tavolo territoriale), where the Polo works with other bodies and the
 * public is not received. A network's page has no hours, no status line and no card.
 */
export const activityKind = z.enum(['desk', 'network'], {
  error:
    'kind must be desk (a sportello the public visits) or network (bodies working together, no public hours)',
});

export const activitySchema = z
  .strictObject({
    ...textEntry,
    kind: activityKind.default('desk'),
    /** Position in lists of the desks, 1 first. */
    order: z
      .int({ error: 'order must be a whole number, for example 1' })
      .positive()
      .meta({ label: 'Posizione nell’elenco', hint: '1 è il primo sportello.' }),
    // Facts the Polo has not published yet: a page shows nothing for an absent field.
    address: address('the address').optional(),
    phone: phone.optional(),
    email: email.optional(),
    whatToBring: z
      .array(nonEmpty('an item of what to bring'))
      .meta({ label: 'Cosa portare', hint: 'Facoltativo: un documento per riga.' })
      .optional(),
  })
  .superRefine(checkRevisionFields)
  .superRefine((activity, ctx) => {
    if (activity.kind === 'network' && activity.whatToBring) {
      ctx.addIssue({
        code: 'custom',
        path: ['whatToBring'],
        message:
          'what to bring is for desks; a network (kind: network) does not receive the public. Take whatToBring out, or make it a desk',
      });
    }
  });

export const pageSchema = z.strictObject(textEntry).superRefine(checkRevisionFields);

export const programmeSchema = z.strictObject(textEntry).superRefine(checkRevisionFields);

/** A closure that a notice declares, both days included. */
export const closureSchema = z
  .strictObject({ from: fromDay, to: dateField.meta({ label: 'Al giorno (compreso)' }) })
  .refine((c) => c.from <= c.to, {
    message: 'the closure ends (to) before it starts (from)',
    path: ['to'],
  });

/** Notices; `activities` are the slugs of the desks that exist, known when the build starts. */
export function noticeSchema(activities: readonly string[]) {
  const notice = z.strictObject({
    ...textEntry,
    published: dateField.meta({ label: 'Data di pubblicazione' }),
    activity: z
      .string()
      .refine((slug) => activities.includes(slug), {
        message: `no desk has this name; use one of: ${activities.join(', ')}`,
      })
      .meta({
        label: 'Sportello collegato',
        hint: 'Facoltativo: lo sportello di cui parla l’avviso.',
      })
      .optional(),
    closure: closureSchema
      .meta({
        label: 'Chiusura',
        hint: 'Solo se l’avviso annuncia una chiusura: il Polo risulta chiuso in questi giorni, inclusi il primo e l’ultimo. Il titolo diventa il motivo.',
      })
      .optional(),
    /** Mail the notice to the newsletter's subscribers (the scheduled jobs, src/server/jobs/). */
    newsletter: z
      .boolean({ error: 'newsletter must be true or false' })
      .meta({
        label: 'Invia agli iscritti alla newsletter',
        hint: 'Se attivo, l’avviso va per e-mail agli iscritti, una volta sola, pochi minuti dopo che è sul sito; poi la redazione riceve una ricevuta. Le correzioni successive non vengono rispedite.',
      })
      .default(false),
  });
  return notice.superRefine(checkRevisionFields);
}

const weekday = z
  .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], {
    error: 'write the day in English, lower case: monday, tuesday, … sunday',
  })
  .meta({
    choices: {
      monday: 'lunedì',
      tuesday: 'martedì',
      wednesday: 'mercoledì',
      thursday: 'giovedì',
      friday: 'venerdì',
      saturday: 'sabato',
      sunday: 'domenica',
    },
  });

/** One opening period of a day, e.g. 09:00–13:00. */
export const slotSchema = z
  .strictObject({
    opens: timeOfDay.meta({ label: 'Apre alle', hint: 'HH:MM, ad esempio 09:00' }),
    closes: timeOfDay.meta({ label: 'Chiude alle', hint: 'HH:MM, ad esempio 13:00' }),
  })
  .refine((s) => s.opens < s.closes, {
    message: 'the closing time must come after the opening time',
    path: ['closes'],
  });

/** The weekly timetable: the days the Polo receives, each with its periods in order. */
export const weeklySchema = z
  .array(
    z.strictObject({
      day: weekday.meta({ label: 'Giorno' }),
      slots: z.array(slotSchema).min(1).meta({
        label: 'Fasce orarie',
        hint: 'In ordine: prima la mattina, poi il pomeriggio.',
      }),
    }),
  )
  .min(1, 'list at least one opening day')
  .superRefine((days, ctx) => {
    const seen = new Set<string>();
    for (const [index, { day, slots }] of days.entries()) {
      if (seen.has(day)) {
        ctx.addIssue({ code: 'custom', path: [index, 'day'], message: `${day} is listed twice` });
      }
      seen.add(day);
      for (let i = 1; i < slots.length; i++) {
        const previous = slots[i - 1];
        const slot = slots[i];
        if (previous && slot && slot.opens < previous.closes) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'slots', i, 'opens'],
            message: 'this period starts before the previous one ends; list them in order',
          });
        }
      }
    }
  })
  .meta({ label: 'Orario settimanale', hint: 'I giorni di apertura, ciascuno con le sue fasce.' });

/** The Italian name of each language, for the editor's choice of a recording's language. */
const languageNames: Record<Locale, string> = {
  it: 'italiano',
  en: 'inglese',
  fr: 'francese',
  ar: 'arabo',
  si: 'singalese',
  ta: 'tamil',
  so: 'somalo',
};

/**
 * The hours page read aloud, per language: the page is made from these facts and the interface
 * words, so its recordings sit here rather than in an entry of each language. `recordingOf` is
 * the revision of the timetables (src/lib/hours-revision.ts) when the file was attached.
 */
const hoursRecordings = z
  .array(
    z.strictObject({
      lang: z
        .enum(localeCodes as [Locale, ...Locale[]], {
          error: `lang must be one of the site's languages: ${localeCodes.join(', ')}`,
        })
        .meta({ label: 'Lingua', choices: languageNames }),
      recording,
      recordingOf: recordingOf
        .meta({
          label: 'Registrazione degli orari',
          hint: 'Lo scrive l’editor: quali orari c’erano quando la registrazione è stata aggiunta.',
        })
        .optional(),
    }),
  )
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    for (const [index, { lang }] of items.entries()) {
      if (seen.has(lang)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'lang'],
          message: `the hours page has a second recording in ${lang}: keep one per language`,
        });
      }
      seen.add(lang);
    }
  })
  .meta({
    label: 'Registrazioni della pagina degli orari',
    hint: 'Facoltativo: la pagina degli orari letta ad alta voce, al massimo una per lingua (Opus o MP3, al massimo 3 MB).',
  });

export const hoursSchema = z.strictObject({
  timeZone: z.literal('Europe/Rome', { error: 'the time zone must be Europe/Rome' }),
  lastReviewed,
  weekly: weeklySchema,
  /** The next timetable and the day it starts; until then `weekly` holds. */
  next: z
    .strictObject({ from: fromDay, weekly: weeklySchema })
    .meta({
      label: 'Prossimo orario',
      hint: 'Facoltativo: un nuovo orario e il giorno da cui vale. Fino ad allora vale quello sopra.',
    })
    .optional(),
  /** Dates on which the Polo opens although the holiday rule would close it. */
  openOn: z
    .array(dateField)
    .meta({
      label: 'Aperture straordinarie',
      hint: 'Giorni festivi in cui il Polo apre comunque.',
    })
    .default([]),
  recordings: hoursRecordings.optional(),
});
// The time zone's label: a hidden field in the editor, named only in its messages.
hoursSchema.shape.timeZone.register(z.globalRegistry, { label: 'Fuso orario' });

/** A day of every year as MM-DD, e.g. 12-25; 02-29 is allowed (it falls in leap years only). */
const monthDay = z
  .string({ error: 'write the day as MM-DD (month, then day), for example 12-25 for 25 December' })
  .regex(/^\d{2}-\d{2}$/, {
    message: 'write the day as MM-DD (month, then day), for example 12-25 for 25 December',
    abort: true,
  })
  .refine((value) => {
    const [month = 0, day = 0] = value.split('-').map(Number);
    return isCalendarDate(2028, month, day);
  }, 'this day does not exist in the calendar (write the month first: 12-25 for 25 December)');

const year = (what: string) =>
  z
    .int({ error: `${what} must be a year written in full, for example 2026` })
    .min(1900, `${what} must be a year written in full, for example 2026`)
    .max(2999, `${what} must be a year written in full, for example 2026`);

/** The three ways a holiday can fall; each holiday has exactly one. */
const holidayRules = ['day', 'easter', 'date'] as const;

/**
 * A day the Polo is closed by rule (a public holiday, the patron saint's day), with its name
 * in Italian, the law or decision it follows, and its name in the other languages.
 */
export const holidaySchema = z
  .strictObject({
    name: nonEmpty('the name').meta({ label: 'Nome', hint: 'In italiano, come lo dice la legge.' }),
    day: monthDay
      .meta({
        label: 'Ogni anno il giorno',
        hint: 'Mese e giorno come MM-GG: 12-25 è il 25 dicembre. Compila solo uno tra questo, Giorni dopo Pasqua e Una volta sola.',
      })
      .optional(),
    easter: z
      .int({ error: 'easter must be a whole number of days after Easter Sunday, for example 1' })
      .min(-60, 'easter must be at most 60 days before Easter Sunday')
      .max(60, 'easter must be at most 60 days after Easter Sunday')
      .meta({
        label: 'Giorni dopo Pasqua',
        hint: 'Per le feste che seguono la Pasqua: 1 è il Lunedì dell’Angelo.',
      })
      .optional(),
    date: dateField
      .meta({ label: 'Una volta sola, il giorno', hint: 'Per una festa di un solo anno.' })
      .optional(),
    fromYear: year('fromYear')
      .meta({ label: 'Dall’anno', hint: 'Facoltativo: il primo anno in cui il Polo chiude.' })
      .optional(),
    untilYear: year('untilYear')
      .meta({
        label: 'Fino all’anno (compreso)',
        hint: 'Facoltativo: l’ultimo anno in cui il Polo chiude.',
      })
      .optional(),
    source: nonEmpty('the source').meta({
      label: 'Fonte',
      hint: 'La legge o la decisione che fa della data una festa, ad esempio Legge 8 ottobre 2025, n. 151.',
    }),
    names: z
      .partialRecord(
        z.enum(localeCodes.filter((code) => code !== 'it') as [Locale, ...Locale[]]),
        nonEmpty('the name'),
      )
      .meta({
        label: 'Nome nelle altre lingue',
        hint: 'Facoltativo: dove manca, la pagina mostra il nome italiano.',
      })
      .optional(),
  })
  .superRefine((holiday, ctx) => {
    const rules = holidayRules.filter((rule) => holiday[rule] !== undefined);
    if (rules.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: rules.length === 0 ? ['day'] : [rules[1] ?? 'day'],
        message:
          rules.length === 0
            ? 'say when the holiday falls: day (every year, MM-DD), easter (days after Easter Sunday) or date (once, YYYY-MM-DD)'
            : `give only one of day, easter and date; this holiday has ${rules.join(' and ')}`,
      });
    }
    const { fromYear, untilYear } = holiday;
    if (fromYear !== undefined && untilYear !== undefined && untilYear < fromYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['untilYear'],
        message: 'untilYear comes before fromYear',
      });
    }
  });

/** The days the Polo is closed by rule, in the order staff list them. */
export const holidaysSchema = z.strictObject({
  lastReviewed,
  holidays: z.array(holidaySchema).meta({
    label: 'Festività',
    hint: 'I giorni in cui il Polo è chiuso ogni anno. Per aprire comunque in uno di questi giorni usa le Aperture straordinarie degli orari.',
  }),
});

export const partnerSchema = z.strictObject({
  name: nonEmpty('the name').meta({ label: 'Nome' }),
  role: z
    .enum(['co-designer', 'collaborator', 'job-centre', 'funder'], {
      error: 'role must be one of: co-designer, collaborator, job-centre, funder',
    })
    .meta({
      label: 'Ruolo',
      choices: {
        'co-designer': 'co-progettazione',
        collaborator: 'collaborazione',
        'job-centre': 'centro per l’impiego',
        funder: 'finanziamento',
      },
    }),
  lastReviewed,
});

/**
 * The Polo's place and contacts, one entry for the whole site. The venue is in the Polo's
 * own text; address, phone and e-mail are for staff to fill once the Polo publishes them.
 */
export const placeSchema = z.strictObject({
  /** In Latin letters, as the Polo writes it: what a map and a passer-by know. */
  venue: nonEmpty('the venue').meta({ label: 'Sede', hint: 'Ad esempio: Comune dei Popoli' }),
  /** The venue's name in the script of a language that has another, e.g. { ar: '…' }. */
  venueInScript: z
    .partialRecord(z.enum(localeCodes as [Locale, ...Locale[]]), nonEmpty('the name'))
    .meta({
      label: 'Nome della sede in un’altra scrittura',
      hint: 'Facoltativo: il nome della sede scritto nell’alfabeto di una lingua (per esempio in arabo), per chi non legge le lettere latine. Il nome in lettere latine resta sempre.',
    })
    .optional(),
  city: nonEmpty('the city').meta({ label: 'Città' }),
  address: address('the street address').optional(),
  phone: phone.optional(),
  email: email.optional(),
  lastReviewed,
});

export type Activity = z.infer<typeof activitySchema>;
export type ActivityKind = z.infer<typeof activityKind>;
export type Slot = z.infer<typeof slotSchema>;
export type Hours = z.infer<typeof hoursSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
