"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { IMPORT_TYPES } from "@/lib/import/classify";
import { TYPE_LABELS } from "@/lib/import/progress";
import type { ImportJobDTO as ImportJob, ImportTypeSummaryDTO as ImportTypeSummary } from "@/lib/contracts/import";
import { importJobQueryOptions, resumeImport, uploadArchive } from "@/lib/query/import";

const POLAR_ACCOUNT_URL = "https://account.polar.com";

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

function describeSkipped(skipped: Record<string, number>): string {
  const entries = Object.entries(skipped);
  return entries.length === 0 ? "0" : entries.map(([why, n]) => `${n} (${why})`).join("; ");
}

function Progress({ job }: { job: ImportJob }) {
  return (
    <ul className="space-y-1 text-sm" data-testid="import-progress">
      {IMPORT_TYPES.map((type) => {
        const s = job.summary.types[type];
        if (s.files.total === 0) return null;
        return (
          <li key={type} className="flex justify-between gap-4" data-type={type} data-files-done={s.files.done} data-files-total={s.files.total}>
            <span className="text-muted">{TYPE_LABELS[type]}</span>
            <span className="tabular-nums">
              {s.files.done} of {s.files.total} files · {formatMegabytes(s.bytes.done)} of {formatMegabytes(s.bytes.total)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function SummaryRow({ type, s }: { type: (typeof IMPORT_TYPES)[number]; s: ImportTypeSummary }) {
  return (
    <Tr>
      <Td>{TYPE_LABELS[type]}</Td>
      <Td isNumeric className="text-right" data-testid={`import-imported-${type}`}>
        {s.imported}
      </Td>
      <Td isNumeric className="text-right">
        {s.present}
      </Td>
      <Td>{describeSkipped(s.skipped)}</Td>
      <Td isNumeric className="text-right">
        {s.quarantined.length}
      </Td>
    </Tr>
  );
}

function Summary({ job }: { job: ImportJob }) {
  const quarantined = IMPORT_TYPES.flatMap((type) => job.summary.types[type].quarantined);
  const notImported = Object.entries(job.summary.skippedEntries);
  return (
    <div className="space-y-3" data-testid="import-summary">
      <Table>
        <TableHead>
          <Th>Data</Th>
          <Th isNumeric>Imported</Th>
          <Th isNumeric>Already present</Th>
          <Th>Skipped (why)</Th>
          <Th isNumeric>Set aside</Th>
        </TableHead>
        <tbody>
          {IMPORT_TYPES.map((type) => (job.summary.types[type].files.total > 0 ? <SummaryRow key={type} type={type} s={job.summary.types[type]} /> : null))}
        </tbody>
      </Table>
      {quarantined.length > 0 ? (
        <div className="text-sm">
          <p className="font-medium">Files that could not be read (set aside; everything else was imported):</p>
          <ul className="list-disc pl-5" data-testid="import-quarantined">
            {quarantined.map((q) => (
              <li key={q.entry}>
                <code>{q.entry}</code>: {q.error}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {notImported.length > 0 || job.summary.unknownEntries.length > 0 ? (
        <p className="text-sm text-muted">
          Not imported by design: {notImported.map(([why, n]) => `${n} × ${why}`).join("; ")}
          {job.summary.unknownEntries.length > 0 ? `; files Threshold does not know yet: ${job.summary.unknownEntries.join(", ")}` : ""}.
        </p>
      ) : null}
    </div>
  );
}

/**
 * Settings → Your data → "Import history from Polar": where to get the archive, the upload, live progress per
 * data type and the summary. The job lives on the server, so a reload shows it again where it is.
 */
export function ImportHistory() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const job = useQuery(importJobQueryOptions());
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const current = job.data?.job ?? null;
  const finished = useRef<string | null>(null);

  useEffect(() => {
    if (!current || current.status === "running" || finished.current === current.jobId) return;
    finished.current = current.jobId;
    // The dashboards read the imported history: refresh what the server rendered.
    router.refresh();
  }, [current, router]);

  async function start(action: () => Promise<unknown>) {
    setError(null);
    setIsUploading(true);
    try {
      await action();
      finished.current = null;
      await queryClient.invalidateQueries({ queryKey: importJobQueryOptions().queryKey });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The import could not start.");
    } finally {
      setIsUploading(false);
    }
  }

  const isRunning = isUploading || current?.status === "running";
  return (
    <div className="space-y-3" data-testid="import-history" data-status={current?.status ?? "none"}>
      <h3 className="font-semibold">Import history from Polar</h3>
      <p className="text-sm text-muted">
        Polar only shares sessions recorded after you connected Threshold. Your older history comes from Polar&apos;s
        &quot;Download your data&quot; archive:
      </p>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>
          Sign in at{" "}
          <a href={POLAR_ACCOUNT_URL} className="text-accent underline" target="_blank" rel="noreferrer">
            account.polar.com
          </a>{" "}
          and choose <strong>Download your data</strong>.
        </li>
        <li>Polar collects your data and e-mails you a link (it stays valid for two weeks).</li>
        <li>Download the .zip file (polar-user-data-export_….zip) and upload it here as it is; do not unpack it.</li>
      </ol>
      <form
        className="flex flex-wrap items-center gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) void start(() => uploadArchive(file));
        }}
      >
        <label className="text-sm">
          <span className="sr-only">Polar archive (.zip)</span>
          <input type="file" accept=".zip,application/zip" data-testid="import-file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} disabled={isRunning} />
        </label>
        <Button type="submit" variant="primary" disabled={!file || isRunning} data-testid="import-upload">
          {isUploading ? "Uploading…" : "Import"}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-high" data-testid="import-error">
          {error}
        </p>
      ) : null}
      {current ? (
        <div className="space-y-2 rounded-md border border-border p-3">
          <p className="text-sm" data-testid="import-status">
            <span className="font-medium">{current.archiveName}</span>:{" "}
            {current.status === "running"
              ? "importing…"
              : current.status === "done"
                ? "imported."
                : current.status === "interrupted"
                  ? "interrupted (the server stopped during the import)."
                  : `failed: ${current.error ?? "unknown error"}`}
          </p>
          {current.status === "interrupted" ? (
            <Button onClick={() => void start(resumeImport)} disabled={isRunning} data-testid="import-resume">
              Resume the import
            </Button>
          ) : null}
          {current.status === "running" ? <Progress job={current} /> : <Summary job={current} />}
        </div>
      ) : null}
    </div>
  );
}
