/**
 * The parts of Decap CMS the editor's own code uses, as Decap hands them over at run time
 * (its bundle sets `window.CMS`, React's `h` and `createClass`): typed here once.
 */

import type { Phrases } from './italian-phrases';
import type { Backend } from './persist';

/** An Immutable.js Map or List, as Decap holds entries and field options. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  deleteIn(path: (string | number)[]): ImmutableMap;
  clear(): ImmutableMap;
  readonly size: number;
  toJS(): Record<string, unknown>;
}

/** What Decap gives a widget (the fields used here). */
export interface WidgetProps {
  value?: unknown;
  field: ImmutableMap;
  locale?: string;
  forID: string;
  classNameWrapper: string;
  /** The entry being edited, as it is now (the `entry` prop may be stale). */
  getEntry: () => ImmutableMap;
  // Callbacks Decap hands over as plain functions: they are called without their object.
  onChange: (value: unknown) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

/** What Decap gives a preview template. */
export interface PreviewProps {
  entry: ImmutableMap;
}

/** React's createElement, as Decap exposes it. */
export type H = (
  type: unknown,
  props: Record<string, unknown> | null,
  ...children: unknown[]
) => unknown;

/** React's createElement and create-react-class, exposed by Decap as plain functions. */
export interface ReactKit {
  h: H;
  createClass: (spec: Record<string, unknown>) => unknown;
}

export interface DecapCms {
  init(options: { config: Record<string, unknown> }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  getWidget(name: string): { control: unknown } | undefined;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerLocale(name: string, phrases: Phrases): void;
  getLocale(name: string): Phrases | undefined;
  getBackend(name: string): Backend | undefined;
  registerEventListener(listener: {
    name: string;
    handler(event: { entry: ImmutableMap }): unknown;
  }): void;
}

export interface DecapGlobals extends ReactKit {
  CMS_MANUAL_INIT?: boolean;
  CMS: DecapCms;
}
