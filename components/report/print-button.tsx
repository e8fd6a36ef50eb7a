"use client";

import { Button } from "@/components/ui/button";

/** Prints the report (the print stylesheet hides navigation and controls). */
export function PrintButton() {
  return (
    <Button onClick={() => window.print()} size="sm" className="print:hidden" data-testid="report-print">
      Print
    </Button>
  );
}
