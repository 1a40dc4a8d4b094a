// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-field';
import { createComponent } from '@lit/react';
import { PkField as PkFieldElement } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkFieldElement };

const events = {};

/** The public properties of `<pk-field>`, which the wrapper sets as properties (not attributes). */
export type PkFieldProperties = 'type' | 'name' | 'label' | 'hint' | 'defaultValue' | 'defaultChecked' | 'required' | 'disabled' | 'multiple' | 'min' | 'max' | 'step' | 'maxlength' | 'autocomplete' | 'inputmode' | 'placeholder' | 'options' | 'validators' | 'error' | 'value' | 'checked';

/** The props of {@link PkField}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkFieldProps = WrapperProps<PkFieldElement, PkFieldProperties, typeof events>;

/**
 * `<pk-field>` as a React component. A labelled form control (text, email, phone, number, date, multi-line text, select, checkbox, a group of checkboxes) with a hint and an inline error. It takes part in the surrounding `<form>` like a native control: value in `FormData`, reset, restore, `disabled` fieldsets and constraint validation anchored to the inner control.
 *
 * Properties: `type`, `name`, `label`, `hint`, `defaultValue`, `defaultChecked`, `required`, `disabled`, `multiple`, `min`, `max`, `step`, `maxlength`, `autocomplete`, `inputmode`, `placeholder`, `options`, `validators`, `error`, `value`, `checked`.
 * No `pk-*` events of its own.
 * The ref is the element itself.
 */
export const PkField: Wrapper<PkFieldElement, PkFieldProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-field',
  elementClass: PkFieldElement,
  events,
  displayName: 'PkField',
});
