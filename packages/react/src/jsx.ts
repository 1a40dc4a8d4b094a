// `@partnerkit/react/jsx`: types only. React 19 sets properties and adds event listeners on custom
// elements by itself, so the pk-* tags can be used in JSX without the wrappers:
//
//   import type {} from '@partnerkit/react/jsx';
//   import '@partnerkit/elements/define/pk-deal-list';
//   <pk-deal-list pageSize={5} onpk-error={(event) => console.warn(event.detail.kind)} />
//
// The declarations come from the manifest (./generated/jsx.ts). React 18 sets only attributes on
// custom elements and adds no listeners: there, use the wrappers.
import './generated/jsx.js';

export type { Intrinsic } from './internal/types.js';
