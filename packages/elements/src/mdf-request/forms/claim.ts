// The claim form of `<pk-mdf-request>`: the actual spend against one approved request (never above
// what is left of the approved amount), the proof-of-performance files (checked against the
// contract's limits before anything is sent, read as base64 in the browser), and the results.
import type { MdfClaim, MdfRequest, ProofFileInput } from '@partnerkit/api';
import type { PartnerkitClient } from '@partnerkit/sdk';
import { html, type TemplateResult } from 'lit';
import type { PkElement } from '../../internal/element.js';
import { FormController } from '../../internal/form.js';
import { claimable } from '../shared.js';
import { amountSpec, formsCatalog, leadsSpec } from './money.js';

type Type = ProofFileInput['contentType'];
/** The contract's `ProofFileInput.contentType`. */
const TYPES: Type[] = ['application/pdf', 'image/png', 'image/jpeg'];
/** The contract's `MdfClaimInput.proofs` `maxItems`. */
const MOST = 5;
/**
 * The largest file: 5 MiB, what the server decodes at most; the contract's `dataBase64`
 * `maxLength` of 7,000,000 characters allows a little more (5,250,000 bytes).
 */
const LARGEST = 5 * 1024 * 1024;
const MIB = 1024 * 1024;

/** A proof file as the partner attached it, read as base64. */
export interface Proof {
  name: string;
  type: Type;
  size: number;
  data: string;
  /** What the server said of it. */
  error?: string;
}

/** The file as base64 (its data URL without the prefix). */
const base64 = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The claim form of one request at a time, with its files. */
export class Claim {
  /** The request being claimed; `undefined` while the form is closed. */
  request?: MdfRequest | undefined;
  files: Proof[] = [];
  /** What was wrong with the files of the last choice or drop, each naming its file. */
  errors: string[] = [];
  /** A file is dragged over the drop zone. */
  over = false;
  readonly form: FormController<'mdf.createClaim', MdfClaim>;
  readonly #host: PkElement;

