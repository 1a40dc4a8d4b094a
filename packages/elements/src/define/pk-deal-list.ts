import './pk-field.js';
import { PkDealList } from '../deal-list/deal-list.js';
import { define } from '../internal/define.js';

define('pk-deal-list', PkDealList);

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-list': PkDealList;
  }
}
