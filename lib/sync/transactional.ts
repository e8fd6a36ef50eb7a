import { and, desc, eq } from "drizzle-orm";
import { polarTransactions } from "@/db/schema/sync";
import type { TransactionKind } from "@/lib/polar";
import { isPolarError } from "@/lib/polar/errors";
import type { RunContext } from "./context";
import { hasListedDay, hasListGap } from "./daily-activity";
import {
  findUnaccountedListedSessions,
  hasTransactionalExercise,
  hasUnlistedRecentSession,
  linkToListedSession,
  markDeliveredByTransaction,
  TWIN_SURELY_OFFERED_MS,
} from "./exercise-identity";
import { forEachConcurrently } from "./pool";
import {
  quarantinePayload,
  storeActivity,
  storeExercise,
  storePhysicalInfo,
  type ExerciseBundle,
  type Provenance,
} from "./store";
import { STORED_SAMPLE_TYPES, type ExerciseSampleInput } from "./transforms";
import type { SyncResource } from "./types";

/**
 * Transactional resources (polar-accesslink.md §5.1): create → persist `resource-uri` → list → fetch every
 * item and its sub-resources → validate → store each item in one SQLite transaction → commit with PUT only
 * when every item is stored or quarantined → repeat while Polar answers 201. A 404 on list, item or commit
 * means the transaction expired: it is recorded, not reported as an error — its items come back later and
 * the idempotent upserts absorb the repeat.
 */

/** Items of one transaction fetched at once (inside the rate-limit governor), unless the deps say otherwise. */
export const ITEM_CONCURRENCY = 4;

/** Polar puts at most this many items in one transaction (§5.1). */
export const MAX_TRANSACTION_ITEMS = 50;

/** A run never loops forever on a misbehaving server: 40 transactions × 50 items is far beyond 30 days. */
const MAX_TRANSACTIONS_PER_RUN = 40;

const RESOURCE_OF: Record<TransactionKind, SyncResource> = {
  exercise: "exercise",
  activity: "activity",
  "physical-information": "physical-info",
};

const STEP_OF: Record<TransactionKind, string> = {
  exercise: "Reading training sessions",
  activity: "Reading daily activity",
  "physical-information": "Reading physical information",
};

type RecordedTransaction = { id: number; transactionId: number; resourceUri: string };

function findOpenTransaction(ctx: RunContext, kind: TransactionKind): RecordedTransaction | undefined {
  return ctx.db
    .select({ id: polarTransactions.id, transactionId: polarTransactions.transactionId, resourceUri: polarTransactions.resourceUri })
    .from(polarTransactions)
    .where(
      and(
        eq(polarTransactions.athleteId, ctx.athleteId),
        eq(polarTransactions.kind, kind),
        eq(polarTransactions.status, "open"),
      ),
    )
    .orderBy(desc(polarTransactions.openedAt))
    .get();
}

function recordTransaction(ctx: RunContext, kind: TransactionKind, transactionId: number, resourceUri: string): RecordedTransaction {
  const values = {
    athleteId: ctx.athleteId,
    kind,
    transactionId,
    resourceUri,
    status: "open" as const,
    openedAt: ctx.now(),
    runId: ctx.runId,
  };
  const row = ctx.db
    .insert(polarTransactions)
    .values(values)
    .onConflictDoUpdate({
      target: [polarTransactions.athleteId, polarTransactions.kind, polarTransactions.transactionId],
      set: { resourceUri, status: "open", runId: ctx.runId },
    })
    .returning({ id: polarTransactions.id })
    .get();
  return { id: row.id, transactionId, resourceUri };
}

function closeTransaction(ctx: RunContext, tx: RecordedTransaction, status: "committed" | "expired", itemCount: number | null): void {
  ctx.db
    .update(polarTransactions)
    .set({ status, closedAt: ctx.now(), itemCount })
    .where(eq(polarTransactions.id, tx.id))
    .run();
}

