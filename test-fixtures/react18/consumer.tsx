// A React 18 app's use of @partnerkit/react, type-checked against @types/react 18
// (`npm run typecheck -w @partnerkit/react-18-fixture`, part of `npm test`).
import type { PkErrorDetail } from '@partnerkit/elements';
import { PartnerkitPortal, PkDealList, type PkDealListElement, PkDealRegistration } from '@partnerkit/react';
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';

function App({ onError }: { onError: (detail: PkErrorDetail) => void }) {
  const list = useRef<PkDealListElement>(null);
  return (
    <PartnerkitPortal
      baseUrl="https://partners.example.com"
      fetchToken={async () => 'token'}
      locale="en"
      onPkError={(e) => onError(e.detail)}
    >
      <PkDealRegistration onPkDealRegistered={(e) => list.current?.scrollIntoView() ?? e.detail.reference} />
      <PkDealList ref={list} pageSize={5} />
      {/* @ts-expect-error pageSize is a number */}
      <PkDealList pageSize="5" />
    </PartnerkitPortal>
  );
}

createRoot(document.body).render(<App onError={(detail) => console.warn(detail.kind)} />);
