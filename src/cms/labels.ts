/**
 * The words of the editor, in Italian: the label and help line of each field, and the name of
 * each choice. The rules (required, patterns, choices) come from the zod schemas, never from here.
 */
import { isLocale, localeInfo } from '../lib/locales';

interface FieldText {
  label: string;
  hint?: string;
}

const fields: Record<string, FieldText> = {
  title: { label: 'Titolo' },
  summary: { label: 'Riassunto', hint: 'Una frase, mostrata negli elenchi e sotto il titolo.' },
  body: { label: 'Testo', hint: 'Frasi brevi e semplici.' },
  lastReviewed: {
    label: 'Ultima verifica',
    hint: 'Il giorno in cui qualcuno ha controllato che il testo è vero; la pagina lo mostra.',
  },
  translation: { label: 'Stato della traduzione' },
  published: { label: 'Data di pubblicazione' },
  activity: {
    label: 'Sportello collegato',
    hint: 'Facoltativo: lo sportello di cui parla l’avviso.',
  },
  closure: {
    label: 'Chiusura',
    hint: 'Solo se l’avviso annuncia una chiusura: il Polo risulta chiuso in questi giorni, inclusi il primo e l’ultimo. Il titolo diventa il motivo.',
  },
  from: { label: 'Dal giorno' },
  to: { label: 'Al giorno (compreso)' },
  newsletter: {
    label: 'Invia agli iscritti alla newsletter',
    hint: 'Se attivo, l’avviso va per e-mail a chi è iscritto.',
  },
  order: { label: 'Posizione nell’elenco', hint: '1 è il primo sportello.' },
  address: { label: 'Indirizzo', hint: 'Facoltativo: solo se il Polo lo ha pubblicato.' },
  phone: { label: 'Telefono', hint: 'Facoltativo.' },
  email: { label: 'E-mail', hint: 'Facoltativo.' },
  whatToBring: { label: 'Cosa portare', hint: 'Facoltativo: un documento per riga.' },
  timeZone: { label: 'Fuso orario' },
  weekly: { label: 'Orario settimanale', hint: 'I giorni di apertura, ciascuno con le sue fasce.' },
  day: { label: 'Giorno' },
  slots: { label: 'Fasce orarie', hint: 'In ordine: prima la mattina, poi il pomeriggio.' },
  opens: { label: 'Apre alle', hint: 'HH:MM, ad esempio 09:00' },
  closes: { label: 'Chiude alle', hint: 'HH:MM, ad esempio 13:00' },
  next: {
    label: 'Prossimo orario',
    hint: 'Facoltativo: un nuovo orario e il giorno da cui vale. Fino ad allora vale quello sopra.',
  },
  openOn: {
    label: 'Aperture straordinarie',
    hint: 'Giorni festivi in cui il Polo apre comunque.',
  },
  name: { label: 'Nome' },
  role: { label: 'Ruolo' },
  venue: { label: 'Sede', hint: 'Ad esempio: Comune dei Popoli' },
  city: { label: 'Città' },
  venueInScript: {
    label: 'Nome della sede in un’altra scrittura',
    hint: 'Facoltativo: il nome della sede scritto nell’alfabeto di una lingua (per esempio in arabo), per chi non legge le lettere latine. Il nome in lettere latine resta sempre.',
  },
};

const options: Record<string, Record<string, string>> = {
  translation: {
    source: 'Originale italiano',
    machine: 'Traduzione automatica, da rivedere',
    reviewed: 'Traduzione rivista da una persona',
  },
  day: {
    monday: 'lunedì',
    tuesday: 'martedì',
    wednesday: 'mercoledì',
    thursday: 'giovedì',
    friday: 'venerdì',
    saturday: 'sabato',
    sunday: 'domenica',
  },
  role: {
    'co-designer': 'co-progettazione',
    collaborator: 'collaborazione',
    'job-centre': 'centro per l’impiego',
    funder: 'finanziamento',
  },
};

/** Label and help line of a field, e.g. fieldText('opens') => { label: 'Apre alle', … }. */
export function fieldText(name: string, parent = ''): FieldText {
  // A list of plain values (openOn, whatToBring) labels each item after the list.
  if (name === 'item') return { label: fields[parent]?.label ?? parent };
  // A value per language is labelled with the language's own name, e.g. 'العربية (ar)'.
  if (isLocale(name)) return { label: `${localeInfo(name).label} (${name})` };
  return fields[name] ?? { label: name };
}

/** Name of a choice, e.g. optionText('day', 'monday') => 'lunedì'. */
export function optionText(field: string, value: string): string {
  return options[field]?.[value] ?? value;
}
