import { html, nothing, type TemplateResult } from 'lit';
import type { PkElement } from './element.js';
import type { PkPlace } from './events.js';

/**
 * A link to another place of the portal, or nothing when the host page gave no `href` for that
 * place: never a control that goes nowhere. A plain click (or Enter) fires the cancelable
 * `pk-navigate` with `{ place, href, reason }`; when a listener calls `preventDefault()`, the
 * browser does not follow the link, so a single-page app routes itself. A click that opens a new
 * tab or window (a modifier key or another button) is left to the browser, without the event.
 */
export function placeLink(
  host: PkElement,
  place: PkPlace,
  href: string | undefined,
  text: string,
  reason?: string,
): TemplateResult | typeof nothing {
  if (!href) return nothing;
  const follow = (e: MouseEvent) => {
    if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (!host.emit('pk-navigate', { place, href, ...(reason ? { reason } : {}) }, true)) e.preventDefault();
  };
  return html`<a part="link" href=${href} @click=${follow}>${text}</a>`;
}
