import { handlers } from "@/lib/auth";
import { withSignInErrorCodes } from "@/lib/auth/sign-in-errors";

export const GET = withSignInErrorCodes(handlers.GET);
export const POST = withSignInErrorCodes(handlers.POST);
