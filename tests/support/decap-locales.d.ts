/** Decap's phrases per language (decap-cms-locales, installed with decap-cms), e.g. `en`. */
declare module 'decap-cms-locales/dist/esm/*/index.js' {
  const phrases: import('../../src/cms/browser/italian-phrases').Phrases;
  export default phrases;
}
