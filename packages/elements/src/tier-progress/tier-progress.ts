import type { CriterionProgress, Tier, TierBenefit, TierCriterion, TierProgress } from '@partnerkit/api';
import { html, nothing, type TemplateResult } from 'lit';
import { cards } from '../internal/cards.js';
import { PkElement } from '../internal/element.js';
import type { PkPlace } from '../internal/events.js';
import { countdown } from '../internal/format.js';
import { Catalog } from '../internal/i18n.js';
import { Load } from '../internal/load.js';
import { meter, meterStyles } from '../internal/meter.js';
import { placeLink } from '../internal/navigate.js';
import { base } from '../internal/styles.js';
import en, { type TierStrings } from './strings/en.js';
import { tierStyles } from './tier-progress.styles.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

/** The overall state of a partner's tier progress; see {@link tierState}. */
export type TierState = 'on-track' | 'at-risk' | 'promotion' | 'top' | 'grace';

/** The badge tone of each state (see `cards`); promotion and the top tier have a star of their own. */
const STATE_TONE: Record<TierState, string> = {
  'on-track': 'on',
  'at-risk': 'warn',
  grace: 'warn',
  promotion: 'ok',
  top: 'ok',
};

/**
 * The overall state, from the server's fields alone, the first that applies:
 * 1. `grace`: a grace period runs (`grace.active`): the tier is kept until `grace.endsOn`, though
 *    the records qualify only for `grace.qualifiedTier`.
 * 2. `at-risk`: no grace period runs, but the records qualify for a tier below the current one
 *    (`grace.qualifiedTier.rank < currentTier.rank`), as with a backend that waits for the review
 *    date. The reference server starts a grace period at once instead.
 * 3. `top`: there is no next tier (`nextTier` is `null`); the criteria are the current tier's.
 * 4. `promotion`: the records qualify for a tier above the current one
 *    (`grace.qualifiedTier.rank > currentTier.rank`), or meet every criterion of the next tier,
 *    and the backend has not promoted the partner yet. The reference server promotes at once.
 * 5. `on-track`: the current tier is held, and the next one not yet reached.
 */
export function tierState(p: TierProgress): TierState {
  const { rank } = p.currentTier;
  const qualified = p.grace.qualifiedTier.rank;
  if (p.grace.active) return 'grace';
  if (qualified < rank) return 'at-risk';
  if (!p.nextTier) return 'top';
  return qualified > rank || (p.criteria.length && p.criteria.every((c) => c.met)) ? 'promotion' : 'on-track';
}

/** The places this component links to. */
type Place = keyof TierStrings['go'] & PkPlace;

/** The place of the portal that moves each criterion (satisfaction is moved by no page). */
const PLACES: Partial<Record<CriterionProgress['key'], Place>> = {
  certified_people: 'training',
  registered_deals: 'deal-registration',
  closed_revenue: 'deal-list',
};

/** A score as the server sends it (4.5, 4.25): at least one decimal, at most two. */
const SCORE = { minimumFractionDigits: 1, maximumFractionDigits: 2 };

/**
 * @tagname pk-tier-progress
 * @summary The partner's tier: current and next tier, every criterion of the next tier as current
 * against required with what remains, the overall state (on track, at risk, qualified for
 * promotion, top tier, grace period), the next review date and the benefits of each tier.
 * Refreshes when a certification is earned or a deal registered on the page.
 *
 * Every number is the server's (`GET /v1/tier-progress`; the tiers and their benefits from
 * `GET /v1/tiers`); nothing is recomputed. The overall state comes from the server's fields, the
 * first that applies: **grace period** while `grace.active` (with `grace.endsOn` and a countdown,
 * and the tier the records qualify for, `grace.qualifiedTier`); **at risk** when the records
 * qualify below the current tier but no grace period runs; **top tier** when `nextTier` is `null`
 * (the criteria shown are then the current tier's); **qualified for promotion** when the records
 * qualify above the current tier, or meet every criterion of the next, before the backend
 * promotes; **on track** otherwise. The reference server promotes at once and starts a grace
 * period at once, so with it "at risk" and "qualified for promotion" do not last; backends that
 * act at the review date show them.
 *
 * A criterion links to the place of the portal that moves it when the page gives that place's
 * address: certified people to training (`training-href`), registered deals to deal registration
 * (`deal-registration-href`), closed revenue to the list of registrations (`deal-list-href`);
 * customer satisfaction links nowhere. Without an address there is no link.
 *
 * @event pk-navigate - Cancelable: a link to another place was followed; `detail` is `{ place, href, reason }` (`reason` is the criterion's key). Call `preventDefault()` to route in the page's own way.
 * @event pk-error - A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`.
 *
 * @csspart summary - The current tier, the overall state, what it means and the review date.
 * @csspart requirements - In a grace period or at risk: what the current tier requires.
 * @csspart state - The overall state, a badge (text and symbol, not colour alone; `badge` too); it also carries the state's name: `on-track`, `at-risk`, `promotion`, `top` or `grace`.
 * @csspart criteria - The criteria of the next tier (of the current tier at the top).
 * @csspart criterion - One criterion; also `met` when it is met.
 * @csspart meter - A criterion's progress bar with its text.
 * @csspart link - A link to the place that moves a criterion (and, in compact mode, to the tier details).
 * @csspart benefits - The benefits: what the next tier adds, and what each tier gives.
 * @csspart gains - What the next tier adds to the current tier's benefits.
 * @csspart tiers - The list of tiers with their benefits.
 * @csspart tier - One tier of that list; the partner's own is also `current`.
 * @csspart compact - The one line of compact mode.
 * @csspart button - The retry button of the error state.
 * @csspart status - The loading and error states.
 *
 * @cssproperty --pk-tier-background - Background of the component.
 * @cssproperty --pk-tier-border-color - Border of each tier in the list of benefits.
 */
