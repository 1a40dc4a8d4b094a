// The autoloader's engine: registers `pk-*` tags as they appear in a page, each by loading its
// define module once, on demand. `dist/autoloader.js` (built by `cdn/build.mjs`) starts it with a
// loader for every module of `src/define/`, so a CMS page needs one `<script type="module">`.

/** Loads the module that defines one tag, by tag name (`pk-deal-list`). */
export type TagLoaders = Readonly<Record<string, () => Promise<unknown>>>;

export interface Autoloader {
  /**
   * Defines the undefined `pk-*` tags in `root` (and in the open shadow roots inside it), and
   * watches it for more. Call it for a shadow root the autoloader cannot see: a closed one, or one
   * attached after its host was added. Resolves when every tag it found is defined (or failed).
   */
  discover(root: Document | ShadowRoot | Element): Promise<void>;
  /** Stops watching: tags added from now on are left alone. */
  disconnect(): void;
}

const PREFIX = 'pk-';

/**
 * Starts an autoloader over `root` (the document by default): the tags in it now, and those added
 * later, in it and in every open shadow root it comes across (a `MutationObserver` on each).
 * A tag is loaded once; a tag already defined (by a define module the page imported itself, or by
 * another copy of the kit) is not loaded again; an unknown `pk-` tag warns once.
 */
export function startAutoloader(loaders: TagLoaders, root: Document | ShadowRoot = document): Autoloader {
  const loading = new Map<string, Promise<void>>();
  const warned = new Set<string>();
  const watched = new WeakSet<Node>();

  const load = (tag: string): Promise<void> | undefined => {
    const known = loading.get(tag);
    if (known) return known;
    if (customElements.get(tag)) return undefined;
    const loader = Object.hasOwn(loaders, tag) ? loaders[tag] : undefined;
    if (!loader) {
      if (!warned.has(tag)) {
        warned.add(tag);
        console.warn(
          `@partnerkit/elements: <${tag}> is not a Partnerkit element (known: ${Object.keys(loaders).join(', ')}); it stays undefined.`,
        );
      }
      return undefined;
    }
    const done = loader().then(
      () => undefined,
      (error: unknown) => {
        // Forgotten, so the tag is tried again when it next appears (the network may be back).
        loading.delete(tag);
        console.error(`@partnerkit/elements: <${tag}> failed to load.`, error);
      },
    );
    loading.set(tag, done);
    return done;
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) void scan(node);
    }
  });

  const watch = (node: Document | ShadowRoot) => {
    if (watched.has(node)) return;
    watched.add(node);
    observer.observe(node, { childList: true, subtree: true });
  };

  /** Loads every undefined `pk-*` tag in `node`, itself included; watches open shadow roots. */
  const scan = (node: Document | ShadowRoot | Element): Promise<void> => {
    const pending: Promise<void>[] = [];
    const visit = (el: Element) => {
      if (el.localName.startsWith(PREFIX)) {
        const done = load(el.localName);
        if (done) pending.push(done);
      }
      if (el.shadowRoot) {
        watch(el.shadowRoot);
        for (const inner of el.shadowRoot.querySelectorAll('*')) visit(inner);
      }
    };
    if (node instanceof Element) visit(node);
    for (const el of node.querySelectorAll('*')) visit(el);
    return Promise.all(pending).then(() => undefined);
  };

  watch(root);
  void scan(root);
  return {
    discover(node) {
      if (!(node instanceof Element)) watch(node);
      return scan(node);
    },
    disconnect() {
      observer.disconnect();
    },
  };
}
