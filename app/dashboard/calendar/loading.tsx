export { DashboardPageLoading as default } from "@/components/dashboard/page-loading";
