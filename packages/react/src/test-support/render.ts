// Rendering React trees in the browser tests: a root per test in a fresh container, every update
// inside `act()` so effects (where @lit/react sets properties and listeners) have run when it
// resolves. Works with React 18.3 and 19, which both export `act` from 'react'.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  host: HTMLElement;
  rerender(ui: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

const mounted = new Set<Rendered>();

export async function render(ui: ReactNode): Promise<Rendered> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const rendered: Rendered = {
    host,
    rerender: (next) => act(async () => root.render(next)),
    unmount: async () => {
      mounted.delete(rendered);
      await act(async () => root.unmount());
      host.remove();
    },
  };
  mounted.add(rendered);
  await rendered.rerender(ui);
  return rendered;
}

/** Unmounts what the test rendered (for `afterEach`). */
export async function cleanup(): Promise<void> {
  for (const rendered of [...mounted]) await rendered.unmount();
}

/** The one element of `tag` in `host`. */
export function one<E extends Element>(host: ParentNode, tag: string): E {
  const found = host.querySelectorAll<E>(tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0]!;
}