/** Syncs one transactional kind until Polar has nothing new. Throws on errors that stop the resource. */
export async function syncTransactionalKind(ctx: RunContext, kind: TransactionKind): Promise<void> {
  const resource = RESOURCE_OF[kind];
  ctx.touch(resource);
  for (let round = 0; round < MAX_TRANSACTIONS_PER_RUN; round += 1) {
    ctx.setStep(STEP_OF[kind]);
    // Resume a transaction a previous run opened but did not close: while it is open Polar answers a new
    // POST with 204 even though data waits (§5.1), so its resource-uri is the only way to the items.
    let tx = findOpenTransaction(ctx, kind);
    const resumed = tx !== undefined;
    if (!tx) {
      const created = await ctx.user.createTransaction(kind);
      if (!created) return;
      // Persisted BEFORE anything is read: a crash from here on leaves a transaction we can resume.
      tx = recordTransaction(ctx, kind, created.transactionId, created.resourceUri);
    }

    let urls: string[];
    try {
      urls = await ctx.user.listTransaction(kind, tx.resourceUri);
    } catch (error) {
      if (isPolarError(error, "not_found")) {
        closeTransaction(ctx, tx, "expired", null);
        continue;
      }
      throw error;
    }
    const toRead = await selectItemsToRead(ctx, kind, urls, tx.transactionId, resumed);
    ctx.addTotal(toRead.length);

    const complete = await processItems(ctx, toRead, (url) => fetchAndStoreItem(ctx, kind, url, tx.transactionId));
    if (!complete) {
      closeTransaction(ctx, tx, "expired", urls.length);
      continue;
    }
    try {
      await ctx.user.commitTransaction(tx.resourceUri);
      closeTransaction(ctx, tx, "committed", urls.length);
    } catch (error) {
      if (!isPolarError(error, "not_found")) throw error;
      // Expired between the last read and the commit: everything is stored, the items come back and dedupe.
      closeTransaction(ctx, tx, "expired", urls.length);
      continue;
    }
    // A transaction holds at most 50 items (§5.1): fewer means nothing else was waiting when it was created, so
    // asking again would only hear 204. What was uploaded since waits for the next run.
    if (urls.length < MAX_TRANSACTION_ITEMS) return;
  }
}

/**
 * Fetches and stores items with bounded concurrency. Returns false when the transaction expired under us
 * (an item answered 404). Any other error stops the remaining items and is rethrown: no commit follows.
 */
async function processItems(ctx: RunContext, urls: string[], handle: (url: string) => Promise<void>): Promise<boolean> {
  let expired = false;
  let failure: { error: unknown } | null = null;
  await forEachConcurrently(
    urls,
    ctx.deps.concurrency ?? ITEM_CONCURRENCY,
    async (url) => {
      try {
        await handle(url);
      } catch (error) {
        if (isPolarError(error, "not_found")) expired = true;
        else failure ??= { error };
      }
    },
    () => expired || failure !== null,
  );
  if (failure !== null) throw (failure as { error: unknown }).error;
  return !expired;
}

type Piece<T> = { ok: true; data: T; raw: unknown } | { ok: false; raw: unknown; error: string; path: string | null; url: string };

/**
 * Runs one fetch; a payload that fails validation becomes a value (to quarantine), and so does a 204 ("no
 * data") on a required item. A 404 (expired transaction) and every other error propagate.
 */
async function readPiece<T>(url: string, fetch: () => Promise<{ data: T; raw: unknown } | null>): Promise<Piece<T | null>> {
  try {
    const fetched = await fetch();
    return fetched ? { ok: true, data: fetched.data, raw: fetched.raw } : { ok: true, data: null, raw: null };
  } catch (error) {
    if (isPolarError(error, "not_found") && error.status === 204) return { ok: true, data: null, raw: null };
    if (isPolarError(error, "invalid_payload")) {
      return { ok: false, raw: error.raw ?? null, error: error.message, path: error.path ?? null, url: error.url ?? url };
    }
    throw error;
  }
}

/**
 * The items worth reading; the transaction is committed either way, so Polar stops offering the rest. Daily
 * activity comes from the list (daily-activity.ts): its summaries are read only while the list lacks a day they
 * could concern. Sessions come from the list too (exercises.ts): see `selectExercisesToRead`.
 */
async function selectItemsToRead(ctx: RunContext, kind: TransactionKind, urls: string[], transactionId: number, resumed: boolean): Promise<string[]> {
  if (kind === "activity") return hasListGap(ctx) ? urls : [];
  // A resumed transaction may predate this run's list: its items cannot be told apart from the list's twins.
  if (kind === "exercise" && !resumed) return selectExercisesToRead(ctx, urls, transactionId);
  return urls;
}

