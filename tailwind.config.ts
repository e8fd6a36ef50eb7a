import type { Config } from "tailwindcss";

// Loaded from app/globals.css with `@config`. Colours come from CSS variables so charts, light and dark
// themes share one palette.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      colors: {
        bg: "var(--color-bg)",
        surface: "var(--color-surface)",
        border: "var(--color-border)",
        fg: "var(--color-fg)",
        muted: "var(--color-muted)",
        accent: "var(--color-accent)",
        "accent-fg": "var(--color-accent-fg)",
        ok: "var(--color-ok)",
        watch: "var(--color-watch)",
        elevated: "var(--color-elevated)",
        high: "var(--color-high)",
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "sans-serif"],
      },
    },
  },
};

export default config;
