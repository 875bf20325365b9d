import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Messages, vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'lifelong.language';

/**
 * Vietnamese comes with the app; English is fetched the first time it is chosen, so most people
 * never download a catalog they do not read.
 */
const CATALOGS: Record<Exclude<Language, 'vi'>, () => Promise<Messages>> = {
  en: () => import('./en').then((module) => module.en),
};

/** Before sign-in the last choice on this device wins; after it, the profile's `locale`. */
function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

async function loadCatalog(language: Language): Promise<void> {
  if (language === 'vi' || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await CATALOGS[language]());
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the app's language once its catalog is here; the choice is remembered on this device. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await loadCatalog(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

/** Resolves when the language this device last chose is ready: the app renders after it. */
export const languageReady: Promise<void> = setLanguage(initialLanguage()).catch(() => {
  // English could not be fetched (offline): Vietnamese, which is always here, is shown instead.
  document.documentElement.lang = i18n.language;
});

export { i18n };
