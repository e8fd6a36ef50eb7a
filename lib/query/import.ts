import { queryOptions } from "@tanstack/react-query";
import { CurrentImportSchema, StartedImportSchema } from "@/lib/contracts/import";
import { fetchJson, postJson } from "./fetch-json";
import { queryKeys } from "./keys";

/** The signed-in athlete's newest import (GET /api/import), every second while it runs. */
export function importJobQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.importJob(),
    queryFn: ({ signal }) => fetchJson("/api/import", CurrentImportSchema, { signal }),
    refetchInterval: (query) => (query.state.data?.job?.status === "running" ? 1000 : false),
    staleTime: 0,
    refetchOnMount: "always",
  });
}

/** Sends the file itself as the body: the browser streams it, the server writes it to disk as it arrives. */
export function uploadArchive(file: File) {
  return fetchJson(`/api/import?${new URLSearchParams({ name: file.name }).toString()}`, StartedImportSchema, {
    method: "POST",
    headers: { "content-type": "application/zip" },
    body: file,
  });
}

/** Continues an import the server stopped during. */
export function resumeImport() {
  return postJson("/api/import/resume", StartedImportSchema);
}
