import { define } from '../internal/define.js';
import { PkMdfRequest } from '../mdf-request/mdf-request.js';

define('pk-mdf-request', PkMdfRequest);

declare global {
  interface HTMLElementTagNameMap {
    'pk-mdf-request': PkMdfRequest;
  }
}
