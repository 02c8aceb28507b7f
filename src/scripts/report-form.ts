/**
 * Fills in the page a report concerns from the link that led here (`?page=/ar/orari/`, the
 * footer's). The server checks it is one of the site's pages; without this script the field
 * is simply empty.
 */
const field = document.querySelector<HTMLInputElement>('form[data-report-form] [name="page"]');
const page = new URLSearchParams(location.search).get('page');
if (field && !field.value && page?.startsWith('/')) field.value = page;
