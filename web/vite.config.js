// JSX for Preact through Vite's own transformer (oxc): no preset plugin, no Babel.
// `npm run dev` proxies /api to a running `ziping serve` (the server sends no CORS headers).
export default {
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
};
