// The <pk-portal> every story renders in: the real SDK over the in-memory mock API, so stories
// need no server. Each story gets its own mock API, made from its `mockApi` parameter when the
// story opens and kept while it stays open (changing a control does not start the data over).
import '@partnerkit/elements/define/pk-portal';
import type { Me } from '@partnerkit/api';
import { createPartnerkitClient, type PartnerkitClient } from '@partnerkit/sdk';
import { html } from 'lit';
import {
  createMockApi,
  demoMe,
  MOCK_BASE_URL,
  type MockApi,
  type MockApiOptions,
} from '../../packages/elements/test/mock-api.js';

/** A registration form's values by field name, as `<pk-deal-registration>` keeps them in its draft. */
export type DraftValues = Record<string, string | string[] | boolean>;

export interface StoryPortal {
  api: MockApi;
  client: PartnerkitClient;
  me: Me;
}

const portals = new Map<string, StoryPortal>();
let openStory: string | undefined;

/**
 * The caller of story `id`: the mock's partner user, with an id of its own per story, so that each
 * story's form draft (kept per partner user) is its own, also on a docs page with many stories.
 */
function meOf(id: string, me: Me = demoMe): Me {
  return { ...me, user: { ...me.user, id: `${me.user.id}_${id.replace(/[^a-z0-9]+/gi, '_')}` } };
}

/** The draft storage key of `<pk-deal-registration>` (or of another form: `mdf-draft`) for this caller. */
export const draftKey = (me: Me, form = 'deal-draft') =>
  `partnerkit:${form}:${me.partner?.id ?? ''}:${me.user.id}`;

/**
 * The mock API and client of story `id`. Opening a story on its own (`view` = `story`) starts it
 * afresh; on a docs page every story keeps its own. `timeoutMs` is the SDK's time limit per call.
 */
export function storyPortal(
  id: string,
  view: string,
  options: MockApiOptions = {},
  timeoutMs = 0,
): StoryPortal {
  if (view === 'story' && openStory !== id) {
    portals.clear();
    openStory = id;
  }
  let portal = portals.get(id);
  if (!portal) {
    const me = meOf(id, options.me);
    const api = createMockApi({ ...options, me });
    // No retries and (unless the story sets one) no time limit: a failure shows at once, and a
    // "never" answer stays loading.
    const client = createPartnerkitClient({
      baseUrl: MOCK_BASE_URL,
      token: 'story',
      fetch: api.fetch,
      retry: false,
      timeoutMs,
    });
    portal = { api, client, me };
    portals.set(id, portal);
  }
  return portal;
}

/**
 * Puts the story's draft (or none) where `<pk-deal-registration>` looks for it, or the form named
 * by `form` (`mdf-draft`, the request form of `<pk-mdf-request>`).
 */
export function setDraft(me: Me, values: DraftValues | undefined, form?: string): void {
  const key = draftKey(me, form);
  if (!values) {
    localStorage.removeItem(key);
    return;
  }
  // savedAt is fixed so that the "restored" notice reads the same in every run.
  localStorage.setItem(
    key,
    JSON.stringify({ key: `story-${me.user.id}`, values, savedAt: Date.UTC(2026, 2, 14, 9, 30) }),
  );
}

export interface PortalFrame {
  locale: string;
  theme: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  /** `story` on a story's own canvas, `docs` on the docs page. */
  view: string;
}

/** `content` inside a <pk-portal> with the story's client, on a canvas in the story's theme. */
export function inPortal(content: unknown, client: PartnerkitClient, frame: PortalFrame) {
  return html`<div class="pk-story" data-theme=${frame.theme} data-view=${frame.view} dir=${frame.dir} lang=${frame.locale}>
    <pk-portal .client=${client} locale=${frame.locale} theme=${frame.theme} dir=${frame.dir}>${content}</pk-portal>
  </div>`;
}
