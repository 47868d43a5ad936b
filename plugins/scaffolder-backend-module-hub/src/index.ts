/**
 * The Hubspoke module for @backstage/plugin-scaffolder-backend.
 *
 * @packageDocumentation
 */

export { scaffolderModuleHub as default } from './module';
