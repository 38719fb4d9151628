// Typed calls for the logging settings of the platform's own services
// (/platform/infrastructure/{component}/{id}/logging_settings): allocators,
// constructors, runners and admin consoles. The spec gives them no version
// (no ?version=, no 409): a write replaces, merges or resets at once. Reads
// are sent; writes are returned as planned requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

/** The path segment of each component that has logging settings (also the coverage script's samples). */
export const LOGGING_COMPONENTS = [
  'allocators',
  'constructors',
  'runners',
  'adminconsoles',
] as const;
export type LoggingComponent = (typeof LOGGING_COMPONENTS)[number];

/** The levels LoggingSettings allows. */
export const LOG_LEVELS = ['OFF', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'] as const;

const path = (component: LoggingComponent, id: string) =>
  `/platform/infrastructure/${component}/${segment(id)}/logging_settings`;

export const getLoggingSettings = (api: ApiClient, component: LoggingComponent, id: string) =>
  api.request({ path: path(component, id) });

/** PUT: the levels given replace every override the service had. */
export const setLoggingSettingsRequest = (
  component: LoggingComponent,
  id: string,
  body: { logging_levels: Record<string, string> },
): RequestOptions => ({ method: 'PUT', path: path(component, id), body });

/**
 * PATCH: a JSON merge patch of the settings (RFC 7386): a level given is
 * set, a `null` one goes back to its default, the others stay.
 */
export const updateLoggingSettingsRequest = (
  component: LoggingComponent,
  id: string,
  patch: { logging_levels: Record<string, string | null> },
): RequestOptions => ({ method: 'PATCH', path: path(component, id), body: patch });

/** DELETE: every override dropped, the defaults back. */
export const resetLoggingSettingsRequest = (
  component: LoggingComponent,
  id: string,
): RequestOptions => ({ method: 'DELETE', path: path(component, id) });
