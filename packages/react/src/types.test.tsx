// Type tests: `npm run typecheck -w @partnerkit/react` compiles this file (never run). Each
// `@ts-expect-error` fails the check when the line it marks stops being an error.

import type { DealRegistration } from '@partnerkit/api';
import type { PkErrorDetail } from '@partnerkit/elements';
import {
  PartnerkitPortal,
  PkDealList,
  type PkDealListElement,
  type PkDealListProps,
  PkDealRegistration,
  PkField,
} from '@partnerkit/react';
import type {} from '@partnerkit/react/jsx';
import { createRef } from 'react';

const list = createRef<PkDealListElement>();
const kind = (detail: PkErrorDetail) => detail.kind;
const reference = (deal: DealRegistration) => deal.reference;

export const wrappers = [
  <PartnerkitPortal
    key="portal"
    baseUrl="https://partners.example.com"
    fetchToken={async () => 'token'}
    locale="de"
    theme="auto"
    onPkError={(e) => kind(e.detail)}
    onPkDealRegistered={(e) => reference(e.detail)}
  >
    <PkDealList ref={list} status="approved" pageSize={5} onPkError={(e) => kind(e.detail)} />
    <PkDealRegistration checkDelay={300} onPkDealRegistered={(e) => reference(e.detail)} />
    <PkField label="Seats" type="number" options={[{ value: '1', label: 'One' }]} />
  </PartnerkitPortal>,
  // @ts-expect-error pageSize is a number
  <PkDealList key="1" pageSize="5" />,
  // @ts-expect-error not a status
  <PkDealList key="2" status="pending" />,
  // @ts-expect-error the list fires no pk-deal-registered of its own
  <PkDealList key="3" onPkDealRegistered={() => {}} />,
  // @ts-expect-error the detail of pk-error has no reference
  <PkDealList key="4" onPkError={(e) => e.detail.reference} />,
  // @ts-expect-error methods and internals are not props
  <PkField key="5" checkValidity={() => true} />,
  // @ts-expect-error theme is light, dark or auto
  <PartnerkitPortal key="6" theme="blue" />,
];

export const props: PkDealListProps = { pageSize: 3, className: 'list', onPkError: (e) => kind(e.detail) };

// React 19's JSX, with the declarations of '@partnerkit/react/jsx'.
export const tags = [
  <pk-portal key="portal" base-url="https://partners.example.com" fetchToken={async () => 'token'}>
    <pk-deal-list pageSize={5} onpk-error={(e) => kind(e.detail)} />
    <pk-deal-registration check-delay="300" onpk-deal-registered={(e) => reference(e.detail)} />
  </pk-portal>,
  // @ts-expect-error pageSize is a number
  <pk-deal-list key="1" pageSize="5" />,
  // @ts-expect-error the listener gets the pk-error event, whose detail has no reference
  <pk-deal-list key="2" onpk-error={(e) => e.detail.reference} />,
  // @ts-expect-error no such tag
  <pk-deal-lists key="3" />,
];
