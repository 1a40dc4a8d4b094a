import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { Load } from './load.js';

/** A job whose runs are settled by the test, one by one. */
function jobs() {
  const runs: { signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const job = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      runs.push({ signal, resolve, reject });
    });
  return { runs, job };
}

class LoadHost extends LitElement {
  static override properties = { arg: {} };
  arg?: string;
  readonly control = jobs();
  readonly load = new Load(this, this.control.job, () => (this.arg === undefined ? undefined : [this.arg]));
  override render() {
    const { status, value, error } = this.load;
    return html`${status === 2 ? `done:${value}` : status === 3 ? `failed:${error}` : 'pending'}`;
  }
}
customElements.define('pk-load-host', LoadHost);

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('Load', () => {
  it('waits for its arguments, then runs once per change of them', async () => {
    const el = await fixture<LoadHost>(fixtureHtml`<pk-load-host></pk-load-host>`);
    const { runs } = el.control;
    expect(runs).to.have.length(0);
    expect(el.load.status).to.equal(0);
    expect(el.shadowRoot!.textContent).to.equal('pending');
    el.arg = 'a';
    await el.updateComplete;
    expect(runs).to.have.length(1);
    expect(el.load.status).to.equal(1);
    runs[0]!.resolve('A');
    await settle();
    await el.updateComplete;
    expect(el.load.status).to.equal(2);
    expect(el.shadowRoot!.textContent).to.equal('done:A');
    el.requestUpdate();
    await el.updateComplete;
    expect(runs).to.have.length(1);
  });

  it('aborts the run before a new one, and keeps only the newest outcome', async () => {
    const el = await fixture<LoadHost>(fixtureHtml`<pk-load-host arg="a"></pk-load-host>`);
    const { runs } = el.control;
    el.arg = 'b';
    await el.updateComplete;
    expect(runs).to.have.length(2);
    expect(runs[0]!.signal.aborted).to.equal(true);
    expect(runs[1]!.signal.aborted).to.equal(false);
    runs[1]!.resolve('B');
    runs[0]!.resolve('stale');
    await settle();
    await el.updateComplete;
    expect(el.load.value).to.equal('B');
    expect(el.shadowRoot!.textContent).to.equal('done:B');
  });

  it('reports a failure, and runs again on run()', async () => {
    const el = await fixture<LoadHost>(fixtureHtml`<pk-load-host arg="a"></pk-load-host>`);
    const { runs } = el.control;
    runs[0]!.reject('offline');
    await settle();
    await el.updateComplete;
    expect(el.load.status).to.equal(3);
    expect(el.load.error).to.equal('offline');
    expect(el.shadowRoot!.textContent).to.equal('failed:offline');
    el.load.run();
    await el.updateComplete;
    expect(el.load.status).to.equal(1);
    expect(el.shadowRoot!.textContent).to.equal('pending');
    runs[1]!.resolve('again');
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('done:again');
  });
});
