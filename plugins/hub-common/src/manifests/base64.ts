/**
 * Base64 of the UTF-8 bytes of `text`, for Secret `data`, the form the API server
 * stores. hub-common runs in browsers too, so no Buffer.
 */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
