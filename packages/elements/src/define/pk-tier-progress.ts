import { define } from '../internal/define.js';
import { PkTierProgress } from '../tier-progress/tier-progress.js';

define('pk-tier-progress', PkTierProgress);

declare global {
  interface HTMLElementTagNameMap {
    'pk-tier-progress': PkTierProgress;
  }
}
