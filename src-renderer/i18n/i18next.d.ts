import type id from './id.json';

// Translation keys are checked at compile time against the Indonesian resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}
