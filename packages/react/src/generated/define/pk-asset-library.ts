// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
// Registers <pk-asset-library> (and the tags it renders) in browsers; in Node, `#define/*` resolves to
// nothing (package.json `imports`), so server rendering never touches `customElements`.
import '@partnerkit/elements/define/pk-asset-library';
