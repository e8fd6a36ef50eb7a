"use client";

import { useSyncExternalStore } from "react";
import { Button } from "./button";

type Theme = "light" | "dark";

/** Runs before paint (inlined in <head>) so the stored theme applies without a flash. */
export const themeBootScript = `(() => {
  try {
    const stored = localStorage.getItem("threshold-theme");
    const dark = stored ? stored === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch {}
})();`;

// The <html> class is the source of truth; React subscribes to it instead of copying it into state.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

function readTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribe, readTheme, () => null);

  function toggle() {
    const next: Theme = theme === "dark" ? "light" : "dark";
    document.documentElement.classList.toggle("dark", next === "dark");
    try {
      localStorage.setItem("threshold-theme", next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  return (
    <Button
      onClick={toggle}
      variant="quiet"
      size="sm"
      aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"}
      data-testid="theme-toggle"
    >
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </Button>
  );
}
