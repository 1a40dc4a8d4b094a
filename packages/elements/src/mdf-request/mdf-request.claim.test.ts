// The claim form of <pk-mdf-request>: actual spend never above what is left of the approved
// amount (before submit and when the server refuses), proof files checked against the contract's
// limits before upload, by drop and by the keyboard-operable file button, read as base64; exactly
// once; the draft; German.
import '../define/pk-portal.js';
import '../define/pk-mdf-request.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { MdfClaim, MdfClaimInput } from '@partnerkit/api';
import { sendKeys } from '@web/test-runner-commands';
import { mount, text, waitUntil } from '../../test/helpers.js';
import {
  attached,
  attachedCount,
  button,
  choose,
  claimValues,
  drop,
  loaded,
  mdfRequestTag,
  openClaimForm,
  proofFile,
  row,
} from '../../test/mdf.js';
import type { MockApi } from '../../test/mock-api.js';
import { field, fill, summary } from '../../test/registration.js';
import type { PkMdfRequest } from './mdf-request.js';

const BOOTH = 'Booth at CloudWorld Expo Amsterdam';
const PARTIAL = 'Webinar series: data platforms for manufacturers';
const RESUBMITTED = 'Resilience Days Zurich: breakfast session';
const SPEND = '/amount/amount';
const MIB = 1024 * 1024;

const claimsSent = (api: MockApi) => api.callsOf('createMdfClaim').map((c) => c.body as MdfClaimInput);
const sendButton = (el: PkMdfRequest) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('#cform [part~=submit]')!;
const fileErrors = (el: PkMdfRequest) =>
  [...el.shadowRoot!.querySelectorAll('[part~=files] > [part~=error] li')].map((li) => text(li));

