// The co-branding dialog of `<pk-asset-library>`, loaded the first time a partner opens a template:
// the template and the partner's details, a live preview, overrides for this download, and the
// downloads (SVG and a PNG made from it here; the server's PDF), each recorded through the SDK.
import type { Asset, AssetDetail, AssetFormat } from '@partnerkit/api';
import { isPartnerkitError } from '@partnerkit/sdk';
import { html, type TemplateResult } from 'lit';
import type { PkField } from '../../field/field.js';
import type { PortalContext } from '../../internal/context.js';
import { Catalog } from '../../internal/i18n.js';
import type { PkAssetLibrary } from '../asset-library.js';
import { save } from '../save.js';
import { cobrandStyles } from './cobrand.styles.js';
import en from './strings/en.js';
import { coBrandSvg, logoData, MAX_LENGTH, partnerValues, png, TEXT_KEYS, type TextKey } from './svg.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

/** The co-branding of one template, shown as a modal dialog inside the library. */
export class CoBrand {
  #host: PkAssetLibrary;
  #portal: PortalContext;
  #asset: Asset;
  #detail?: AssetDetail;
  /** The partner's own details, and the values in use (with this download's overrides). */
  #own?: Record<TextKey, string>;
  #values?: Record<TextKey, string>;
  #logo: string | null = null;
  #hasLogo = false;
  #svg = '';
  /** Whether the page's Trusted Types refused to parse the template. */
  #blocked = false;
  #preview = '';
  #error?: unknown;
  #busy?: AssetFormat;
  /** The format of the last download asked for (a failed one is retried in it). */
  #last: AssetFormat = 'svg';
  #said = '';
  #closed = false;
  /** The fields are being checked before a download. */
  #checking = false;

