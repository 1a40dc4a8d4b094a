// The portal's views: one section each, chosen by the location's hash (`#/register`), so links,
// bookmarks and the browser's back button work. A view's component is mounted the first time the
// view is shown and kept afterwards: switching views keeps what the partner typed.

export const VIEWS = ['home', 'register', 'deals', 'training', 'tier', 'mdf', 'assets'] as const;
export type View = (typeof VIEWS)[number];

/** Older links (`#register`, `#registrations`) still lead to their views. */
const ALIASES: Record<string, View> = { registrations: 'deals' };

/** The view a hash asks for: `#/deals`, `#deals`, or home for anything else. */
export function viewOf(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : (ALIASES[name] ?? 'home');
}

/**
 * Shows `view` inside `root` and hides the others, marks its link in `nav` as the current page,
 * and, when the partner moved there (not on the first load), puts focus on the view's heading so
 * that a screen reader announces it and the keyboard starts from there.
 */
export function showView(
  root: ParentNode,
  nav: ParentNode,
  view: View,
  moveFocus: boolean,
): HTMLElement | null {
  let shown: HTMLElement | null = null;
  for (const section of root.querySelectorAll<HTMLElement>('section.view')) {
    const active = section.dataset.view === view;
    section.hidden = !active;
    if (!active) continue;
    shown = section;
    // The component waits in a template until its view is first shown.
    const template = section.querySelector(':scope > template') as HTMLTemplateElement | null;
    template?.replaceWith(template.content.cloneNode(true));
  }
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-view]')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (moveFocus) shown?.querySelector<HTMLElement>('h1')?.focus();
  return shown;
}
