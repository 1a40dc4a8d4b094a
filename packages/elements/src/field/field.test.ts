import '../define/pk-field.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shadow, text } from '../../test/helpers.js';
import type { PkField } from './field.js';
import { check } from './validators.js';

const fieldsOf = (form: HTMLFormElement) => [...form.querySelectorAll('pk-field')] as PkField[];
const control = (f: PkField) => f.shadowRoot!.querySelector<HTMLInputElement>('#c')!;
const settle = (form: HTMLFormElement) => Promise.all(fieldsOf(form).map((f) => f.updateComplete));

describe('<pk-field>', () => {
  it('takes part in FormData, reset and disabled fieldsets like a native control', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset>
      <pk-field name="company" label="Company" value="Acme"></pk-field>
      <pk-field name="products" label="Products" type="select" multiple
        .options=${[{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }]}></pk-field>
      <pk-field name="agree" label="I agree" type="checkbox" checked></pk-field>
    </fieldset></form>`);
    await settle(form);
    const [company, products] = fieldsOf(form);
    expect([...new FormData(form)]).to.deep.equal([
      ['company', 'Acme'],
      ['agree', 'on'],
    ]);
    company!.value = 'Globex';
    products!.value = ['a', 'c'];
    await settle(form);
    expect(new FormData(form).getAll('products')).to.deep.equal(['a', 'c']);
    expect(new FormData(form).get('company')).to.equal('Globex');
    form.reset();
    await settle(form);
    expect(company!.value).to.equal('Acme');
    expect(products!.value).to.deep.equal([]);
    form.querySelector('fieldset')!.disabled = true;
    await settle(form);
    expect([...new FormData(form)]).to.deep.equal([]);
    expect(control(company!).disabled).to.equal(true);
  });

  it('restores its state when the browser restores the form', async () => {
    const el = await fixture<PkField>(html`<pk-field name="p" type="select" multiple
      .options=${[{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }]}></pk-field>`);
    const state = new FormData();
    state.append('p', 'b');
    el.formStateRestoreCallback(state);
    await el.updateComplete;
    expect(el.value).to.deep.equal(['b']);
    expect([...control(el).querySelectorAll('option')].map((o) => o.selected)).to.deep.equal([false, true]);
  });

  it('is invalid while a required value is missing, with its message anchored to the inner control', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><pk-field name="email" type="email" label="Email" required></pk-field></form>`,
    );
    const [field] = fieldsOf(form);
    await field!.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(field!.validity.valueMissing).to.equal(true);
    expect(field!.validationMessage).to.equal('This field is required.');
    field!.reportValidity();
    expect(field!.shadowRoot!.activeElement).to.equal(control(field!));
    field!.value = 'not an email';
    await field!.updateComplete;
    expect(field!.validity.typeMismatch).to.equal(true);
    expect(field!.validationMessage).to.equal('Enter an email address like name@example.com.');
    field!.value = 'ada@example.com';
    await field!.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('counts blanks alone as missing in a required field', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><pk-field name="d" type="textarea" label="Description" required></pk-field>
      <pk-field name="n" type="number" label="Leads" required></pk-field></form>`,
    );
    const [description, leads] = fieldsOf(form);
    description!.value = ' \n\t ';
    await settle(form);
    expect(description!.validity.valueMissing).to.equal(true);
    expect(description!.validationMessage).to.equal('This field is required.');
    description!.value = '  A roadshow  ';
    await settle(form);
    expect(description!.validity.valid).to.equal(true);
    // A number that is not one is said to be so, not missing.
    control(leads!).focus();
    await sendKeys({ type: 'e' });
    await settle(form);
    expect(leads!.validity.badInput).to.equal(true);
    expect(leads!.validationMessage).to.equal('Enter a number.');
  });

  it('shows its error on blur after an edit, not before, and describes the control with it', async () => {
    const el = await fixture<PkField>(
      html`<pk-field label="Email" type="email" hint="Work address" required></pk-field>`,
    );
    const input = control(el);
    input.focus();
    expect(el.matches(':state(user-invalid)')).to.equal(false);
    await sendKeys({ type: 'ada@' });
    await el.updateComplete;
    expect((await shadow(el, '[part~=error]')).hidden).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.matches(':state(user-invalid)')).to.equal(true);
    const error = el.shadowRoot!.querySelector<HTMLElement>('[part~=error]')!;
    expect(error.hidden).to.equal(false);
    expect(text(error)).to.contain('Enter an email address');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('h e');
    await expect(el).to.be.accessible();
    input.focus();
    await sendKeys({ type: 'example.com' });
    await el.updateComplete;
    expect(el.matches(':state(user-invalid)')).to.equal(false);
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('runs composable validators after the built-in checks', async () => {
    const isEven = check((v) => Number(v) % 2 === 0, 'Enter an even number.');
    const el = await fixture<PkField>(
      html`<pk-field label="Seats" type="number" min="2" .validators=${[isEven]}></pk-field>`,
    );
    el.value = '1';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Enter 2 or more.');
    el.value = '3';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Enter an even number.');
    expect(el.validity.customError).to.equal(true);
    el.value = '';
    await el.updateComplete;
    expect(el.validity.valid).to.equal(true);
  });

  it('shows an error set from outside until the user edits the value', async () => {
    const el = await fixture<PkField>(html`<pk-field label="Company" value="Acme"></pk-field>`);
    el.error = 'Already registered by you.';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Already registered by you.');
    expect(el.matches(':state(user-invalid)')).to.equal(true);
    control(el).focus();
    await sendKeys({ type: ' Inc' });
    await el.updateComplete;
    expect(el.error).to.equal('');
    expect(el.validity.valid).to.equal(true);
    expect(el.value).to.equal('Acme Inc');
  });

  it('submits its form on Enter, and re-fires change from its shadow root', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><pk-field name="q" label="Search"></pk-field></form>`,
    );
    const [field] = fieldsOf(form);
    await field!.updateComplete;
    form.addEventListener('submit', (e) => e.preventDefault());
    control(field!).focus();
    await sendKeys({ type: 'acme' });
    const changed = oneEvent(field!, 'change');
    const submitted = oneEvent(form, 'submit');
    await sendKeys({ press: 'Enter' });
    await submitted;
    control(field!).blur();
    await changed;
    expect(new FormData(form).get('q')).to.equal('acme');
  });

  it('is a labelled checkbox that Space toggles', async () => {
    const el = await fixture<PkField>(
      html`<pk-field type="checkbox" name="ok" label="Existing customer"></pk-field>`,
    );
    const box = control(el);
    expect(box.labels?.[0]?.textContent).to.equal('Existing customer');
    box.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is a group of checkboxes under one legend: Tab to each, Space to choose, one required', async () => {
    const options = [
      { value: 'a', label: 'Analytics' },
      { value: 'w', label: 'Warehouse' },
      { value: 's', label: 'Shield' },
    ];
    const form = await fixture<HTMLFormElement>(html`<form novalidate>
      <pk-field name="products" label="Products" type="checkboxes" required hint="All that apply" .options=${options}></pk-field>
    </form>`);
    const [el] = fieldsOf(form);
    await el!.updateComplete;
    const boxes = [...el!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const group = el!.shadowRoot!.querySelector('fieldset')!;
    expect(text(group.querySelector('legend'))).to.equal('Products');
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).to.deep.equal(['Analytics', 'Warehouse', 'Shield']);
    expect(group.getAttribute('aria-describedby')).to.equal('h');
    // Required as a group: nothing chosen is a missing value, anchored to the first checkbox.
    expect(el!.checkValidity()).to.equal(false);
    expect(el!.validity.valueMissing).to.equal(true);
    expect(el!.validationMessage).to.equal('This field is required.');
    await el!.updateComplete;
    expect(el!.matches(':state(user-invalid)'), 'user-invalid').to.equal(true);
    await expect(el).to.be.accessible();
    el!.focus();
    expect(el!.shadowRoot!.activeElement).to.equal(boxes[0]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el!.updateComplete;
    expect(el!.value).to.deep.equal(['w', 's']);
    expect(new FormData(form).getAll('products')).to.deep.equal(['w', 's']);
    expect(el!.validity.valid, 'valid once chosen').to.equal(true);
    // Unchecking with Space again takes the value out.
    await sendKeys({ press: 'Space' });
    await el!.updateComplete;
    expect(el!.value).to.deep.equal(['w']);
    form.reset();
    await el!.updateComplete;
    expect(el!.value).to.deep.equal([]);
    expect(
      boxes.every((b) => !b.checked),
      'reset unchecks',
    ).to.equal(true);
    const state = new FormData();
    state.append('products', 'a');
    el!.formStateRestoreCallback(state);
    await el!.updateComplete;
    expect(boxes.map((b) => b.checked)).to.deep.equal([true, false, false]);
    el!.disabled = true;
    await el!.updateComplete;
    expect(
      boxes.every((b) => b.matches(':disabled')),
      'disabled',
    ).to.equal(true);
  });
});
