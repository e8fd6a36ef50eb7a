import { gzipSync } from "node:zlib";
import type { AthleteAccess } from "@/lib/polar-sim/access";
import { requireAthleteAccess, respondApiError } from "@/lib/polar-sim/access";
import { authenticateBasic } from "@/lib/polar-sim/auth";
import type { JsonObject, JsonValue, SimAthleteData, SimFile, SimLinkContext, SimUploadKind } from "@/lib/polar-sim/contract";
import { DAY_MS } from "@/lib/polar-sim/dates";
import { listDeliveredUploads } from "@/lib/polar-sim/habits";
import { applyMalformed } from "@/lib/polar-sim/faults";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { respondEmpty, respondJson } from "@/lib/polar-sim/http";
import type { Registration, SimContext, Transaction, TransactionType } from "@/lib/polar-sim/state";
import { toRegistrationKey } from "@/lib/polar-sim/state";
import { withSampleMissingValues } from "@/lib/polar-sim/variants";

/** The transactional API (§5) and the pull notifications that point at it (§4). */

export const MAX_TRANSACTION_ITEMS = 50;

type TypeSpec = { segment: string; listKey: string; itemSegment: string; uploadKind: SimUploadKind; dataType: string };

export const TRANSACTION_TYPES: Record<TransactionType, TypeSpec> = {
  exercise: { segment: "exercise-transactions", listKey: "exercises", itemSegment: "exercises", uploadKind: "exercise", dataType: "EXERCISE" },
  activity: {
    segment: "activity-transactions",
    listKey: "activity-log",
    itemSegment: "activities",
    uploadKind: "activity-summary",
    dataType: "ACTIVITY_SUMMARY",
  },
  physical: {
    segment: "physical-information-transactions",
    listKey: "physical-informations",
    itemSegment: "physical-informations",
    uploadKind: "physical-info",
    dataType: "PHYSICAL_INFORMATION",
  },
};

const TYPE_ORDER: TransactionType[] = ["exercise", "activity", "physical"];

export function findTransactionType(segment: string): TransactionType | null {
  return TYPE_ORDER.find((type) => TRANSACTION_TYPES[type].segment === segment) ?? null;
}

function toCommittedKey(clientId: string, type: TransactionType, itemId: number): string {
  return `${clientId}:${type}:${itemId}`;
}

/** Open transactions past the TTL (U1) are disbanded; their items return in a later transaction. */
export function expireTransactions(ctx: SimContext): void {
  const ttl = ctx.state.switches.transactionTtlSeconds;
  if (ttl === 0) return;
  const now = ctx.clock.now();
  for (const transaction of ctx.state.transactions.values()) {
    if (transaction.status === "open" && now >= transaction.createdAt + ttl * 1000) transaction.status = "expired";
  }
}

/** Item ids of `type` uploaded after registration, within the look-back (U3), visible now and not committed. */
function listPendingItemIds(ctx: SimContext, athlete: SimAthleteData, registration: Registration, type: TransactionType): number[] {
  const now = ctx.clock.now();
  const from = Math.max(registration.registeredAt, now - ctx.state.switches.transactionLookbackDays * DAY_MS);
  const kind = TRANSACTION_TYPES[type].uploadKind;
  const ids: number[] = [];
  for (const upload of listDeliveredUploads(ctx, athlete, from, now + 1)) {
    if (upload.kind !== kind || !("id" in upload)) continue;
    if (!ctx.state.committed.has(toCommittedKey(registration.clientId, type, upload.id))) ids.push(upload.id);
  }
  return ids;
}

function findOpenTransaction(ctx: SimContext, clientId: string, userId: number, type: TransactionType): Transaction | undefined {
  for (const transaction of ctx.state.transactions.values()) {
    if (transaction.status === "open" && transaction.clientId === clientId && transaction.userId === userId && transaction.type === type) {
      return transaction;
    }
  }
  return undefined;
}

