import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json';
import id from './id.json';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the operator's language choice; survives reloads and restarts. */
export const LANGUAGE_KEY = 'ktp.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (private window, quota): the choice lasts until reload.
  }
}

/** Bahasa Indonesia first; English a switch away. Resources are bundled: init is synchronous. */
export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'id',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', applyLanguage);
}

function asLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'id';
}

export interface LanguageControl {
  language: Language;
  setLanguage: (language: Language) => void;
  toggleLanguage: () => void;
}

export function useLanguage(): LanguageControl {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language);
  return {
    language,
    setLanguage: (next) => void i18n.changeLanguage(next),
    toggleLanguage: () => void i18n.changeLanguage(language === 'id' ? 'en' : 'id'),
  };
}

/** Toggles outside React (keyboard shortcut). */
export function toggleLanguage(): void {
  void i18next.changeLanguage(asLanguage(i18next.resolvedLanguage ?? i18next.language) === 'id' ? 'en' : 'id');
}