/**
 * The exercise items to read. Sessions come from `/v3/exercises` first; a transaction then offers each listed
 * session's twin under an unrelated int64 id (§6.1). When the transaction holds everything waiting (fewer
 * than 50 items, created after the list was read), the list has shown every recent session of this athlete,
 * and the unknown items are exactly as many as the listed sessions whose twin is still to be offered, every
 * unknown item is such a twin: none is read, the sessions record the transaction, and it is committed.
 * Otherwise (a device the list never shows, a twin already gone) each unknown item is read and matched by
 * device and start.
 *
 * Equal counts prove nothing while a waiting session is old enough for its twin to have aged out (Polar's
 * look-back is 28 or 30 days): a session the list never shows could stand in for the missing twin. Items are
 * then read one at a time, each matched or stored, until no such session waits or the counts part.
 */
async function selectExercisesToRead(ctx: RunContext, urls: string[], transactionId: number): Promise<string[]> {
  if (urls.length >= MAX_TRANSACTION_ITEMS || hasUnlistedRecentSession(ctx.db, ctx.athleteId, ctx.referenceMs)) return urls;
  let unknown = urls.filter((url) => !isStoredExercise(ctx, Number(lastSegment(url))));
  const surelyOffered = ctx.referenceMs - TWIN_SURELY_OFFERED_MS;
  for (;;) {
    const listed = findUnaccountedListedSessions(ctx.db, ctx.athleteId, ctx.referenceMs);
    if (unknown.length !== listed.length) return unknown;
    if (listed.every((session) => session.uploadTime !== null && session.uploadTime >= surelyOffered)) {
      markDeliveredByTransaction(
        ctx.db,
        listed.map((session) => session.id),
        transactionId,
      );
      return [];
    }
    const [next, ...rest] = unknown;
    ctx.addTotal(1);
    // An expired transaction (404) leaves the rest to the main read, which closes it as expired.
    if (!(await processItems(ctx, [next], (url) => fetchAndStoreItem(ctx, "exercise", url, transactionId)))) return rest;
    unknown = rest;
  }
}

/** A transactional session whose int64 id we hold needs no read at all (the id is the URL's last segment). */
function isStoredExercise(ctx: RunContext, exerciseId: number): boolean {
  return Number.isSafeInteger(exerciseId) && hasTransactionalExercise(ctx.db, ctx.athleteId, exerciseId);
}

function lastSegment(url: string): string {
  const path = url.split("?")[0].replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}