function buildResourceUri(ctx: SimContext, transaction: Transaction): string {
  return `${ctx.url}/v3/users/${transaction.userId}/${TRANSACTION_TYPES[transaction.type].segment}/${transaction.id}`;
}

function respondLocation(ctx: SimContext, transaction: Transaction): SimResponse {
  return respondJson(201, { "transaction-id": transaction.id, "resource-uri": buildResourceUri(ctx, transaction) });
}

function createTransaction(ctx: SimContext, access: AthleteAccess, type: TransactionType): SimResponse {
  const { token, athlete, registration } = access;
  if (!registration) return respondEmpty(204);
  expireTransactions(ctx);
  const open = findOpenTransaction(ctx, token.clientId, token.userId, type);
  const mode = ctx.state.switches.openTransactionPost;
  if (open && mode === "204") return respondEmpty(204);
  if (open && mode === "same") return respondLocation(ctx, open);
  const inOpen = new Set<number>();
  if (open) {
    for (const transaction of ctx.state.transactions.values()) {
      if (transaction.status === "open" && transaction.clientId === token.clientId && transaction.userId === token.userId && transaction.type === type) {
        for (const id of transaction.itemIds) inOpen.add(id);
      }
    }
  }
  const itemIds = listPendingItemIds(ctx, athlete, registration, type)
    .filter((id) => !inOpen.has(id))
    .slice(0, MAX_TRANSACTION_ITEMS);
  if (itemIds.length === 0) return respondEmpty(204);
  const transaction: Transaction = {
    id: ctx.state.nextTransactionId++,
    clientId: token.clientId,
    userId: token.userId,
    type,
    createdAt: ctx.clock.now(),
    itemIds,
    status: "open",
  };
  ctx.state.transactions.set(transaction.id, transaction);
  return respondLocation(ctx, transaction);
}

function respondRendered(value: JsonObject | null): SimResponse {
  return value === null ? respondEmpty(204) : respondJson(200, value);
}

export function respondFile(ctx: SimContext, file: SimFile | null, format: "fit" | "tcx" | "gpx"): SimResponse {
  if (!file) return respondEmpty(204);
  // U23: TCX is documented as gzipped but observed plain; the bytes themselves are compressed, no Content-Encoding.
  const body = format === "tcx" && ctx.state.switches.tcxGzip ? gzipSync(file.body) : file.body;
  return { status: 200, headers: { "content-type": file.contentType }, body };
}

function serveItem(ctx: SimContext, access: AthleteAccess, transaction: Transaction, itemId: number, rest: string[], method: string): SimResponse {
  if (method !== "GET") return respondApiError(ctx, 405, null);
  const athlete = access.athlete;
  const userId = athlete.profile.userId;
  const link: SimLinkContext = { apiBaseUrl: ctx.url, transactionId: transaction.id };
  const sub = rest.join("/");
  if (transaction.type === "exercise") {
    if (sub === "") {
      const json = athlete.exercise(itemId, link);
      return respondRendered(json && applyMalformed(ctx, userId, "exercise", { itemId }, json));
    }
    if (sub === "heart-rate-zones") return respondRendered(athlete.exerciseHeartRateZones(itemId, link));
    if (sub === "samples") return respondRendered(athlete.exerciseSampleList(itemId, link));
    if (rest.length === 2 && rest[0] === "samples" && rest[1] !== "") {
      const json = athlete.exerciseSample(itemId, rest[1], link);
      return respondRendered(json && withSampleMissingValues(json, ctx.state.switches));
    }
    if (sub === "fit" || sub === "tcx" || sub === "gpx") return respondFile(ctx, athlete.exerciseFile(itemId, sub), sub);
    return respondApiError(ctx, 404, null);
  }
  if (transaction.type === "activity") {
    if (sub === "") {
      const json = athlete.activitySummary(itemId, link);
      return respondRendered(json && applyMalformed(ctx, userId, "activity", { itemId }, json));
    }
    if (sub === "step-samples") return respondRendered(athlete.activityStepSamples(itemId, link));
    if (sub === "zone-samples") return respondRendered(athlete.activityZoneSamples(itemId, link));
    return respondApiError(ctx, 404, null);
  }
  if (sub !== "") return respondApiError(ctx, 404, null);
  const json = athlete.physicalInfo(itemId, link);
  return respondRendered(json && applyMalformed(ctx, userId, "physical-info", { itemId }, json));
}

