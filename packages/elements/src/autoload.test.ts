import { expect } from '@open-wc/testing';
import { waitUntil } from '../test/helpers.js';
import { type Autoloader, startAutoloader } from './autoload.js';

/** A unique tag name per test, so definitions of one test never meet another's. */
let seq = 0;
const tag = (name: string) => `pk-auto-${name}-${seq++}`;

/** Loaders that define their tag when called, counting the calls. */
function loadersFor(...tags: string[]) {
  const calls = new Map<string, number>();
  const loaders = Object.fromEntries(
    tags.map((t) => [
      t,
      async () => {
        calls.set(t, (calls.get(t) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        customElements.define(t, class extends HTMLElement {});
      },
    ]),
  );
  return { loaders, calls };
}

function captureWarnings() {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = warn) };
}

describe('startAutoloader', () => {
  let autoloader: Autoloader | undefined;
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    autoloader?.disconnect();
    autoloader = undefined;
    host.remove();
  });

  it('defines the tags already in the page, each loaded once however often it appears', async () => {
    const [a, b] = [tag('a'), tag('b')];
    host.innerHTML = `<${a}></${a}><section><${a}></${a}><${b}></${b}></section>`;
    const { loaders, calls } = loadersFor(a, b);
    autoloader = startAutoloader(loaders);
    await waitUntil(() => customElements.get(a) && customElements.get(b), 'not defined');
    expect(host.querySelectorAll(':not(:defined)')).to.have.length(0);
    expect([calls.get(a), calls.get(b)]).to.deep.equal([1, 1]);
  });

  it('defines tags added later, at any depth, and loads nothing it does not meet', async () => {
    const [early, late, unused] = [tag('early'), tag('late'), tag('unused')];
    const { loaders, calls } = loadersFor(early, late, unused);
    autoloader = startAutoloader(loaders);
    await Promise.resolve();
    expect(calls.size).to.equal(0);
    host.innerHTML = `<article><p><${early}></${early}></p></article>`;
    await waitUntil(() => customElements.get(early), `<${early}> added later is not defined`);
    const deep = document.createElement('div');
    deep.innerHTML = `<ul><li><${late}></${late}></li></ul>`;
    host.append(deep);
    host.append(document.createElement(late));
    await waitUntil(() => customElements.get(late), `<${late}> added later is not defined`);
    expect(calls.get(late)).to.equal(1);
    expect(calls.has(unused)).to.equal(false);
  });

  it('finds tags in open shadow roots it sees, and in those added to them later', async () => {
    const [inside, later] = [tag('inside'), tag('later')];
    const { loaders } = loadersFor(inside, later);
    const shell = document.createElement('div');
    const root = shell.attachShadow({ mode: 'open' });
    root.innerHTML = `<${inside}></${inside}>`;
    host.append(shell);
    autoloader = startAutoloader(loaders);
    await waitUntil(() => customElements.get(inside), 'a tag in an open shadow root is not defined');
    root.append(document.createElement(later));
    await waitUntil(() => customElements.get(later), 'a tag added to a watched shadow root is not defined');
  });

  it('discover() reaches a root it cannot see on its own (a closed shadow root)', async () => {
    const hidden = tag('hidden');
    const { loaders, calls } = loadersFor(hidden);
    autoloader = startAutoloader(loaders);
    const shell = document.createElement('div');
    const root = shell.attachShadow({ mode: 'closed' });
    host.append(shell);
    root.innerHTML = `<${hidden}></${hidden}>`;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.has(hidden)).to.equal(false);
    await autoloader.discover(root);
    expect(customElements.get(hidden)).to.not.equal(undefined);
  });

  it('warns once for an unknown pk- tag, and leaves other tags alone', async () => {
    const known = tag('known');
    const unknown = tag('unknown');
    const { loaders } = loadersFor(known);
    const { warnings, restore } = captureWarnings();
    try {
      host.innerHTML = `<${unknown}></${unknown}><my-widget></my-widget><${known}></${known}>`;
      autoloader = startAutoloader(loaders);
      host.append(document.createElement(unknown));
      await waitUntil(() => customElements.get(known), 'not defined');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const about = warnings.filter((w) => w.includes(`<${unknown}>`));
      expect(about).to.have.length(1);
      expect(about[0]).to.contain('is not a Partnerkit element');
      expect(warnings.some((w) => w.includes('my-widget'))).to.equal(false);
    } finally {
      restore();
    }
  });

  it('does not load a tag another copy already defined, and tries a failed load again', async () => {
    const taken = tag('taken');
    const flaky = tag('flaky');
    customElements.define(taken, class extends HTMLElement {});
    let attempts = 0;
    const errors: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      autoloader = startAutoloader({
        [taken]: () => Promise.reject(new Error('must not load')),
        [flaky]: async () => {
          attempts++;
          if (attempts === 1) throw new Error('offline');
          customElements.define(flaky, class extends HTMLElement {});
        },
      });
      host.innerHTML = `<${taken}></${taken}><${flaky}></${flaky}>`;
      await waitUntil(() => attempts === 1 && errors.length === 1, 'the first load did not fail');
      expect(String((errors[0] as unknown[])[0])).to.contain(`<${flaky}> failed to load`);
      host.append(document.createElement(flaky));
      await waitUntil(() => customElements.get(flaky), 'a failed tag is not tried again');
      expect(attempts).to.equal(2);
    } finally {
      console.error = error;
    }
  });

  it('stops watching after disconnect()', async () => {
    const after = tag('after');
    const { loaders, calls } = loadersFor(after);
    autoloader = startAutoloader(loaders);
    autoloader.disconnect();
    host.append(document.createElement(after));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.has(after)).to.equal(false);
  });
});
