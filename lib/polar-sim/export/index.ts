export { listExportEntries, findExportModel, type ExportEntry, type ExportFormat, type PolarExportOptions } from "@/lib/polar-sim/export/archive";
export { EXPORT_SPORTS } from "@/lib/polar-sim/export/sessions";
export { writeExportEntries, writePolarExport, type ExportWriteResult } from "@/lib/polar-sim/export/write";
