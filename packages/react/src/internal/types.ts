// The prop types of the wrappers and of the pk-* tags in JSX, built from the element classes of
// @partnerkit/elements and the event map, so every prop has the element's own type and docs.
import type { EventName } from '@lit/react';
import type { PkEventMap } from '@partnerkit/elements';
import type * as React from 'react';

/** `on*` props from a map of prop name to typed event name. */
export type EventProps<V> = {
  [K in keyof V]?: V[K] extends EventName<infer T> ? (event: T) => void : never;
};

/**
 * The props of a wrapper of element `E`: its public properties `P` (each optional, with the
 * element's type), the `on*` props of its events `V`, and the HTML attributes React knows.
 */
export type WrapperProps<E extends HTMLElement, P extends keyof E, V> = Omit<
  React.HTMLAttributes<E>,
  P | keyof V
> &
  Partial<Pick<E, P>> &
  EventProps<V>;

/** A wrapper component: its props, and a ref to the element. */
export type Wrapper<E extends HTMLElement, P extends keyof E, V> = React.ForwardRefExoticComponent<
  WrapperProps<E, P, V> & React.RefAttributes<E>
>;

/**
 * A pk-* tag used directly in React 19's JSX: the element's public properties `P`, its attributes
 * `A` (as text), an `on<event-name>` listener for each of its events `N`, and the HTML attributes.
 */
export type Intrinsic<
  E extends HTMLElement,
  P extends keyof E,
  A extends string,
  N extends keyof PkEventMap,
> = Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, P> &
  Partial<Pick<E, P>> & { [K in A]?: string } & {
    [K in N as `on${K}`]?: (event: PkEventMap[K]) => void;
  };
