// Acme Cloud's partner portal as a React app: a sign-in stub (choose the demo partner you are),
// then the Partnerkit components through @partnerkit/react. The session tokens come from the demo
// portal's own server (`POST /session`), which keeps the vendor key; the session client is the
// demo portal's too.
import type { DealRegistration } from '@partnerkit/api';
import type { PkErrorDetail } from '@partnerkit/elements';
import { PartnerkitPortal, PkDealList, PkDealRegistration, type PkPortalElement } from '@partnerkit/react';
import { type FormEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type DemoPartner,
  loadConfig,
  type PortalConfig,
  sessionTokenFetcher,
} from '../../portal/src/session.js';
import { type AppStrings, type Lang, langOf, strings } from './strings.js';

type Theme = 'auto' | 'light' | 'dark';
/** Why the sign-in page is shown again. */
type Notice = 'sessionEnded';
const THEMES: Theme[] = ['auto', 'light', 'dark'];
const PARTNER_KEY = 'acme-react:partner';
const LOCALE_KEY = 'acme-react:locale';
const THEME_KEY = 'acme-react:theme';

function stored<T extends string>(storage: Storage, key: string, allowed: readonly T[], fallback: T): T {
  const value = storage.getItem(key);
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function App() {
  const [config, setConfig] = useState<PortalConfig | Error>();
  const [lang, setLang] = useState<Lang>(() =>
    stored(localStorage, LOCALE_KEY, ['en', 'de'], langOf(navigator.language)),
  );
  const [theme, setTheme] = useState<Theme>(() => stored(localStorage, THEME_KEY, THEMES, 'auto'));
  const [partnerId, setPartnerId] = useState(() => sessionStorage.getItem(PARTNER_KEY));
  const [notice, setNotice] = useState<Notice>();
  const t = strings[lang];

  useEffect(() => {
    loadConfig().then(setConfig, (error: Error) => setConfig(error));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
    localStorage.setItem(LOCALE_KEY, lang);
  }, [lang, t]);
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);

  const partner = config instanceof Error ? undefined : config?.partners.find((p) => p.id === partnerId);
  const signIn = (id: string) => {
    sessionStorage.setItem(PARTNER_KEY, id);
    setNotice(undefined);
    setPartnerId(id);
  };
  const signOut = useCallback((why?: Notice) => {
    sessionStorage.removeItem(PARTNER_KEY);
    setNotice(why);
    setPartnerId(null);
  }, []);

  let content: ReactNode;
  if (config === undefined) content = <p className="status">{t.loading}</p>;
  else if (config instanceof Error)
    content = (
      <p className="status" role="alert">
        {t.configFailed} {config.message}
      </p>
    );
  else if (partner)
    content = (
      <Portal
        key={partner.id}
        config={config}
        partner={partner}
        lang={lang}
        theme={theme}
        t={t}
        onSessionEnded={() => signOut('sessionEnded')}
      />
    );
  else content = <SignIn partners={config.partners} notice={notice && t[notice]} t={t} onSignIn={signIn} />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="site-header">
        <span className="brand">
          <img className="brand-mark" src="/favicon.svg" alt="" width="32" height="32" />
          <span className="brand-name">{t.brand}</span>
          <span className="brand-tag">{t.tag}</span>
        </span>
        <div className="account">
          <label className="account-field">
            <span>{t.language}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="en" lang="en">
                English
              </option>
              <option value="de" lang="de">
                Deutsch
              </option>
            </select>
          </label>
          <label className="account-field">
            <span>{t.theme}</span>
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="auto">{t.themeAuto}</option>
              <option value="light">{t.themeLight}</option>
              <option value="dark">{t.themeDark}</option>
            </select>
          </label>
          {partner && (
            <span className="signed-in">
              <span className="signed-in-name">{t.signedInAs(partner.userName, partner.name)}</span>
              <button type="button" className="button-quiet" onClick={() => signOut()}>
                {t.signOut}
              </button>
            </span>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <footer className="site-footer">
        <p>{t.footer}</p>
      </footer>
    </>
  );
}

/** The vendor's login, stubbed: the visitor picks one of the demo partners the server knows. */
function SignIn(props: {
  partners: DemoPartner[];
  notice: string | undefined;
  t: AppStrings;
  onSignIn: (partnerId: string) => void;
}) {
  const { partners, notice, t, onSignIn } = props;
  const [chosen, setChosen] = useState(partners[0]?.id ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) onSignIn(chosen);
  };
  if (partners.length === 0) return <p className="status">{t.noPartners}</p>;
  return (
    <section className="panel sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" ref={heading} tabIndex={-1}>
        {t.signInTitle}
      </h1>
      <p className="intro">{t.signInIntro}</p>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t.signInAs}</legend>
          {partners.map((p) => (
            <label key={p.id} className="choice">
              <input
                type="radio"
                name="partner"
                value={p.id}
                checked={chosen === p.id}
                onChange={() => setChosen(p.id)}
              />
              <span>
                <span className="choice-name">{p.name}</span>
                <span className="choice-user">{p.userName}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button-primary">
          {t.signIn}
        </button>
      </form>
    </section>
  );
}

/** The partner's portal: the components inside PartnerkitPortal, and what the app does with their events. */
function Portal(props: {
  config: PortalConfig;
  partner: DemoPartner;
  lang: Lang;
  theme: Theme;
  t: AppStrings;
  onSessionEnded: () => void;
}) {
  const { config, partner, lang, theme, t, onSessionEnded } = props;
  // One token fetcher per partner: a new partner is a new session (and a new client in the portal).
  const fetchToken = useMemo(() => sessionTokenFetcher(partner.id), [partner.id]);
  const [registered, setRegistered] = useState<DealRegistration>();
  const portal = useRef<PkPortalElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Signed in: the focus moves to the portal's first heading, once <pk-portal> has rendered (its
  // children are not in the page's flat tree, so not focusable, before that).
  useEffect(() => {
    void portal.current?.updateComplete.then(() => heading.current?.focus({ preventScroll: true }));
  }, []);

  // Every component's failures bubble to the portal: log them where the vendor's support looks.
  const logError = (event: CustomEvent<PkErrorDetail>) => {
    const { kind, code, operation, requestId, message } = event.detail;
    console.warn(
      `partnerkit: ${operation} failed: ${kind} (${code}), request ${requestId ?? 'none'}: ${message}`,
    );
    if (kind === 'authentication') onSessionEnded();
  };

  return (
    <>
      <PartnerkitPortal
        ref={portal}
        className="portal"
        baseUrl={config.apiBaseUrl}
        fetchToken={fetchToken}
        locale={lang}
        theme={theme}
        onPkError={logError}
      >
        <section id="register" className="panel" aria-labelledby="register-title">
          <div className="panel-head">
            <h1 id="register-title" ref={heading} tabIndex={-1}>
              {t.registerTitle}
            </h1>
            <p>{t.registerIntro}</p>
          </div>
          <PkDealRegistration onPkDealRegistered={(event) => setRegistered(event.detail)} />
        </section>
        <section id="registrations" className="panel" aria-labelledby="registrations-title">
          <div className="panel-head">
            <h2 id="registrations-title">{t.registrationsTitle}</h2>
            <p>{t.registrationsIntro}</p>
          </div>
          <PkDealList pageSize={5} />
        </section>
      </PartnerkitPortal>
      <div className="toast-region" role="status">
        {registered && (
          <div className="toast">
            <p>{t.registered(registered.reference, registered.customer.company)}</p>
            <button type="button" className="button-quiet" onClick={() => setRegistered(undefined)}>
              {t.dismiss}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
