declare const __SSHLINT_VERSION__: string | undefined;

/** sshlint's own version: injected by the bundler from package.json; "dev" when run from source. */
export const TOOL_VERSION: string = typeof __SSHLINT_VERSION__ === 'string' ? __SSHLINT_VERSION__ : '0.0.0-dev';
