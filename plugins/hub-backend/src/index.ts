/**
 * The Hubspoke backend plugin.
 *
 * @packageDocumentation
 */

export { hubPlugin as default } from './plugin';
