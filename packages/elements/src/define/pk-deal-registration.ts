import './pk-field.js';
import { PkDealRegistration } from '../deal-registration/deal-registration.js';
import { define } from '../internal/define.js';

define('pk-deal-registration', PkDealRegistration);

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-registration': PkDealRegistration;
  }
}
