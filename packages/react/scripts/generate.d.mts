// Types of generate.mjs, for its tests.
export interface Component {
  tag: string;
  className: string;
  summary: string;
  properties: { name: string; attribute?: string; description: string }[];
  attributes: { name: string; field: string }[];
  events: { name: string; prop: string; description: string }[];
  slots: { name: string; description: string }[];
}
export interface Options {
  hasDefineModule?: (tag: string) => boolean;
}
export function componentsOf(manifest: unknown, options?: Options): Component[];
export function generate(
  manifest: unknown,
  options?: Options,
): { components: Component[]; files: Map<string, string> };
export function staleFiles(files: Map<string, string>, dir?: string): Promise<string[]>;
export function readManifest(path?: string): Promise<unknown>;