  constructor(host: PkAssetLibrary, portal: PortalContext, asset: Asset) {
    this.#host = host;
    this.#portal = portal;
    this.#asset = asset;
    const root = host.renderRoot as ShadowRoot;
    if (!root.adoptedStyleSheets.includes(cobrandStyles.styleSheet!))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, cobrandStyles.styleSheet!];
    this.#open();
    void this.#load();
  }

  get #t(): typeof en {
    return this.#host.strings(catalog);
  }

  async #open(): Promise<void> {
    await this.#host.updateComplete;
    const dialog = this.#host.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  async #load(): Promise<void> {
    this.#error = undefined;
    this.#update();
    try {
      const [detail, me] = await Promise.all([
        this.#portal.client.assets.get(this.#asset.id),
        this.#portal.me(),
      ]);
      this.#hasLogo = !!me.partner?.logoUrl;
      this.#logo = await logoData(me.partner?.logoUrl);
      this.#own = partnerValues(me);
      this.#values = { ...this.#own };
      this.#detail = detail;
      this.#build();
    } catch (error) {
      this.#error = this.#host.fail(error, 'assets.get');
    }
    this.#update();
  }

  /** The co-branded SVG and its preview, afresh. */
  #build(): void {
    const template = this.#detail?.template;
    if (!template) return;
    URL.revokeObjectURL(this.#preview);
    const page = template.format === 'pdf' ? (template.slots[0]?.page ?? 1) : 1;
    try {
      this.#svg = coBrandSvg(template, this.#values!, this.#logo, page);
      this.#blocked = false;
    } catch (error) {
      // A template that is not SVG, or a page whose Trusted Types refuse the parse: said so, with
      // nothing to download.
      this.#svg = '';
      this.#blocked = error instanceof TypeError;
      if (this.#blocked)
        console.warn(
          "<pk-asset-library>: this page enforces Trusted Types without the policy 'partnerkit', so templates cannot be previewed. Allow it: trusted-types lit-html partnerkit",
        );
      return;
    }
    this.#preview = URL.createObjectURL(new Blob([this.#svg], { type: 'image/svg+xml' }));
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  #edit(key: TextKey, e: Event): void {
    this.#values = { ...this.#values!, [key]: (e.target as PkField).value as string };
    this.#build();
    this.#update();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    URL.revokeObjectURL(this.#preview);
    // Closing the dialog gives focus back to what had it before: the asset's button.
    this.#host.renderRoot.querySelector('dialog')?.close();
    this.#update();
  }

  /** Records the download, then hands the file to the browser. */
  async #download(format: AssetFormat): Promise<void> {
    if (this.#busy || this.#checking) return;
    this.#checking = true;
    const fields = [...this.#host.renderRoot.querySelectorAll<PkField>('dialog pk-field')];
    // Each field checks the value it shows.
    await Promise.all(fields.map((f) => f.updateComplete));
    const invalid = fields.find((f) => !f.checkValidity());
    this.#checking = false;
    if (invalid) return invalid.focus();
    const detail = this.#detail!;
    this.#busy = this.#last = format;
    this.#error = undefined;
    this.#update();
    try {
      // Made before it is recorded: a PNG that cannot be made is not counted.
      const made =
        format === 'png' ? await png(this.#svg, detail.template!.width, detail.template!.height) : null;
      const overrides = Object.fromEntries(
        TEXT_KEYS.filter((k) => this.#values![k] !== this.#own![k]).map((k) => [k, this.#values![k]]),
      );
      const d = await this.#portal.client.assets.download(detail.id, {
        coBrand: true,
        format,
        fields: overrides,
      });
      const name = d.fileName.replace(/\.[a-z0-9]+$/i, '');
      if (format === 'pdf') save(d.url, d.fileName);
      else {
        const url = URL.createObjectURL(made ?? new Blob([this.#svg], { type: 'image/svg+xml' }));
        save(url, `${name}.${format}`);
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      this.#said = this.#t.downloaded(format === 'pdf' ? d.fileName : `${name}.${format}`);
      this.#host.emit('pk-asset-downloaded', {
        assetId: detail.id,
        format: d.format,
        coBranded: d.coBranded,
      });
    } catch (error) {
      const e = this.#host.fail(error, 'assets.download');
      this.#error = e;
      // Refusals of a field go on the field.
      if (isPartnerkitError(error)) {
        for (const { pointer, message } of error.errors) {
          const field = fields.find((f) => `/fields/${f.name}` === pointer);
          if (field) field.error = message;
        }
      }
    } finally {
      this.#busy = undefined;
      this.#update();
    }
  }

  /** The dialog; nothing once it is closed. */
  render(): TemplateResult | string {
    if (this.#closed) return '';
    const t = this.#t;
    const detail = this.#detail;
    const template = detail?.template;
    const host = this.#host;
    let body: unknown;
    if (this.#error && !detail) body = host.failure(this.#error, () => this.#load());
    else if (!detail) body = host.loading(t.loading);
    else if (!template || !this.#svg)
      body = html`<p role="alert">${this.#blocked ? t.blocked : t.unusable}</p>`;
    else {
      const keys = TEXT_KEYS.filter((k) => template.slots.some((s) => s.key === k));
      const page = template.format === 'pdf' ? (template.slots[0]?.page ?? 1) : 0;
      const logo = template.slots.some((s) => s.key === 'logo') && !this.#logo;
      const formats: AssetFormat[] = template.format === 'svg' ? ['svg', 'png'] : ['pdf'];
      body = html`<div class="cb"><figure><img part="preview" src=${this.#preview} alt=${t.preview(detail.title)}>
${page ? html`<figcaption class="muted">${t.page(page)}</figcaption>` : ''}</figure>
<fieldset><legend>${t.details}</legend><p class="muted">${t.detailsHint}</p>
${logo ? html`<p class="note">${this.#hasLogo ? t.logoMissing : t.noLogo}</p>` : ''}
${keys.map((k) => html`<pk-field name=${k} label=${t.fields[k]} type=${k === 'contact_email' ? 'email' : k === 'contact_phone' ? 'tel' : 'text'} maxlength=${MAX_LENGTH[k]} .value=${this.#values![k]} @input=${(e: Event) => this.#edit(k, e)}></pk-field>`)}</fieldset></div>
${this.#error ? host.failure(this.#error, () => this.#download(this.#last)) : ''}
<div class="actions">${formats.map((f) => html`<button part="button" class="primary" type="button" aria-disabled=${this.#busy === f} @click=${() => this.#download(f)}>${this.#busy === f ? t.preparing : t.download(f.toUpperCase())}</button>`)}</div>`;
    }
    return html`<dialog part="cobrand" aria-labelledby="cb-title" @close=${() => this.#close()}>
<div class="head"><h2 id="cb-title">${t.title(this.#asset.title)}</h2><button part="button" type="button" @click=${() => this.#close()}>${t.close}</button></div>
${body}<div class="sr" role="status">${this.#said}</div></dialog>`;
  }
}
