// Every story renders inside <pk-portal>, whose client runs against the in-memory mock API of
// packages/elements/test/mock-api.ts (the real SDK over a mocked `fetch`): no server needed.
// The toolbar switches language, colour scheme and direction for any story; the stories for
// German, dark and right-to-left set them themselves.
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { inPortal, setDraft, storyPortal } from '../stories/support/portal.js';
import './preview.css';

/**
 * The manifest as designers need it: the summary as the description, public, non-static fields
 * only (not the components' internals), and CSS parts named `::part(name)`, as a stylesheet uses
 * them. Storybook keys its tables by name, so a part named like an attribute (`status`) would
 * otherwise hide the attribute.
 */
type Member = { kind: string; privacy?: string; static?: boolean };
type Part = { name: string };
const publicOnly = {
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) => {
      const d = declaration as typeof declaration & {
        members?: Member[];
        cssParts?: Part[];
        summary?: string;
        description?: string;
      };
      return {
        ...d,
        // The docs page opens with the component's description, or else its summary.
        description: d.description || d.summary || '',
        ...(d.members && {
          members: d.members.filter(
            (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public',
          ),
        }),
        ...(d.cssParts && { cssParts: d.cssParts.map((p) => ({ ...p, name: `::part(${p.name})` })) }),
      };
    }),
  })),
};
setCustomElementsManifest(publicOnly);

/**
 * The story's portal: its `mockApi` parameter configures the in-memory API, and `timeoutMs` the
 * SDK's time limit per call (none by default, so that a story can stay loading).
 */
const portalOf = (context: Parameters<Loader>[0]) =>
  storyPortal(context.id, context.viewMode, context.parameters.mockApi, context.parameters.timeoutMs);

/**
 * A story's `draft` parameter: the registration form's values, restored as an unsent draft; and
 * `mdfDraft`, the same for the request form of `<pk-mdf-request>`.
 */
const withDraft: Loader = async (context) => {
  const { me } = portalOf(context);
  setDraft(me, context.parameters.draft);
  setDraft(me, context.parameters.mdfDraft, 'mdf-draft');
  return {};
};

const withPortal: Decorator = (story, context) => {
  const { client } = portalOf(context);
  return inPortal(story(), client, {
    locale: context.globals.locale ?? 'en',
    theme: context.globals.theme === 'dark' ? 'dark' : 'light',
    dir: context.globals.direction === 'rtl' ? 'rtl' : 'ltr',
    view: context.viewMode,
  });
};

/** A toolbar menu that sets one global for every story: its values and their titles. */
const menu = (
  description: string,
  title: string,
  icon: 'globe' | 'contrast' | 'transfer',
  items: Record<string, string>,
) => ({
  description,
  toolbar: {
    title,
    icon,
    items: Object.entries(items).map(([value, title]) => ({ value, title })),
    dynamicTitle: true,
  },
});

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withPortal],
  loaders: [withDraft],
  globalTypes: {
    locale: menu('Language of the components', 'Language', 'globe', {
      en: 'English',
      de: 'Deutsch',
    }),
    theme: menu('Colour scheme of the components', 'Theme', 'contrast', { light: 'Light', dark: 'Dark' }),
    direction: menu('Text direction', 'Direction', 'transfer', {
      ltr: 'Left to right',
      rtl: 'Right to left',
    }),
  },
  initialGlobals: { locale: 'en', theme: 'light', direction: 'ltr' },
  parameters: {
    layout: 'fullscreen',
    // The addon's axe run marks a story failed when it finds a violation.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
  },
};

export default preview;
