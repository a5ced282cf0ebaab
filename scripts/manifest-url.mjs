// Rewrites the dev-server URLs in a manifest to where the add-in is deployed. Used by the webpack
// production build (copy of manifest*.xml into dist/) and by the manifest tests.

export const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Checks ADDIN_BASE_URL: Office loads add-ins over HTTPS only, and the manifest URLs are built by
 * appending file names, so the base must end with "/". Returns the URL; throws with the reason.
 * @param {string} baseUrl
 * @returns {string}
 */
export function checkBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must use https: (Office requires it): ${baseUrl}`);
  if (!baseUrl.endsWith("/")) throw new Error(`ADDIN_BASE_URL must end with "/": ${baseUrl}`);
  return baseUrl;
}

/**
 * Replaces every https://localhost:3000/ in the manifest text with `baseUrl`, and the dev origin in
 * <AppDomain> (an origin, written without the trailing slash) with the origin of `baseUrl`.
 * @param {string} xml
 * @param {string} baseUrl
 * @returns {string}
 */
export function rewriteManifestUrls(xml, baseUrl) {
  checkBaseUrl(baseUrl);
  const origin = new URL(baseUrl).origin;
  const devOrigin = DEV_BASE_URL.slice(0, -1);
  return xml
    .split(DEV_BASE_URL)
    .join(baseUrl)
    .split(`<AppDomain>${devOrigin}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`);
}
