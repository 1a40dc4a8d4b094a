// The shared blocks on their own, in hosts that use them the way a component would: two forms in
// one shadow root, and a list with a local filter and a search.
import '../define/pk-portal.js';
import '../define/pk-field.js';
import { expect, html as fixtureHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { mount, pause, shadow, text, waitUntil } from '../../test/helpers.js';
import type { PkField } from '../field/field.js';
import { PkElement } from './element.js';
import { FormController, formStyles } from './form.js';
import { ListController } from './list.js';
import { base } from './styles.js';

interface Sent {
  form: string;
  input: unknown;
  key: string;
}

/** Two forms of one component: a request and a claim, as the MDF component has them. */
class PkTwoForms extends PkElement {
  static override styles = [base, formStyles];
  sent: Sent[] = [];
  /** The next answer of `send`: a result, or an error to throw. */
  answer: unknown = 'ok';
  done: string[] = [];

  #form(id: string) {
    return new FormController(this, {
      operation: 'mdf.createRequest',
      id,
      with: () => ({ fundId: `fund_${id}` }),
      send: async (input, { idempotencyKey }) => {
        this.sent.push({ form: id, input, key: idempotencyKey });
        if (this.answer instanceof Error) throw this.answer;
        return this.answer;
      },
      done: () => this.done.push(id),
    });
  }

  readonly request = this.#form('r');
  readonly claim = this.#form('c');

  protected override render() {
    return html`${[this.request, this.claim].map((form) =>
      form.render(html`${form.field('/title', 'Title', { required: true })}
${form.field('/leads', 'Leads', { type: 'number', min: 0 })}<button type="submit">Send</button>`),
    )}`;
  }
}
customElements.define('pk-two-forms', PkTwoForms);

