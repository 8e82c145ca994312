// Prerendered: this shell is what the service worker serves for every app route offline.
export const prerender = true;
