/**
 * The editor's interface in Italian, whole. Decap's Italian phrases (decap-cms-locales) lack
 * some that its English has, and Decap then shows the English ("Set lastReviewed to now",
 * "Expand"); a few others speak of schemas. These are added or reworded over Decap's own.
 */

/** A tree of phrases, as Decap's locales are written. */
export interface Phrases {
  [key: string]: string | Phrases;
}

export const italianPhrases: Phrases = {
  auth: {
    loginWithAzure: 'Accedi con Azure',
    loginWithForgejo: 'Accedi con Forgejo',
  },
  collection: {
    collectionTop: {
      viewAsList: 'Mostra come elenco',
      viewAsGrid: 'Mostra come griglia',
    },
    entries: { unpublishedHeader: 'Voci non pubblicate' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Campo %{widgetLabel}' } },
    editorControlPane: {
      widget: {
        required: 'Manca «%{fieldLabel}».',
        // The pattern's own words say what to write (json-schema-fields.ts).
        regexPattern: '«%{fieldLabel}»: %{pattern}.',
        rangeMin: '«%{fieldLabel}»: ne serve almeno %{minCount}.',
      },
    },
    editorInterface: { toggleNotes: 'Mostra o nascondi le note' },
    editorNotesPane: {
      title: 'Note',
      emptyState: 'Ancora nessuna nota. Scrivi qui sotto la prima.',
      addNote: 'Aggiungi nota',
      addPlaceholder: 'Scrivi una nota…',
      editPlaceholder: 'Modifica la nota…',
      save: 'Salva',
      cancel: 'Annulla',
      edit: 'Modifica',
      delete: 'Elimina',
      resolve: 'Segna come risolta',
      unresolve: 'Segna come da risolvere',
      confirmDelete: 'Eliminare questa nota?',
      shortcut: 'Suggerimento: Ctrl+Invio aggiunge la nota',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Barrato',
        toggleMode: {
          rich: 'Passa al testo formattato',
          markdown: 'Passa al Markdown',
        },
      },
      datetime: { setToNow: 'Metti adesso in %{fieldLabel}' },
      object: { expand: 'Mostra i campi', collapse: 'Nascondi i campi' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Chiudi' } },
  ui: {
    settingsDropdown: { account: 'Menu dell’account' },
    toast: {
      // Details are the check's own sentences (messages.ts), in staff words.
      onFailToPersist: 'Non salvato. %{details}',
      missingRequiredField: 'Non salvato: manca un campo obbligatorio, segnato in rosso.',
      noteAdded: 'Nota aggiunta',
      onFailToAddNote: 'Nota non aggiunta: %{details}',
      noteUpdated: 'Nota aggiornata',
      onFailToUpdateNote: 'Nota non aggiornata: %{details}',
      noteDeleted: 'Nota eliminata',
      onFailToDeleteNote: 'Nota non eliminata: %{details}',
      noteResolved: 'Nota risolta',
      noteReopened: 'Nota riaperta',
      onFailToToggleNote: 'Stato della nota non cambiato: %{details}',
    },
  },
};

/** `base` with `over` written over it, branch by branch, e.g. Decap's Italian and ours. */
export function withPhrases(base: Phrases, over: Phrases): Phrases {
  const merged: Phrases = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = merged[key];
    merged[key] =
      typeof value === 'object' && typeof under === 'object' ? withPhrases(under, value) : value;
  }
  return merged;
}