describe('FormController', () => {
  it('keeps two forms of one shadow root apart: fields, summaries, inputs and keys', async () => {
    const { el } = await mount<PkTwoForms>(fixtureHtml`<pk-two-forms></pk-two-forms>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const forms = [...root.querySelectorAll('form')];
    expect(forms.map((f) => f.id)).to.deep.equal(['rform', 'cform']);
    // The claim alone is submitted empty: only its summary shows, and it has the focus.
    forms[1]!.requestSubmit();
    await waitUntil(() => root.querySelector('#csummary'), 'no summary of the claim');
    expect(root.querySelector('#rsummary')).to.equal(null);
    expect(root.activeElement).to.equal(root.querySelector('#csummary'));
    const link = root.querySelector<HTMLAnchorElement>('#csummary a')!;
    expect(text(link)).to.equal('Title: This field is required.');
    link.click();
    const claimTitle = root.querySelector<PkField>('#cform pk-field[name="/title"]')!;
    expect(root.activeElement).to.equal(claimTitle);
    // Typing into the claim keeps its values; the request's stay empty.
    await sendKeys({ type: 'Roadshow' });
    await el.updateComplete;
    expect(el.claim.values).to.deep.equal({ '/title': 'Roadshow' });
    expect(el.request.values).to.deep.equal({});
    const leads = root.querySelector<PkField>('#cform pk-field[name="/leads"]')!;
    leads.value = '40';
    leads.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    forms[1]!.requestSubmit();
    await waitUntil(() => el.done.length === 1, 'the claim was not sent');
    expect(el.sent).to.have.length(1);
    expect(el.sent[0]).to.include({ form: 'c' });
    // What `with()` adds, and the fields by their pointers, numbers as numbers.
    expect(el.sent[0]!.input).to.deep.equal({ fundId: 'fund_c', title: 'Roadshow', leads: 40 });
    // Sent: the form starts afresh.
    await el.updateComplete;
    expect(el.claim.values).to.deep.equal({});
    expect(claimTitle.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('keeps the key while the outcome is unknown, and takes a new one after a refusal', async () => {
    const { el } = await mount<PkTwoForms>(fixtureHtml`<pk-two-forms></pk-two-forms>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const title = root.querySelector<PkField>('#rform pk-field[name="/title"]')!;
    title.value = 'Webinar';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const form = root.querySelector<HTMLFormElement>('#rform')!;
    const { PartnerkitError } = await import('@partnerkit/sdk');
    el.answer = new PartnerkitError({ kind: 'network', detail: 'offline' });
    form.requestSubmit();
    await waitUntil(() => root.querySelector('#rsummary'), 'no summary');
    expect(text(root.querySelector('#rsummary h2'))).to.contain('could not be reached');
    // The retry button of the summary sends the same input with the same key.
    root.querySelector<HTMLButtonElement>('#rsummary button')!.click();
    await waitUntil(() => el.sent.length === 2, 'no retry');
    expect(el.sent[1]!.key).to.equal(el.sent[0]!.key);
    // A refusal for good, with a field error: the error lands on its field, the key is spent.
    el.answer = new PartnerkitError({
      kind: 'validation',
      status: 400,
      code: 'validation_failed',
      errors: [{ pointer: '/title', code: 'max_length', message: 'too long' }],
    });
    form.requestSubmit();
    await waitUntil(() => title.error, 'no field error');
    expect(title.error).to.equal('Enter a valid value.');
    el.answer = 'ok';
    title.value = 'Webinar, shorter';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    form.requestSubmit();
    await waitUntil(() => el.done.includes('r'), 'not sent');
    expect(el.sent).to.have.length(4);
    expect(el.sent[3]!.key).to.not.equal(el.sent[2]!.key);
    expect(el.sent[2]!.key).to.equal(el.sent[0]!.key);
  });
});

/** A form with a part beyond its fields (files), checked with them, and refusals in its own words. */
class PkCheckedForm extends PkElement {
  static override styles = [base, formStyles];
  attached = false;
  answer: unknown = 'ok';
  readonly form = new FormController(this, {
    operation: 'mdf.createClaim',
    with: () => ({
      requestId: 'mdfr_1',
      amount: { currency: 'EUR' },
      proofs: this.attached
        ? [{ fileName: 'a.pdf', contentType: 'application/pdf' as const, dataBase64: 'JVBERi0=' }]
        : [],
    }),
    check: () =>
      this.attached
        ? []
        : [{ text: 'Files: attach one.', field: this.renderRoot.querySelector<HTMLElement>('#files')! }],
    explain: ({ code, pointer }) =>
      code === 'exceeds_approved'
        ? 'Less, please.'
        : pointer.startsWith('/proofs/')
          ? `a.pdf: ${code}`
          : undefined,
    convert: (name, text) => (name === '/amount/amount' ? Number(text) * 100 : undefined),
    send: async () => {
      if (this.answer instanceof Error) throw this.answer;
      return this.answer as never;
    },
    done: () => {},
  });

  protected override render() {
    return this.form.render(html`${this.form.field('/amount/amount', 'Spend', { required: true })}
<button id="files" type="button">Files</button><button type="submit">Send</button>`);
  }
}
customElements.define('pk-checked-form', PkCheckedForm);

describe('FormController beyond its fields', () => {
  it('checks what is not a field with the fields, and words refusals as the component says', async () => {
    const { el } = await mount<PkCheckedForm>(fixtureHtml`<pk-checked-form></pk-checked-form>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const spend = root.querySelector<PkField>('pk-field')!;
    spend.value = '12';
    spend.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.form.form!.requestSubmit();
    await waitUntil(() => root.querySelector('#summary'), 'no summary');
    expect([...root.querySelectorAll('#summary li')].map((li) => text(li))).to.deep.equal([
      'Files: attach one.',
    ]);
    root.querySelector<HTMLAnchorElement>('#summary a')!.click();
    expect(root.activeElement).to.equal(root.querySelector('#files'));
    // The parts of the input beside the fields, and nested under them.
    el.attached = true;
    expect(el.form.input()).to.deep.equal({
      requestId: 'mdfr_1',
      amount: { currency: 'EUR', amount: 1200 },
      proofs: [{ fileName: 'a.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0=' }],
    });
    const { PartnerkitError } = await import('@partnerkit/sdk');
    el.answer = new PartnerkitError({
      kind: 'validation',
      status: 422,
      code: 'exceeds_approved',
      errors: [
        {
          pointer: '/amount/amount',
          code: 'exceeds_approved',
          message: 'The claimed amount (1200) is above 1000.',
        },
        { pointer: '/proofs/0/dataBase64', code: 'content_type_mismatch', message: 'The file is not a PDF.' },
        { pointer: '/results', code: 'required', message: 'is required' },
      ],
    });
    el.form.form!.requestSubmit();
    await waitUntil(() => spend.error, 'no field error');
    expect(spend.error).to.equal('Less, please.');
    expect([...root.querySelectorAll('#summary li')].map((li) => text(li))).to.deep.equal([
      'Spend: Less, please.',
      'a.pdf: content_type_mismatch',
      'This field is required.',
    ]);
    await expect(el).to.be.accessible();
  });
});

interface Item {
  id: string;
  name: string;
  kind: 'a' | 'b';
}

/** A list of 25 items, filtered locally by kind and searched by name. */
class PkSomeList extends PkElement {
  static override properties = { kind: {} };
  kind = '';
  loads = 0;
  failNext = false;
  readonly list = new ListController<Item>(this, {
    operation: 'items.list',
    page: async (cursor) => {
      this.loads++;
      if (cursor && this.failNext) {
        this.failNext = false;
        throw new Error('offline');
      }
      const from = Number(cursor ?? 0);
      const items = Array.from({ length: Math.min(10, 25 - from) }, (_, k): Item => {
        const i = from + k;
        return { id: `i${i}`, name: `Item ${i}`, kind: i % 2 ? 'b' : 'a' };
      });
      return { items, nextCursor: from + 10 < 25 ? String(from + 10) : null };
    },
    args: () => (this.portal ? [this.portal.client] : undefined),
  });

  protected override render() {
    const q = this.list.search.toLowerCase();
    return html`${this.list.render(
      {
        loading: 'Loading',
        empty: () => html`<p class="empty">Nothing</p>`,
        items: (items) => html`<ul>${items.map((i) => html`<li>${i.name}</li>`)}</ul>`,
      },
      (i) => (!this.kind || i.kind === this.kind) && i.name.toLowerCase().includes(q),
    )}`;
  }
}
customElements.define('pk-some-list', PkSomeList);

const names = (el: Element) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => text(li));

describe('ListController', () => {
  it('pages, filters what is loaded locally, and searches after a pause in typing', async () => {
    const { el } = await mount<PkSomeList>(fixtureHtml`<pk-some-list></pk-some-list>`);
    await shadow(el, 'li');
    expect(names(el)).to.have.length(10);
    el.kind = 'b';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Item 1', 'Item 3', 'Item 5', 'Item 7', 'Item 9']);
    expect(el.loads).to.equal(1);
    // The search waits for the pause: typing on restarts the wait.
    el.list.setSearch('Item 1', 30);
    el.list.setSearch('Item 9', 30);
    await el.updateComplete;
    expect(names(el)).to.have.length(5);
    await pause(60);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Item 9']);
    el.list.setSearch('nothing like it', 0);
    await pause(10);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.empty')).to.not.equal(null);
    // "Show more" is still offered: the next page may have matches.
    expect(el.shadowRoot!.querySelector('[part~=more]')).to.not.equal(null);
  });

  it('shows a failed "Show more" with a retry, keeping what is loaded', async () => {
    const { el } = await mount<PkSomeList>(fixtureHtml`<pk-some-list></pk-some-list>`);
    await shadow(el, 'li');
    el.failNext = true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=more]')!.click();
    const failed = await shadow(el, '[part~=error][role=alert]');
    expect(text(failed)).to.contain('Something went wrong');
    expect(names(el)).to.have.length(10);
    // Retrying asks for the same page again, and the list goes on to its end.
    failed.querySelector('button')!.click();
    await waitUntil(() => names(el).length === 20, 'the retry did not load the next page');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=more]')!.click();
    await waitUntil(() => names(el).length === 25, 'no last page');
    expect(el.shadowRoot!.querySelector('[part~=more]')).to.equal(null);
  });
});
