/**
 * Base64 of the UTF-8 bytes of `text`, for Secret `data`. hub-common runs in browsers
 * too, so no Buffer. Secrets carry `data` rather than `stringData`: the API server turns
 * `stringData` into `data`, and an apply that sent `stringData` could not be compared
 * with what the server stores.
 */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
