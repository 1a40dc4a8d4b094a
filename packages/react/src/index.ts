// @partnerkit/react: a React component for every pk-* element (generated from the elements'
// custom-elements manifest into ./generated/), and PartnerkitPortal, the portal for a React tree.
// Each wrapper registers its tag when it is first imported in a browser, never in Node.
export * from './generated/index.js';
export type { EventProps, Wrapper, WrapperProps } from './internal/types.js';
export { PartnerkitPortal, type PartnerkitPortalProps } from './portal.js';
