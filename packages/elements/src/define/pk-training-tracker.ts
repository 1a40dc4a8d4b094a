import { define } from '../internal/define.js';
import { PkTrainingTracker } from '../training-tracker/training-tracker.js';

define('pk-training-tracker', PkTrainingTracker);

declare global {
  interface HTMLElementTagNameMap {
    'pk-training-tracker': PkTrainingTracker;
  }
}
