/**
 * Registers a tag once. When the tag is already taken (another copy or version of the kit on the
 * page), it keeps the first definition and says so, rather than throwing.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) {
    console.warn(
      `<${tag}> is already defined by another copy of @partnerkit/elements; this copy is not registered.`,
    );
  }
}
