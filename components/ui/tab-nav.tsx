import Link from "next/link";
import type { ReactNode } from "react";
import { FOCUS_RING } from "./class-names";

/**
 * Tabs between pages: real links (each tab is its own URL), the current one marked with
 * `aria-current="page"` and an accent underline; scrolls sideways on a phone. A tab the viewer cannot open
 * (`href: null`) is shown struck through with `disabledTitle`.
 */
export type TabNavItem = { key: string; label: ReactNode; href: string | null; isActive: boolean; testId?: string; disabledTitle?: string };

export function TabNav({ label, items, dataAttributes }: { label: string; items: readonly TabNavItem[]; dataAttributes?: Record<`data-${string}`, string | boolean> }) {
  return (
    <nav aria-label={label} {...dataAttributes} className="-mx-4 mb-6 overflow-x-auto border-b border-border px-4">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => (
          <li key={item.key}>
            {item.href === null ? (
              <span className="inline-block px-3 py-2 text-sm text-muted line-through" title={item.disabledTitle} data-testid={item.testId}>
                {item.label}
              </span>
            ) : (
              <Link
                href={item.href}
                aria-current={item.isActive ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${FOCUS_RING} ${item.isActive ? "border-accent font-semibold text-fg" : "border-transparent text-muted hover:text-fg"}`}
                data-testid={item.testId}
              >
                {item.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
