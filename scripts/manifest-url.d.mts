/** Types for manifest-url.mjs (plain ESM: webpack.config.js imports it without a build). */
export declare const DEV_BASE_URL: string;
/** Returns baseUrl when it is https and ends with "/"; throws with the reason otherwise. */
export declare function checkBaseUrl(baseUrl: string): string;
/** Every https://localhost:3000/ becomes baseUrl; the dev <AppDomain> becomes baseUrl's origin. */
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
