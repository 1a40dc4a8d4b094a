import './pk-field.js';
import { PkAssetLibrary } from '../asset-library/asset-library.js';
import { define } from '../internal/define.js';

define('pk-asset-library', PkAssetLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'pk-asset-library': PkAssetLibrary;
  }
}