export class PkTierProgress extends PkElement {
  static override styles = [base, cards, meterStyles, tierStyles];
  static override properties = {
    compact: { type: Boolean, reflect: true },
    trainingHref: { attribute: 'training-href' },
    dealRegistrationHref: { attribute: 'deal-registration-href' },
    dealListHref: { attribute: 'deal-list-href' },
    tierProgressHref: { attribute: 'tier-progress-href' },
    said: { state: true },
  };

  /** One line for a dashboard header (tier, state, progress toward the next tier) instead of the full view. */
  compact = false;
  /** The address of the training page: certified-people criteria link to it. */
  trainingHref?: string;
  /** The address of the deal registration page: registered-deals criteria link to it. */
  dealRegistrationHref?: string;
  /** The address of the list of registrations: closed-revenue criteria link to it. */
  dealListHref?: string;
  /** The address of the full tier progress page: the compact line links to it. */
  tierProgressHref?: string;

  /** The last announcement for screen readers. */
  private said = '';
  readonly #refresh = () => this.portal && this.#load.run();

  /** The progress and, for the full view, the program's tiers; the progress again on a refresh. */
  readonly #load = new Load<{ progress: TierProgress; tiers: Tier[] | undefined }>(
    this,
    async (signal) => {
      const { client } = this.portal!;
      const before = this.#load.value?.progress.currentTier;
      const [progress, tiers] = await this.all([
        [client.tiers.progress(undefined, { signal }), 'tiers.progress'],
        [this.compact ? Promise.resolve(undefined) : client.tiers.list({ signal }), 'tiers.list'],
      ]);
      const t = this.strings(catalog);
      const now = progress.currentTier;
      this.said = !before ? '' : now.rank > before.rank ? t.promoted(now.name) : t.updated;
      return { progress, tiers };
    },
    () => this.portal && [this.portal.client, this.compact],
  );

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pk-certification-earned', this.#refresh);
    document.addEventListener('pk-deal-registered', this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pk-certification-earned', this.#refresh);
    document.removeEventListener('pk-deal-registered', this.#refresh);
  }

  /** The address the page gave for `place`, if any. */
  #href(place: Place): string | undefined {
    return {
      training: this.trainingHref,
      'deal-registration': this.dealRegistrationHref,
      'deal-list': this.dealListHref,
      'tier-progress': this.tierProgressHref,
    }[place];
  }

  /** A value of criterion `c` in its own unit: money in its currency, a score, a count. */
  #amount(c: Pick<TierCriterion, 'unit' | 'currency'>, value: number): string {
    const f = this.format;
    return c.unit === 'money' && c.currency
      ? f.money({ amount: value, currency: c.currency })
      : f.number(value, c.unit === 'score' ? SCORE : undefined);
  }

  /** What remains of an unmet criterion, in its own unit. */
  #remaining(c: CriterionProgress, t: TierStrings): string {
    const left = this.#amount(c, c.remaining);
    return c.key === 'certified_people'
      ? t.people(c.remaining, left)
      : c.key === 'registered_deals'
        ? t.deals(c.remaining, left)
        : t.toGo(left);
  }

  /** What the state means, in one sentence (or, `short`, a phrase for the compact line). */
  #explain(p: TierProgress, state: TierState, t: TierStrings, short = false): string {
    const tier = p.currentTier.name;
    const qualified = p.grace.qualifiedTier;
    const ends = p.grace.endsOn;
    const met = p.criteria.filter((c) => c.met).length;
    switch (state) {
      case 'grace': {
        const when = ends ? [this.format.date(ends), countdown(this.locale, ends)] : undefined;
        if (short) return when ? t.until(when[0]!, when[1]!) : t.qualifies(qualified.name);
        if (when) return t.grace(tier, when[0]!, when[1]!, qualified.name);
        return t.atRisk(tier, qualified.name);
      }
      case 'at-risk':
        return short ? t.qualifies(qualified.name) : t.atRisk(tier, qualified.name);
      case 'top':
        return short ? '' : t.top(tier);
      case 'promotion':
        return t.promotion(qualified.rank > p.currentTier.rank ? qualified.name : p.nextTier!.name);
      default:
        return t.onTrack(this.format.number(met), this.format.number(p.criteria.length), p.nextTier!.name);
    }
  }

  /** The state as a badge (see `cards`): its words, a symbol and a tone. */
  #state(state: TierState, t: TierStrings): TemplateResult {
    return html`<span part="badge state ${state}" data-tone=${STATE_TONE[state]}>${t.state[state]}</span>`;
  }

  #criterion(c: CriterionProgress, t: TierStrings): TemplateResult {
    const place = PLACES[c.key];
    return html`<li part="criterion${c.met ? ' met' : ''}"><div class="top"><strong>${c.label}</strong>
<span class="left">${c.met ? t.met : this.#remaining(c, t)}</span></div>
${meter(c.current, c.required, c.label, t.of(this.#amount(c, c.current), this.#amount(c, c.required)))}
${place ? placeLink(this, place, this.#href(place), t.go[place], c.key) : nothing}</li>`;
  }

  #benefit(b: TierBenefit): TemplateResult {
    return html`<div class="benefit"><strong>${b.label}</strong>
${b.description ? html`<span class="muted">${b.description}</span>` : nothing}</div>`;
  }

  /** What the next tier adds (a benefit the current tier has not, or has under another label), and every tier's benefits. */
  #benefits(p: TierProgress, tiers: Tier[], t: TierStrings): TemplateResult {
    const mine = p.currentBenefits;
    const gains = p.nextBenefits.filter((b) => !mine.some((m) => m.key === b.key && m.label === b.label));
    return html`<section part="benefits">${
      p.nextTier && gains.length
        ? html`<h3>${t.gains(p.nextTier.name)}</h3><ul part="gains">${gains.map((b) => {
            const was = mine.find((m) => m.key === b.key);
            return html`<li>${this.#benefit(b)}
${was ? html`<span class="muted">${t.replaces(was.label)}</span>` : nothing}</li>`;
          })}</ul>`
        : nothing
    }
${
  tiers.length
    ? html`<h3>${t.tiers}</h3><ol part="tiers">${tiers.map((tier) => {
        const current = tier.id === p.currentTier.id;
        const label = current ? t.yours : tier.id === p.nextTier?.id ? t.next : '';
        return html`<li part="tier${current ? ' current' : ''}" aria-current=${current ? 'true' : nothing}>
<h4>${tier.name}${label ? html` <span class="muted">(${label})</span>` : nothing}</h4>
<ul>${tier.benefits.map((b) => html`<li>${this.#benefit(b)}</li>`)}</ul></li>`;
      })}</ol>`
    : nothing
}</section>`;
  }

  #full(p: TierProgress, tiers: Tier[], t: TierStrings): TemplateResult {
    const state = tierState(p);
    const next = p.nextTier;
    // Below the tier held, what it requires (the server's thresholds, as the program lists them).
    const held =
      state === 'grace' || state === 'at-risk' ? tiers.find((x) => x.id === p.currentTier.id) : undefined;
    return html`<div class="full"><section part="summary"><h2>${t.yourTier(p.currentTier.name)}</h2>
<p>${this.#state(state, t)}</p><p>${this.#explain(p, state, t)}</p>
${
  held?.criteria.length
    ? html`<p>${t.requires(held.name)}</p><ul part="requirements">${held.criteria.map((c) => html`<li>${c.label}: ${this.#amount(c, c.required)}</li>`)}</ul>`
    : nothing
}
<p class="muted">${t.review(this.format.date(p.reviewDate))}</p></section>
<section part="criteria"><h3>${next ? t.toward(next.name) : t.keep(p.currentTier.name)}</h3>
${p.criteria.length ? html`<ul>${p.criteria.map((c) => this.#criterion(c, t))}</ul>` : html`<p>${t.none}</p>`}</section>
${this.#benefits(p, tiers, t)}</div>`;
  }

  #compact(p: TierProgress, t: TierStrings): TemplateResult {
    const state = tierState(p);
    const detail = this.#explain(p, state, t, true);
    return html`<div part="compact"><strong>${t.yourTier(p.currentTier.name)}</strong>
${this.#state(state, t)}
${
  state === 'on-track'
    ? meter(p.criteria.filter((c) => c.met).length, p.criteria.length, t.toward(p.nextTier!.name), detail)
    : detail
      ? html`<span>${detail}</span>`
      : nothing
}
${placeLink(this, 'tier-progress', this.tierProgressHref, t.go['tier-progress'])}</div>`;
  }

  protected override render() {
    const t = this.strings(catalog);
    // While a refresh runs, what was loaded stays in view (the full view needs the tiers too).
    return this.present(
      this.#load,
      t.loading,
      (v) =>
        this.compact
          ? [this.#compact(v.progress, t), this.said]
          : v.tiers
            ? [this.#full(v.progress, v.tiers, t), this.said]
            : [this.loading(t.loading), t.loading],
      true,
    );
  }
}
