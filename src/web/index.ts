// The browser console's server side: static serving of web/dist by `setu serve` at /.
export { consolePlugin, type ConsolePluginOptions } from './plugin.js';
export { ASSET_ROUTES, CLIENT_ROUTES, IMMUTABLE_PREFIX, RESERVED_PREFIXES } from './routes.js';
export { CONTENT_TYPES, contentTypeOf } from './content-types.js';
export { WEB_ERRORS, type WebErrorCode } from './errors.js';
