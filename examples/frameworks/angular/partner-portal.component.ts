// An Angular standalone component with the Partnerkit components inside: the custom-elements
// schema lets Angular render tags it does not know, `[prop]` sets properties (objects and
// functions too), `[attr.name]` sets attributes, `(pk-...)` listens to the components' events.
import '@partnerkit/elements/define/pk-portal';
import '@partnerkit/elements/define/pk-deal-registration';
import '@partnerkit/elements/define/pk-deal-list';
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { DealRegistration } from '@partnerkit/api';
import type { PkErrorDetail } from '@partnerkit/elements';

@Component({
  selector: 'app-partner-portal',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <pk-portal [attr.base-url]="baseUrl" [fetchToken]="fetchToken" [locale]="locale" theme="auto">
      <pk-deal-registration (pk-deal-registered)="onRegistered($event)"></pk-deal-registration>
      @if (registered(); as deal) {
        <p role="status">Deal {{ deal.reference }} registered.</p>
      }
      <pk-deal-list [pageSize]="5" (pk-error)="onError($event)"></pk-deal-list>
    </pk-portal>
  `,
})
export class PartnerPortalComponent {
  readonly baseUrl = 'https://partners.example.com';
  readonly locale = 'en';
  readonly registered = signal<DealRegistration | undefined>(undefined);

  /** Asks your own server for a partner session token; the components call it again on expiry. */
  readonly fetchToken = async (): Promise<string> => {
    const res = await fetch('/partner-portal/session', { method: 'POST' });
    if (!res.ok) throw new Error(`session: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };

  onRegistered(event: CustomEvent<DealRegistration>): void {
    this.registered.set(event.detail);
  }

  onError(event: CustomEvent<PkErrorDetail>): void {
    console.warn('partnerkit', event.detail.kind, event.detail.operation, event.detail.requestId);
  }
}
