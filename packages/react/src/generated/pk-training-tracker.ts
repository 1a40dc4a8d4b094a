// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-training-tracker';
import { createComponent, type EventName } from '@lit/react';
import { PkTrainingTracker as PkTrainingTrackerElement, type PkEventMap } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkTrainingTrackerElement };

const events = {
  /** `pk-enrolled`: The caller enrolled in a course; `detail` is the `Enrollment`. */
  onPkEnrolled: 'pk-enrolled' as EventName<PkEventMap['pk-enrolled']>,
  /** `pk-module-completed`: A module was completed; `detail` is the `ModuleCompletion` (the enrolment, and the certification it granted or `null`). */
  onPkModuleCompleted: 'pk-module-completed' as EventName<PkEventMap['pk-module-completed']>,
  /** `pk-certification-earned`: Completing a course granted a certification; `detail` is the `Certification`. Fired after `pk-module-completed`. */
  onPkCertificationEarned: 'pk-certification-earned' as EventName<PkEventMap['pk-certification-earned']>,
  /** `pk-error`: A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`. */
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
};

/** The public properties of `<pk-training-tracker>`, which the wrapper sets as properties (not attributes). */
export type PkTrainingTrackerProperties = 'renewalWindow';

/** The props of {@link PkTrainingTracker}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkTrainingTrackerProps = WrapperProps<PkTrainingTrackerElement, PkTrainingTrackerProperties, typeof events>;

/**
 * `<pk-training-tracker>` as a React component. The caller's training: learning paths and courses for their partner type and role, progress and time left per course, enrolment, resuming at the next unfinished module, module completion, and the certifications earned with their expiry, renewal warnings and the tier requirements they count toward.
 *
 * Properties: `renewalWindow`.
 * Events: `onPkEnrolled` (`pk-enrolled`), `onPkModuleCompleted` (`pk-module-completed`), `onPkCertificationEarned` (`pk-certification-earned`), `onPkError` (`pk-error`).
 * The ref is the element itself.
 */
export const PkTrainingTracker: Wrapper<PkTrainingTrackerElement, PkTrainingTrackerProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-training-tracker',
  elementClass: PkTrainingTrackerElement,
  events,
  displayName: 'PkTrainingTracker',
});