/** The base64 of a file's bytes, worked out here independently of the component. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function claimFormOf(title: string, options: Parameters<typeof mount>[1] = {}) {
  const mounted = await mount<PkMdfRequest>(mdfRequestTag, options);
  await loaded(mounted.el);
  await openClaimForm(mounted.el, title);
  return mounted;
}

describe('<pk-mdf-request> claim form', () => {
  beforeEach(() => localStorage.clear());

  it('claims the approved amount with files dropped and chosen, read as base64, and shows the claim', async () => {
    const { el, api } = await claimFormOf(BOOTH);
    await waitUntil(() => el.shadowRoot!.activeElement === field(el, SPEND), 'no focus on the claim form');
    expect(field(el, SPEND).hint.replace(/\s/g, ' ')).to.equal(
      'Up to €5,400.00 of the approved amount is left to claim. For example 5,000.00',
    );
    const invoice = proofFile('invoice.pdf', 'application/pdf', 3000);
    const photo = proofFile('booth photo.png', 'image/png', 1_572_864);
    await drop(el, invoice);
    await attachedCount(el, 1);
    choose(el, photo);
    await attachedCount(el, 2);
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~=file-list] li')].map((li) => text(li).replace(/\s/g, ' ')),
    ).to.deep.equal(['invoice.pdf 3 kB Remove invoice.pdf', 'booth photo.png 1.5 MB Remove booth photo.png']);
    await fill(el, claimValues('5,400.00'));
    await expect(el).to.be.accessible();
    const claimed = oneEvent(el, 'pk-mdf-claimed');
    sendButton(el).click();
    const { detail } = (await claimed) as CustomEvent<MdfClaim>;
    expect(detail.status).to.equal('submitted');
    expect(claimsSent(api)).to.deep.equal([
      {
        amount: { amount: 540_000, currency: 'EUR' },
        results: {
          leads: 55,
          pipeline: { amount: 8_000_000, currency: 'EUR' },
          notes: 'Sixty attended; twelve asked for a workshop.',
        },
        proofs: [
          { fileName: 'invoice.pdf', contentType: 'application/pdf', dataBase64: await base64Of(invoice) },
          { fileName: 'booth photo.png', contentType: 'image/png', dataBase64: await base64Of(photo) },
        ],
      },
    ]);
    expect(api.callsOf('createMdfClaim')[0]!.path).to.equal('/v1/mdf/requests/mdfr_104/claims');
    expect(detail.proofs.map((p) => [p.fileName, p.size])).to.deep.equal([
      ['invoice.pdf', 3000],
      ['booth photo.png', 1_572_864],
    ]);
    // The claim shows on its request, which is claimed now, with nothing left to claim.
    await waitUntil(() => !el.shadowRoot!.querySelector('#cform'), 'the claim form stayed open');
    const booth = row(el, BOOTH);
    expect(text(booth.querySelector('[part~=badge]'))).to.equal('Claimed');
    expect(text(booth.querySelector('[part~=claims] li'))).to.equal('Claim of €5,400.00 Submitted');
    expect([...booth.querySelectorAll('button')].map((b) => text(b))).to.deep.equal(['Status history']);
    await waitUntil(() => el.shadowRoot!.activeElement === booth.querySelector('[part~=claims] li'), 'focus');
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.equal('Claim of €5,400.00 sent.');
    await expect(el).to.be.accessible();
  });

  it('refuses spend above what is left of the approved amount before sending, for partial approvals too', async () => {
    const { el, api } = await claimFormOf(PARTIAL);
    choose(el, proofFile('invoice.pdf'));
    await attachedCount(el, 1);
    await fill(el, claimValues('4,200.01'));
    sendButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    expect(api.callsOf('createMdfClaim')).to.have.length(0);
    const message = 'Enter €4,200.00 or less: that is what is left of the approved amount.';
    expect(field(el, SPEND).validationMessage).to.equal(message);
    expect(text(summary(el)!.querySelector('a'))).to.equal(`Actual spend: ${message}`);
    await expect(el).to.be.accessible();
    // Against a request with a pending claim, only what that claim leaves.
    button(el.shadowRoot!.querySelector('#cform')!, 'Cancel').click();
    await openClaimForm(el, RESUBMITTED);
    expect(field(el, SPEND).hint).to.contain('Up to €250.00 of the approved amount is left to claim.');
    choose(el, proofFile('dated invoice.pdf'));
    await attachedCount(el, 1);
    await fill(el, claimValues('250.01'));
    sendButton(el).click();
    await waitUntil(() => field(el, SPEND).validationMessage.startsWith('Enter €250.00 or less'), 'no error');
    await fill(el, { [SPEND]: '250' });
    sendButton(el).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('#cform'), 'the exact amount left was not accepted');
    expect(claimsSent(api).map((c) => c.amount.amount)).to.deep.equal([25_000]);
  });

  it('puts the server’s exceeds_approved on the spend field, and shows the request as it is now', async () => {
    const { el, api } = await claimFormOf(BOOTH);
    choose(el, proofFile('invoice.pdf'));
    await attachedCount(el, 1);
    await fill(el, claimValues('1,000'));
    // A colleague claimed most of it in another tab since the page loaded.
    api.state.mdfRequests
      .find((r) => r.id === 'mdfr_104')!
      .claims.push({
        id: 'mdfc_other',
        requestId: 'mdfr_104',
        amount: { amount: 500_000, currency: 'EUR' },
        approvedAmount: null,
        proofs: [{ id: 'proof_other', fileName: 'invoice.pdf', contentType: 'application/pdf', size: 1000 }],
        results: { leads: 10, pipeline: { amount: 0, currency: 'EUR' } },
        status: 'submitted',
        rejectionReason: null,
        paidAt: null,
        createdAt: new Date().toISOString(),
        history: [],
      });
    sendButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    const spend = field(el, SPEND);
    expect(spend.validationMessage).to.equal('This is more than is left of the approved amount now.');
    expect(spend.matches(':state(user-invalid)')).to.equal(true);
    await waitUntil(() => spend.hint.includes('Up to €400.00'), 'the request was not refreshed');
    expect(text(row(el, BOOTH).querySelector('[part~=claims] li'))).to.equal('Claim of €5,000.00 Submitted');
    expect(attached(el)).to.deep.equal(['invoice.pdf']);
    await expect(el).to.be.accessible();
  });

  it('checks each file against the contract’s limits before upload, naming the files it leaves out', async () => {
    const { el, api } = await claimFormOf(BOOTH);
    const longest = `${'q'.repeat(196)}.pdf`;
    choose(
      el,
      proofFile('notes.txt', 'text/plain'),
      proofFile('too big.pdf', 'application/pdf', 5 * MIB + 1),
      proofFile('empty.pdf', 'application/pdf', 0),
      proofFile(`${'q'.repeat(197)}.pdf`),
      proofFile('setup.exe', 'application/x-msdownload'),
      proofFile('a\\b.pdf'),
      proofFile('just right.pdf', 'application/pdf', 5 * MIB),
      proofFile(longest),
    );
    await attachedCount(el, 2);
    expect(attached(el)).to.deep.equal(['just right.pdf', longest]);
    expect(fileErrors(el)).to.deep.equal([
      'notes.txt: not added: only PDF, PNG and JPEG files are accepted.',
      'too big.pdf: not added: larger than 5 MB.',
      'empty.pdf: not added: the file is empty.',
      `${'q'.repeat(197)}.pdf: not added: the name has more than 200 characters, or a / or \\ in it.`,
      'setup.exe: not added: only PDF, PNG and JPEG files are accepted.',
      'a\\b.pdf: not added: the name has more than 200 characters, or a / or \\ in it.',
    ]);
    expect(el.shadowRoot!.querySelector('[part~=files] > [part~=error]')!.getAttribute('role')).to.equal(
      'alert',
    );
    await expect(el).to.be.accessible();
    // Five files at most: of four more, three are attached.
    await drop(el, ...['1', '2', '3', '4'].map((n) => proofFile(`photo ${n}.jpg`, 'image/jpeg')));
    await attachedCount(el, 5);
    expect(fileErrors(el)).to.deep.equal(['photo 4.jpg: not added: 5 files at most.']);
    // Removing one frees a place; focus goes back to the file button.
    const second = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=file-list] li')[1]!;
    second.querySelector('button')!.click();
    await attachedCount(el, 4);
    expect(attached(el)).to.not.include(longest);
    expect(el.shadowRoot!.activeElement?.id).to.equal('cfiles');
    expect(fileErrors(el)).to.deep.equal([]);
    expect(api.callsOf('createMdfClaim')).to.have.length(0);
  });

  it('asks for at least one file in the summary, whose link goes to the file button', async () => {
    const { el, api } = await claimFormOf(BOOTH);
    await fill(el, claimValues('100'));
    sendButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    expect([...summary(el)!.querySelectorAll('li')].map((li) => text(li))).to.deep.equal([
      'Proof of performance: Attach at least one file.',
    ]);
    expect(fileErrors(el)).to.deep.equal(['Attach at least one file.']);
    expect(api.callsOf('createMdfClaim')).to.have.length(0);
    await expect(el).to.be.accessible();
    summary(el)!.querySelector('a')!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('cfiles');
  });

  it('shows the server’s refusal of a file on that file, naming it', async () => {
    const { el, api } = await claimFormOf(BOOTH);
    choose(el, proofFile('invoice.pdf'), proofFile('scan.pdf', 'application/pdf', 4000, false));
    await attachedCount(el, 2);
    await fill(el, claimValues('100'));
    sendButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    const message = 'is not the kind of file its name says. Choose another file.';
    expect([...summary(el)!.querySelectorAll('li')].map((li) => text(li))).to.deep.equal([
      `scan.pdf: ${message}`,
    ]);
    const [, scan] = el.shadowRoot!.querySelectorAll('[part~=file-list] li');
    expect(text(scan!.querySelector('[part~=error]'))).to.equal(message);
    expect(api.callsOf('createMdfClaim')[0]!.status).to.equal(422);
    await expect(el).to.be.accessible();
    // Without the file, the claim goes through.
    scan!.querySelector('button')!.click();
    await attachedCount(el, 1);
    sendButton(el).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('#cform'), 'not sent');
    expect(claimsSent(api)[1]!.proofs.map((p) => p.fileName)).to.deep.equal(['invoice.pdf']);
  });

  it('opens the file chooser from its button by keyboard, and shows a drag over the drop zone', async () => {
    const { el } = await claimFormOf(BOOTH);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#cfile')!;
    let opened = 0;
    input.click = () => {
      opened++;
    };
    expect(input.accept.split(',')).to.include.members(['application/pdf', 'image/png', 'image/jpeg']);
    expect(input.multiple).to.equal(true);
    const chooser = el.shadowRoot!.querySelector<HTMLButtonElement>('#cfiles')!;
    chooser.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(opened).to.equal(2);
    const zone = el.shadowRoot!.querySelector<HTMLElement>('[part~=files]')!;
    const over = new DragEvent('dragover', {
      bubbles: true,
      cancelable: true,
      dataTransfer: new DataTransfer(),
    });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(zone.classList.contains('over')).to.equal(true);
    zone.dispatchEvent(new DragEvent('dragleave', { bubbles: true }));
    await el.updateComplete;
    expect(zone.classList.contains('over')).to.equal(false);
    // The whole claim by keyboard: the spend, then Tab past the files to the results, Enter sends.
    choose(el, proofFile('invoice.pdf'));
    await attachedCount(el, 1);
    field(el, SPEND).focus();
    await sendKeys({ type: '120' });
    field(el, '/results/leads').focus();
    await sendKeys({ type: '8' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '9000' });
    const claimed = oneEvent(el, 'pk-mdf-claimed');
    await sendKeys({ press: 'Enter' });
    expect(((await claimed) as CustomEvent<MdfClaim>).detail.amount.amount).to.equal(12_000);
  });

  it('sends one claim for a double click, and retries a lost answer with the same key', async () => {
    const { el, api } = await claimFormOf(BOOTH, {
      latency: { createMdfClaim: 50 },
      fail: { createMdfClaim: { kind: 'network', times: 1, afterProcessing: true } },
    });
    choose(el, proofFile('invoice.pdf'));
    await attachedCount(el, 1);
    await fill(el, claimValues('300'));
    sendButton(el).click();
    sendButton(el).click();
    await waitUntil(() => summary(el), 'no error');
    expect(api.callsOf('createMdfClaim')).to.have.length(1);
    expect(text(summary(el))).to.contain('The server could not be reached.');
    summary(el)!.querySelector('button')!.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('#cform'), 'not sent');
    const [first, second] = api.callsOf('createMdfClaim');
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect(second!.replayed).to.equal(true);
    expect(api.state.mdfRequests.find((r) => r.id === 'mdfr_104')!.claims).to.have.length(1);
  });

  it('lets the page see and veto the claim with pk-before-submit, request id included', async () => {
    const { el, api } = await claimFormOf(BOOTH);
    choose(el, proofFile('invoice.pdf'));
    await attachedCount(el, 1);
    await fill(el, claimValues('300'));
    const seen = oneEvent(el, 'pk-before-submit');
    el.addEventListener('pk-before-submit', (e) => e.preventDefault(), { once: true });
    sendButton(el).click();
    const { detail } = (await seen) as CustomEvent;
    expect(detail.operation).to.equal('mdf.createClaim');
    expect(detail.input.requestId).to.equal('mdfr_104');
    expect(detail.input.proofs[0].fileName).to.equal('invoice.pdf');
    await waitUntil(() => sendButton(el).getAttribute('aria-disabled') === 'false', 'still sending');
    expect(api.callsOf('createMdfClaim')).to.have.length(0);
  });

  it('keeps the draft of a claim per request (its files are chosen again), and Cancel returns to its button', async () => {
    const { el } = await claimFormOf(PARTIAL);
    await fill(el, claimValues('1,234.50'));
    choose(el, proofFile('invoice.pdf'));
    await attachedCount(el, 1);
    const cancel = button(el.shadowRoot!.querySelector('#cform')!, 'Cancel');
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'to-mdfr_105', 'focus did not return');
    expect(el.shadowRoot!.querySelector('#cform')).to.equal(null);
    // Another request's claim starts empty; this one's comes back.
    await openClaimForm(el, BOOTH);
    expect(field(el, SPEND).value).to.equal('');
    button(el.shadowRoot!.querySelector('#cform')!, 'Cancel').click();
    await openClaimForm(el, PARTIAL);
    expect(field(el, SPEND).value).to.equal('1,234.50');
    expect(field(el, '/results/notes').value).to.equal('Sixty attended; twelve asked for a workshop.');
    expect(attached(el)).to.deep.equal([]);
  });

  it('speaks German: labels, the limit and the files', async () => {
    const { el } = await claimFormOf(BOOTH, { locale: 'de-DE' });
    await waitUntil(() => field(el, SPEND).label === 'Tatsächliche Ausgaben', 'no German');
    expect(field(el, SPEND).hint.replace(/\s/g, ' ')).to.equal(
      'Bis zu 5.400,00 € des genehmigten Betrags können Sie noch abrechnen. Zum Beispiel 5.000,00',
    );
    choose(el, proofFile('notiz.txt', 'text/plain'), proofFile('rechnung.pdf', 'application/pdf', 2_621_440));
    await attachedCount(el, 1);
    expect(fileErrors(el)).to.deep.equal([
      'notiz.txt: nicht hinzugefügt: Nur PDF-, PNG- und JPEG-Dateien sind möglich.',
    ]);
    expect(text(el.shadowRoot!.querySelector('[part~=file-list] li')).replace(/\s/g, ' ')).to.equal(
      'rechnung.pdf 2,5 MB Entfernen rechnung.pdf',
    );
    await expect(el).to.be.accessible();
  });
});
