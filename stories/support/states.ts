// The states every component's stories show in the same way: what the preview reads from a
// story's parameters, an operation failing with one kind of error, a phone-wide column, and the
// long and hostile text the content stories put in.
//
// A story built here gets its `name` in the story file, in the story object itself
// (`{ name: 'Error: offline', ...loadFailure(...) }`): the sidebar and the docs page take names
// from the file as written, and never see a name a function returns.
import { html } from 'lit';
import type { MockApiOptions, MockErrorKind, MockOperation } from '../../packages/elements/test/mock-api.js';
import { type Canvas, expectAlert, expectFits, type Shadowed } from './play.js';
import type { DraftValues } from './portal.js';

/** What `.storybook/preview.ts` reads from a story's `parameters`. */
export interface PortalParameters {
  /** How the story's in-memory API answers (see packages/elements/test/mock-api.ts). */
  mockApi?: MockApiOptions;
  /** A registration form's unsent values, restored as the partner's draft. */
  draft?: DraftValues;
  /** The same for the request form of `<pk-mdf-request>` (which then opens on it). */
  mdfDraft?: DraftValues;
  /** The SDK's time limit per call, in milliseconds (none when 0 or unset). */
  timeoutMs?: number;
}

/**
 * `operation` fails with `kind` on every call. A `timeout` story gives the SDK a 1 s limit, and
 * the mock API never answers that call.
 */
export const failing = (operation: MockOperation, kind: MockErrorKind) =>
  ({
    mockApi: { fail: { [operation]: kind } },
    timeoutMs: kind === 'timeout' ? 1000 : 0,
  }) satisfies PortalParameters;

/** `<tag>` cannot load because `operation` fails with `kind`: it shows the error and a retry. */
export const loadFailure = (tag: string, operation: MockOperation, kind: MockErrorKind) => ({
  parameters: failing(operation, kind),
  play: expectAlert(tag),
});

/** `content` in a phone-wide column. */
export const narrowColumn = (content: unknown) => html`<div style="max-inline-size: 22rem">${content}</div>`;

/** A play step: once `load` has the component, it must fit its column. */
export const fitsItsColumn =
  (load: (context: Canvas) => Promise<Shadowed>) =>
  async (context: Canvas): Promise<void> => {
    await expectFits(await load(context));
  };

/** A real German company name, long enough to wrap on any screen. */
export const longCompanyName =
  'Kirchner Maschinenbau Gesellschaft mit beschränkter Haftung & Compagnie Kommanditgesellschaft';

/** A sentence of a server's reasoning, as long as vendors write them. */
export const longReason =
  'The customer is already covered by another partner’s approved registration for the same products, which remains protected until the end of the quarter; you may register again if that registration expires without a closed deal.';

/** Markup the server might send back in a string: the components must show it as text. */
export const hostile = {
  image: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  bold: '<b>Data</b>',
} as const;
