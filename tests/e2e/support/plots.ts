import { expect, type Page } from "@playwright/test";

/**
 * Charts render their frame with the page and draw the plot once its code has loaded (components/charts/lazy-plots.tsx).
 * Waits until every plot box on the page holds its drawn SVG, so a screenshot shows the charts, not their skeletons.
 */
export async function waitForPlots(page: Page): Promise<void> {
  await expect(page.locator("[data-plot-loading]")).toHaveCount(0);
  await expect(page.locator("[data-plot]:not(:has(svg.recharts-surface))")).toHaveCount(0);
}