/**
 * Everything under `/v3/users/{user-id}/{type}-transactions`: `rest` is the path after the segment
 * (`[]`, `[txId]`, `[txId, items, itemId, …sub]`).
 */
export function handleTransactionRoute(
  ctx: SimContext,
  request: SimRequest,
  userId: number,
  type: TransactionType,
  rest: string[],
): SimResponse {
  const result = requireAthleteAccess(ctx, request, userId);
  if (!result.ok) return result.response;
  const access = result.access;
  if (rest.length === 0) {
    if (request.method !== "POST") return respondApiError(ctx, 405, null);
    return createTransaction(ctx, access, type);
  }
  expireTransactions(ctx);
  const transactionId = /^\d+$/.test(rest[0]) ? Number(rest[0]) : NaN;
  const transaction = ctx.state.transactions.get(transactionId);
  // Unknown, expired, committed, another athlete's or another type's transaction: all 404.
  if (
    !transaction ||
    transaction.status !== "open" ||
    transaction.userId !== userId ||
    transaction.type !== type ||
    transaction.clientId !== access.token.clientId
  ) {
    return respondApiError(ctx, 404, null);
  }
  const spec = TRANSACTION_TYPES[type];
  if (rest.length === 1) {
    if (request.method === "GET") {
      const base = buildResourceUri(ctx, transaction);
      const urls: JsonValue[] = transaction.itemIds.map((id) => `${base}/${spec.itemSegment}/${id}`);
      return respondJson(200, { [spec.listKey]: urls });
    }
    if (request.method === "PUT") {
      transaction.status = "committed";
      for (const id of transaction.itemIds) ctx.state.committed.add(toCommittedKey(transaction.clientId, type, id));
      return respondEmpty(200);
    }
    return respondApiError(ctx, 405, null);
  }
  if (rest[1] !== spec.itemSegment || rest.length < 3 || !/^\d+$/.test(rest[2])) return respondApiError(ctx, 404, null);
  const itemId = Number(rest[2]);
  if (!transaction.itemIds.includes(itemId)) return respondApiError(ctx, 404, null);
  return serveItem(ctx, access, transaction, itemId, rest.slice(3), request.method);
}

/** `GET /v3/notifications` (Basic): one entry per (athlete, type) with uncommitted items; 204 when none (U20). */
export function handleNotifications(ctx: SimContext, request: SimRequest): SimResponse {
  const client = authenticateBasic(ctx, request);
  if (!client) return respondApiError(ctx, 401, null);
  const registrations = [...ctx.state.registrations.values()]
    .filter((registration) => registration.clientId === client.clientId)
    .sort((a, b) => a.userId - b.userId);
  const entries: JsonValue[] = [];
  for (const registration of registrations) {
    const athlete = ctx.state.dataset.athlete(registration.userId);
    if (!athlete || !ctx.state.registrations.has(toRegistrationKey(client.clientId, registration.userId))) continue;
    for (const type of TYPE_ORDER) {
      if (listPendingItemIds(ctx, athlete, registration, type).length === 0) continue;
      const spec = TRANSACTION_TYPES[type];
      entries.push({
        "user-id": registration.userId,
        "data-type": spec.dataType,
        url: `${ctx.url}/v3/users/${registration.userId}/${spec.segment}`,
      });
    }
  }
  return entries.length === 0 ? respondEmpty(204) : respondJson(200, { "available-user-data": entries });
}
