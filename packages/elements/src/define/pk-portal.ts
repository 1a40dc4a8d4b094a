import { define } from '../internal/define.js';
import { PkPortal } from '../portal/portal.js';

define('pk-portal', PkPortal);

declare global {
  interface HTMLElementTagNameMap {
    'pk-portal': PkPortal;
  }
}
