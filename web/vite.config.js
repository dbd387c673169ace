// Vite builds the page into web/dist (hashed files under dist/assets), which the sitrep binary
// embeds at compile time. No CDN, no external requests: everything is bundled.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
});
