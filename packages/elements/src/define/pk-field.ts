import { PkField } from '../field/field.js';
import { define } from '../internal/define.js';

define('pk-field', PkField);

declare global {
  interface HTMLElementTagNameMap {
    'pk-field': PkField;
  }
}
