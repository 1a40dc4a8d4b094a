// "Needs your attention" on the home view: what the partner should act on soon, read with the SDK
// from the same client the components use. A vendor page may do this itself; the components show
// each item's details in their own views, where the links lead.
import type { PartnerkitClient } from '@partnerkit/sdk';
import { type PageWords, pageLocale, pageStrings } from './page-strings.js';

const DAY = 86_400_000;
/** How far ahead the home view looks for protections that end. */
const PROTECTION_WARNING_DAYS = 30;

export interface AttentionItem {
  /** What the partner should do, in the page's language. */
  text: string;
  /** Where to do it. */
  href: string;
  /** When it is due, for the order of the list. */
  due: number;
}

const dateOf = (locale: string, at: string) =>
  new Intl.DateTimeFormat(
    locale,
    at.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' },
  ).format(new Date(at.length === 10 ? `${at}T00:00:00Z` : at));
const inDays = (locale: string, at: string, now: number) =>
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
    Math.round((Date.parse(at) - now) / DAY),
    'day',
  );

/**
 * What needs the partner's attention: certifications about to expire, deal protections ending
 * within 30 days, and approved MDF activities that have ended and wait for their claim. Soonest
 * first.
 */
export async function attentionItems(
  client: PartnerkitClient,
  locale: string,
  signal: AbortSignal,
  now = Date.now(),
): Promise<AttentionItem[]> {
  const w: PageWords = pageStrings[pageLocale(locale)];
  const [certifications, deals, requests] = await Promise.all([
    client.training.listCertifications({ scope: 'me', limit: 100 }, { signal }),
    client.deals.list({ status: ['approved'], limit: 100 }, { signal }),
    client.mdf.listRequests({ status: ['approved', 'partially_approved'], limit: 100 }, { signal }),
  ]);
  const items: AttentionItem[] = [];
  for (const c of certifications.items) {
    if (c.status !== 'expiring') continue;
    items.push({
      text: w.attentionCertification(c.name, dateOf(locale, c.expiresAt), inDays(locale, c.expiresAt, now)),
      href: '#/training',
      due: Date.parse(c.expiresAt),
    });
  }
  for (const d of deals.items) {
    const end = d.protectedUntil ? Date.parse(d.protectedUntil) : Number.NaN;
    if (!(end > now && end - now <= PROTECTION_WARNING_DAYS * DAY)) continue;
    items.push({
      text: w.attentionProtection(
        d.customer.company,
        dateOf(locale, d.protectedUntil!),
        d.canRequestExtension,
      ),
      href: '#/deals',
      due: end,
    });
  }
  for (const r of requests.items) {
    const ended = Date.parse(`${r.endsOn}T23:59:59Z`);
    if (ended > now || r.claims.some((claim) => claim.status !== 'rejected')) continue;
    items.push({ text: w.attentionClaim(r.title, dateOf(locale, r.endsOn)), href: '#/mdf', due: ended });
  }
  return items.sort((a, b) => a.due - b.due);
}

/** Puts the items (or that there are none) into `box`, as text: never markup from the server. */
export function renderAttention(box: HTMLElement, locale: string, items: AttentionItem[]): void {
  const w = pageStrings[pageLocale(locale)];
  if (!items.length) {
    const none = document.createElement('p');
    none.textContent = w.attentionNone;
    box.replaceChildren(none);
    return;
  }
  const list = document.createElement('ul');
  list.className = 'attention-list';
  for (const item of items) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = item.href;
    link.textContent = item.text;
    li.append(link);
    list.append(li);
  }
  box.replaceChildren(list);
}

/** A failed load: what happened, and a button to try again. */
export function renderAttentionFailure(box: HTMLElement, locale: string, retry: () => void): void {
  const w = pageStrings[pageLocale(locale)];
  const message = document.createElement('p');
  message.textContent = w.attentionFailed;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = w.retry;
  button.addEventListener('click', retry);
  box.replaceChildren(message, button);
}
