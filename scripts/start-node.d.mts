import type { ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  /** The first capture group of the line that said the process is ready (its URL). */
  url: string;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function startNode(args: string[], ready: RegExp, timeoutMs?: number): Promise<Started>;
