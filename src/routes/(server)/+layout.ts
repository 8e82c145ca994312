// The team server's own pages: rendered on the server as plain forms that work without
// JavaScript (the app's routes render on the client; see src/routes/+layout.ts).
export const ssr = true;
export const csr = false;
export const prerender = false;