  constructor(
    host: PkElement,
    client: () => PartnerkitClient,
    done: (claim: MdfClaim, request: MdfRequest) => void,
    refresh: (request: MdfRequest) => void,
  ) {
    this.#host = host;
    const currency = () => this.request!.requestedAmount.currency;
    this.form = new FormController(host, {
      operation: 'mdf.createClaim',
      id: 'c',
      with: () => ({
        requestId: this.request!.id,
        amount: { currency: currency() },
        results: { pipeline: { currency: currency() } },
        proofs: this.files.map((f) => ({ fileName: f.name, contentType: f.type, dataBase64: f.data })),
      }),
      convert: (name, text) => (name.endsWith('amount') ? host.format.minor(text, currency()) : undefined),
      send: ({ requestId, ...input }, options) => client().mdf.createClaim(requestId, input, options),
      done: (claim) => {
        const request = this.request!;
        this.close();
        done(claim, request);
      },
      check: () => {
        if (this.files.length) return [];
        const t = host.strings(formsCatalog);
        this.errors = [t.noFiles];
        return [{ text: `${t.proofs}: ${t.noFiles}`, field: this.#button }];
      },
      explain: ({ pointer, code }) => {
        const t = host.strings(formsCatalog);
        if (code === 'exceeds_approved') return t.exceedsApproved;
        const file = this.files[Number(/^\/proofs\/(\d+)/.exec(pointer)?.[1] ?? Number.NaN)];
        if (!file) return undefined;
        file.error = code === 'content_type_mismatch' ? t.mismatch : t.unreadable;
        return `${file.name}: ${file.error}`;
      },
      refused: (e) => {
        // What is left to claim changed on the server: show it as it is now.
        if (e.errors.some((x) => x.code === 'exceeds_approved'))
          client()
            .mdf.getRequest(this.request!.id)
            .then(refresh, () => {});
        return [];
      },
    });
  }

  get #button(): HTMLElement | undefined {
    return this.#host.renderRoot.querySelector<HTMLElement>('#cfiles') ?? undefined;
  }

  /** Opens the form for `request`, with its draft from `storageKey`; focus goes to its first field. */
  open(request: MdfRequest, storageKey: string): void {
    this.request = request;
    this.files = [];
    this.errors = [];
    this.form.restore(storageKey);
    this.#host.focusLater('#cform pk-field');
  }

  /** Closes the form (its draft stays for the next time); focus goes back to its button. */
  close(): void {
    this.#host.focusLater(`#to-${this.request?.id}`);
    this.request = undefined;
    this.#host.requestUpdate();
  }

  /** Puts the request as it is now in place of the one claimed. */
  update(request: MdfRequest): void {
    if (this.request?.id === request.id) this.request = request;
  }

  /**
   * Attaches files after checking each against the contract's limits (type, size, name, count);
   * a file that fails is left out, and `errors` says why, naming it.
   */
  async add(files: Iterable<File>): Promise<void> {
    const host = this.#host;
    const t = host.strings(formsCatalog);
    const errors: string[] = [];
    for (const file of files) {
      const type = file.type as Type;
      let why = !TYPES.includes(type)
        ? t.notType
        : !file.size
          ? t.blank
          : file.size > LARGEST
            ? t.tooBig(this.#mb(LARGEST))
            : file.name.length > 200 || /[/\\]/.test(file.name)
              ? t.badName
              : '';
      if (!why) {
        try {
          const data = await base64(file);
          if (this.files.length < MOST)
            this.files = [...this.files, { name: file.name, type, size: file.size, data }];
          else why = t.tooMany;
        } catch {
          why = t.unreadable;
        }
      }
      if (why) errors.push(`${file.name}: ${why}`);
    }
    this.errors = errors;
    host.requestUpdate();
  }

  #remove(index: number): void {
    this.files = this.files.filter((_, i) => i !== index);
    this.errors = [];
    this.#host.requestUpdate();
    this.#button?.focus();
  }

  /** A size in megabytes (of 1,048,576 bytes), or kilobytes below one. */
  #mb(bytes: number): string {
    const big = bytes >= MIB;
    return this.#host.format.number(big ? bytes / MIB : Math.max(1, Math.round(bytes / 1024)), {
      style: 'unit',
      unit: big ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    });
  }

  readonly #drag = (e: DragEvent): void => {
    e.preventDefault();
    this.over = e.type === 'dragover';
    if (e.type === 'drop') this.add(e.dataTransfer?.files ?? []);
    this.#host.requestUpdate();
  };

  readonly #chosen = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    this.add([...(input.files ?? [])]).then(() => {
      input.value = '';
    });
  };

  render(): TemplateResult {
    const host = this.#host;
    const t = host.strings(formsCatalog);
    const form = this.form;
    const r = this.request!;
    const currency = r.requestedAmount.currency;
    const left = claimable(r);
    return html`<div part="claim">${form.render(html`<fieldset><legend>${t.claimFor(r.title)}</legend>
${form.field('/amount/amount', t.spend, amountSpec(host, currency, t.spendHint(host.format.money({ amount: left, currency })), left, t.aboveApproved))}
<div part="files" class=${this.over ? 'over' : ''} @dragover=${this.#drag} @dragleave=${this.#drag} @drop=${this.#drag}>
<span class="label" id="cfiles-label">${t.proofs}</span><span part="hint" id="cfiles-hint">${t.proofsHint(this.#mb(LARGEST))}</span>
${this.errors.length ? html`<div part="error" role="alert"><ul>${this.errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
<div><button part="button" type="button" id="cfiles" aria-describedby="cfiles-label cfiles-hint" @click=${() => host.renderRoot.querySelector<HTMLInputElement>('#cfile')!.click()}>${t.choose}</button>
<input id="cfile" type="file" hidden multiple accept=${[...TYPES, '.pdf,.png,.jpg,.jpeg'].join()} @change=${this.#chosen}></div>
${
  this.files.length
    ? html`<ul part="file-list">${this.files.map(
        (f, i) => html`<li><span>${f.name}</span> <span class="muted">${this.#mb(f.size)}</span>
${f.error ? html`<span part="error">${f.error}</span>` : ''}<button part="button" type="button" @click=${() => this.#remove(i)}>${t.remove}<span class="sr"> ${f.name}</span></button></li>`,
      )}</ul>`
    : ''
}</div>
${form.field('/results/leads', t.resultLeads, leadsSpec(host))}
${form.field('/results/pipeline/amount', t.resultPipeline, amountSpec(host, currency, ''))}
${form.field('/results/notes', t.notes, { type: 'textarea', maxlength: 4000 })}</fieldset>
<div class="actions"><button part="button submit" class="primary" type="submit" aria-disabled=${form.submitting}>${form.submitting ? t.sending : t.sendClaim}</button>
<button part="button" type="button" @click=${() => this.close()}>${t.cancel}</button></div>`)}</div>`;
  }
}
