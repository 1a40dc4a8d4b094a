import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a `Load` stands, numbered as `@lit/task` does: 0 not started, 1 running, 2 done, 3 failed. */
export type LoadStatus = 0 | 1 | 2 | 3;

/**
 * An async job of a component, as `@lit/task` runs one: it starts when the component updates with
 * new arguments (`args()` returns an array whose items changed; `undefined` while the job cannot
 * run) or on `run()`. A new run aborts the `AbortSignal` of the one before, and only the newest
 * run's outcome is kept. Every change of status updates the component.
 */
export class Load<T> implements ReactiveController {
  status: LoadStatus = 0;
  value?: T;
  error?: unknown;
  #last?: unknown[];
  #controller?: AbortController;

  readonly #host: ReactiveControllerHost;
  readonly #job: (signal: AbortSignal) => Promise<T>;
  readonly #args: (() => unknown[] | undefined) | undefined;

  constructor(
    host: ReactiveControllerHost,
    job: (signal: AbortSignal) => Promise<T>,
    args?: () => unknown[] | undefined,
  ) {
    this.#host = host;
    this.#job = job;
    this.#args = args;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#args?.();
    if (args?.some((arg, i) => arg !== this.#last?.[i])) {
      this.#last = args;
      this.run();
    }
  }

  async run(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 1;
    this.#host.requestUpdate();
    let status: LoadStatus = 2;
    let outcome: unknown;
    try {
      outcome = await this.#job(controller.signal);
    } catch (error) {
      outcome = error;
      status = 3;
    }
    if (controller !== this.#controller) return;
    if (status === 3) this.error = outcome;
    else this.value = outcome as T;
    this.status = status;
    this.#host.requestUpdate();
  }
}
