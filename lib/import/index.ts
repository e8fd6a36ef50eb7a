export { beginImport, executeImport, getImportJob, getLatestImportJob, importArchive, resumeInterruptedImport, type BegunImport, type ImportDeps, type ImportJobView } from "@/lib/import/job";
export { getImportLimits } from "@/lib/import/limits";
export { TYPE_LABELS } from "@/lib/import/progress";
export type { ImportSummary, TypeSummary } from "@/lib/import/read";
export { IMPORT_TYPES, type ImportType } from "@/lib/import/classify";
