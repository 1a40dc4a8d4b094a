// React 19 without the wrappers (this file runs with React 19 only): the pk-* tags straight in
// JSX, typed by `@partnerkit/react/jsx`. React 19 sets a prop as a property when the element has
// one, and `on<event-name>` adds a listener, so the tags work once they are defined.
import '@partnerkit/elements/define/pk-portal';
import '@partnerkit/elements/define/pk-deal-list';
import '@partnerkit/elements/define/pk-deal-registration';
import { expect } from '@open-wc/testing';
import type { DealRegistration } from '@partnerkit/api';
import type { PkDealList, PkDealRegistration, PkErrorDetail, PkPortal } from '@partnerkit/elements';
import type {} from '@partnerkit/react/jsx';
import { createRef } from 'react';
import { mockClient, text, waitUntil } from '../../elements/test/helpers.js';
import { createMockApi } from '../../elements/test/mock-api.js';
import { fill, submitButton, VALID } from '../../elements/test/registration.js';
import { cleanup, render } from './test-support/render.js';

describe('pk-* tags in React 19 JSX, without the wrappers', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('sets properties, listens with on<event-name>, and updates both', async () => {
    const api = createMockApi({ deals: 5, fail: { listDealRegistrations: { kind: 'server', times: 1 } } });
    const client = mockClient(api);
    const portal = createRef<PkPortal>();
    const list = createRef<PkDealList>();
    const errors: PkErrorDetail[] = [];
    const tree = (pageSize: number, status: '' | 'approved') => (
      <pk-portal ref={portal} client={client} locale="en">
        <pk-deal-list
          ref={list}
          pageSize={pageSize}
          status={status}
          onpk-error={(event) => errors.push(event.detail)}
        />
      </pk-portal>
    );
    const { rerender } = await render(tree(3, ''));
    expect(portal.current!.client).to.equal(client);
    expect(list.current!.pageSize).to.equal(3);
    await waitUntil(() => errors.length === 1, 'onpk-error was not called');
    expect(errors[0]!.kind).to.equal('server');
    expect(api.callsOf('listDealRegistrations')[0]!.query.get('limit')).to.equal('3');

    await rerender(tree(3, 'approved'));
    expect(list.current!.status).to.equal('approved');
    await waitUntil(
      () => api.callsOf('listDealRegistrations').some((c) => c.query.getAll('status').includes('approved')),
      'the status did not reach the list',
    );
    await waitUntil(() => list.current!.shadowRoot!.querySelector('[part~=row], [part~=empty]'));
    expect(errors).to.have.length(1);
  });

  it('a registration fires onpk-deal-registered', async () => {
    const api = createMockApi();
    const registration = createRef<PkDealRegistration>();
    const registered: DealRegistration[] = [];
    await render(
      <pk-portal client={mockClient(api)}>
        <pk-deal-registration
          ref={registration}
          onpk-deal-registered={(event) => registered.push(event.detail)}
        />
      </pk-portal>,
    );
    await fill(registration.current!, VALID);
    submitButton(registration.current!).click();
    await waitUntil(() => registered.length === 1, 'onpk-deal-registered was not called');
    expect(text(registration.current!.shadowRoot!.querySelector('[part~=success]'))).to.contain(
      registered[0]!.reference,
    );
  });
});
