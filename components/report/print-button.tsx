"use client";

/** Prints the report (the print stylesheet hides navigation and controls). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-border px-2.5 py-1 text-sm hover:bg-bg print:hidden" data-testid="report-print">
      Print
    </button>
  );
}
