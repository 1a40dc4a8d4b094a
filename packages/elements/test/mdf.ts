// Helpers of the <pk-mdf-request> tests: waiting for the fund and the requests, reading the
// figures and the rows, opening the forms, and proof files of any type and size.
import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { PkMdfRequest } from '../src/mdf-request/mdf-request.js';
import { text } from './helpers.js';
import { halfYear, type MockFund } from './mock/mdf.js';

export const mdfRequestTag = html`<pk-mdf-request></pk-mdf-request>`;

const root = (el: PkMdfRequest) => el.shadowRoot!;

/** Waits until the fund and the first page of its requests (or that there are none) have loaded. */
export async function loaded(el: PkMdfRequest): Promise<void> {
  await waitUntil(
    () => {
      const r = root(el);
      return (
        r?.querySelector('[part~=figures]') &&
        r.querySelector('[part~=list], section [part~=empty]') &&
        ![...r.querySelectorAll('dd')].some((d) => d.textContent === '…')
      );
    },
    'the fund and its requests did not load',
    { timeout: 5000 },
  );
}

/** The fund's figures by their labels, as shown. */
export const figures = (el: PkMdfRequest): Record<string, string> =>
  Object.fromEntries(
    [...root(el).querySelectorAll('[part~=figures] > div')].map((d) => [
      text(d.querySelector('dt')),
      text(d.querySelector('dd')),
    ]),
  );

/** The rows of the list of requests. */
export const rows = (el: PkMdfRequest): HTMLElement[] => [
  ...root(el).querySelectorAll<HTMLElement>('[part~=row]'),
];

/** The row of the request titled `title`. */
export function row(el: PkMdfRequest, title: string): HTMLElement {
  const found = rows(el).find((r) => text(r.querySelector('h3')) === title);
  if (!found) throw new Error(`no request titled ${title}`);
  return found;
}

/** A row's button with the text `label`. */
export function button(scope: Element | ShadowRoot, label: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

/** Opens the request form, and waits for its fields. */
export async function openRequestForm(el: PkMdfRequest): Promise<HTMLFormElement> {
  root(el).querySelector<HTMLButtonElement>('#ask')!.click();
  await waitUntil(() => root(el).querySelector('#rform pk-field'), 'the request form did not open', {
    timeout: 5000,
  });
  return root(el).querySelector<HTMLFormElement>('#rform')!;
}

/** Opens the claim form of the request titled `title`, and waits for its fields. */
export async function openClaimForm(el: PkMdfRequest, title: string): Promise<HTMLFormElement> {
  row(el, title).querySelector<HTMLButtonElement>('button[id^="to-"]')!.click();
  await waitUntil(() => root(el).querySelector('#cform pk-field'), 'the claim form did not open', {
    timeout: 5000,
  });
  return root(el).querySelector<HTMLFormElement>('#cform')!;
}

/** A day `days` from today, as a date field holds it. */
export const inDays = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every field of the request form filled in, as a partner would leave it (amount as given). */
export const requestValues = (amount: string): Record<string, string> => ({
  '/activityType': 'webinar',
  '/title': 'Webinar: Acme Flow for logistics teams',
  '/description': 'A live webinar with a customer guest, promoted to our installed base.',
  '/startsOn': inDays(20),
  '/endsOn': inDays(21),
  '/requestedAmount/amount': amount,
  '/expectedOutcome/leads': '40',
  '/expectedOutcome/pipeline/amount': '50,000',
});

/** Every field of the claim form but its files. */
export const claimValues = (amount: string): Record<string, string> => ({
  '/amount/amount': amount,
  '/results/leads': '55',
  '/results/pipeline/amount': '80,000',
  '/results/notes': 'Sixty attended; twelve asked for a workshop.',
});

/** A fund of the current period with nothing requested yet. */
export const emptyFund = (allocated: number, currency = 'EUR'): MockFund => ({
  id: `fund_${currency.toLowerCase()}`,
  period: halfYear(Date.now()),
  currency,
  allocated,
});

const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** A file of `size` bytes that starts as a real file of `type` does (unless `signature` is false). */
export function proofFile(name: string, type = 'application/pdf', size = 2048, signature = true): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 251;
  if (signature) bytes.set((SIGNATURES[type] ?? []).slice(0, size));
  return new File([bytes], name, { type });
}

/** The files as a `DataTransfer`, as a drop or a file chooser hands them over. */
export function transfer(...files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
}

/** Drops `files` on the claim form's drop zone. */
export async function drop(el: PkMdfRequest, ...files: File[]): Promise<void> {
  const zone = root(el).querySelector('[part~=files]')!;
  const dataTransfer = transfer(...files);
  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
}

/** Chooses `files` with the claim form's file input, as the browser's file chooser would. */
export function choose(el: PkMdfRequest, ...files: File[]): void {
  const input = root(el).querySelector<HTMLInputElement>('#cfile')!;
  input.files = transfer(...files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The names of the files attached to the claim form. */
export const attached = (el: PkMdfRequest): string[] =>
  [...root(el).querySelectorAll('[part~=file-list] li > span:first-child')].map((s) => text(s));

/** Waits until `n` files are attached. */
export async function attachedCount(el: PkMdfRequest, n: number): Promise<void> {
  await waitUntil(() => attached(el).length === n, `expected ${n} files attached`, { timeout: 5000 });
}