async function fetchAndStoreItem(ctx: RunContext, kind: TransactionKind, url: string, transactionId: number): Promise<void> {
  const resource = RESOURCE_OF[kind];
  const pieces: Record<string, Piece<unknown>> = {};
  /** null: a session already held, so nothing was read or stored; it is neither counted nor part of the total. */
  let outcome: "new" | "updated" | "unchanged" | "quarantined" | null;
  const prov = (): Provenance => ({ endpoint: url, transactionId, fetchedAt: ctx.now() });
  /** A payload that validated but cannot be interpreted (a RangeError from a time or duration) is kept raw. */
  const storeOrQuarantine = (store: () => "new" | "updated" | "unchanged"): typeof outcome => {
    try {
      return store();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      pieces.item = { ok: false, raw: pieces.item?.raw ?? null, error: error.message, path: null, url };
      return quarantineItem(ctx, resource, url, transactionId, pieces);
    }
  };

  const exerciseId = kind === "exercise" ? Number(lastSegment(url)) : NaN;
  const summary = kind === "exercise" && !isStoredExercise(ctx, exerciseId) ? await readPiece(url, () => ctx.user.getExercise(url)) : null;
  const isKnownSession =
    summary === null || (summary.ok && summary.data !== null && linkToListedSession(ctx.db, ctx.athleteId, summary.data, transactionId));
  if (kind === "exercise" && isKnownSession) {
    // Stored already: re-offered after an expired transaction, or read from `/v3/exercises` (same device and
    // start), which counted it. Neither needs its samples read again; the commit that follows stops Polar
    // offering it.
    outcome = null;
  } else if (kind === "exercise" && summary !== null) {
    const item = summary;
    const zones = await readPiece(url, () => ctx.user.getExerciseHeartRateZones(url));
    const sampleUrls = await ctx.user.getExerciseSampleList(url);
    const samples: { sample: ExerciseSampleInput; url: string }[] = [];
    pieces.item = item;
    pieces.heartRateZones = zones;
    for (const sampleUrl of sampleUrls) {
      if (!STORED_SAMPLE_TYPES.has(Number(lastSegment(sampleUrl)))) continue;
      const sample = await readPiece(sampleUrl, () => ctx.user.getExerciseSample(sampleUrl));
      pieces[`sample:${lastSegment(sampleUrl)}`] = sample;
      if (sample.ok && sample.data) samples.push({ sample: sample.data, url: sampleUrl });
    }
    if (item.ok && item.data && zones.ok && Object.values(pieces).every((p) => p.ok)) {
      const bundle: ExerciseBundle = { exercise: item.data, exerciseRaw: item.raw, zones: zones.data, samples };
      outcome = storeOrQuarantine(() => storeExercise(ctx.db, ctx.athleteId, bundle, prov()));
    } else {
      outcome = quarantineItem(ctx, resource, url, transactionId, pieces);
    }
  } else if (kind === "activity") {
    const item = await readPiece(url, () => ctx.user.getActivity(url));
    if (item.ok && item.data && hasListedDay(ctx, item.data.date)) {
      // The list has this day (the main path): the summary adds nothing and its samples are not read.
      finishItem(ctx, resource, null);
      return;
    }
    const steps = await readPiece(url, () => ctx.user.getActivityStepSamples(url));
    const zones = await readPiece(url, () => ctx.user.getActivityZoneSamples(url));
    pieces.item = item;
    pieces.stepSamples = steps;
    pieces.zoneSamples = zones;
    if (item.ok && item.data && steps.ok && zones.ok) {
      const bundle = { activity: item.data, activityRaw: item.raw, steps: steps.data, zones: zones.data, stepsRaw: steps.raw, zonesRaw: zones.raw };
      outcome = storeOrQuarantine(() => storeActivity(ctx.db, ctx.athleteId, bundle, prov()));
    } else {
      outcome = quarantineItem(ctx, resource, url, transactionId, pieces);
    }
  } else {
    const item = await readPiece(url, () => ctx.user.getPhysicalInfo(url));
    pieces.item = item;
    if (item.ok && item.data) {
      const info = item.data;
      outcome = storeOrQuarantine(() => storePhysicalInfo(ctx.db, ctx.athleteId, info, item.raw, prov()));
    } else {
      outcome = quarantineItem(ctx, resource, url, transactionId, pieces);
    }
  }

  finishItem(ctx, resource, outcome);
}

/** Counts one handled item; null: already held, so neither counted nor part of the total. */
function finishItem(ctx: RunContext, resource: SyncResource, outcome: "new" | "updated" | "unchanged" | "quarantined" | null): void {
  ctx.itemsStoredInRun += 1;
  if (outcome === null) {
    ctx.addTotal(-1);
  } else {
    ctx.countOutcome(resource, outcome);
    ctx.itemDone();
  }
  ctx.deps.onItemStored?.({ resource, itemsStoredInRun: ctx.itemsStoredInRun });
}

/**
 * Keeps every piece of an item raw (summary and sub-resources) so `sync:reparse` can re-ingest it whole.
 * The item is keyed by its Polar id (the URL's last segment), stable across transactions.
 */
function quarantineItem(
  ctx: RunContext,
  resource: SyncResource,
  url: string,
  transactionId: number,
  pieces: Record<string, Piece<unknown>>,
): "quarantined" {
  const failed = Object.entries(pieces).find(([, piece]) => !piece.ok);
  const [name, piece] = failed ?? ["item", undefined];
  const error = piece && !piece.ok ? piece.error : "The item was empty (Polar answered 204 for it).";
  quarantinePayload(ctx.db, ctx.athleteId, {
    resource,
    itemKey: lastSegment(url),
    endpoint: piece && !piece.ok ? piece.url : url,
    transactionId,
    raw: { url, pieces: Object.fromEntries(Object.entries(pieces).map(([key, p]) => [key, p.raw])) },
    error: `${name}: ${error}`,
    path: piece && !piece.ok ? piece.path : null,
    fetchedAt: ctx.now(),
    runId: ctx.runId,
  });
  return "quarantined";
}
