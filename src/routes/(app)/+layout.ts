// The app renders on the client: the server sends the same shell for every app route and the
// service worker answers navigations with it offline.
export const ssr = false;
