// What the <pk-field> stories share: the field inside a form, as every form uses it, and a play
// step that checks it as a submit would.
import type { Canvas } from './play.js';
import { expectFieldError } from './play.js';

/** A field's properties by name, as the story's args give them. */
export type FieldArgs = Record<string, unknown>;

/** The field inside a form, as it is used; the story's args become its properties. */
export function fieldInForm(args: FieldArgs): HTMLFormElement {
  const form = document.createElement('form');
  form.noValidate = true;
  const field = document.createElement('pk-field');
  Object.assign(field, args);
  form.append(field);
  return form;
}

/** Checks the field as a submit would: its inline error shows. */
export async function checkField({ canvasElement }: Canvas): Promise<void> {
  const field = canvasElement.querySelector('pk-field');
  if (!field) throw new Error('the story has no <pk-field>');
  await field.updateComplete;
  field.checkValidity();
  await expectFieldError(field);
}
