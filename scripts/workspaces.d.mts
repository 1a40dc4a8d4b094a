export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  [field: string]: unknown;
}

export interface Workspace {
  /** The folder, relative to the repository root (`packages/sdk`). */
  dir: string;
  pkg: PackageJson;
}

export const root: string;
export function workspaces(): Workspace[];
export function publishable(): Workspace[];
